/**
 * Agency identity (G01, G04): what kind of body published the report, and the key under
 * which the same body's reports are linked across years despite name variants
 * (洪泽区人民政府 / 淮安市洪泽区人民政府, 新华路街道办事处 / 新华路办事处).
 */
import { matchForm } from '../text/normalize'
import { memoizeString } from '../text/memo'

export type AgencyType =
  | 'province' // 省/自治区/直辖市人民政府
  | 'prefecture' // 设区的市/自治州人民政府
  | 'city' // X市人民政府: a 设区的市 or a 县级市, not decidable from the name
  | 'county' // 县/区/旗/县级市人民政府
  | 'township' // 乡/镇人民政府
  | 'subdistrict' // 街道办事处
  | 'devzone' // 开发区/高新区 管委会, “…开发区人民政府”
  | 'department' // 政府部门，包括人民政府办公室
  | 'unknown'

export const AGENCY_TYPE_LABELS: Record<AgencyType, string> = {
  province: '省级人民政府',
  prefecture: '设区的市人民政府',
  city: '市人民政府（设区的市或县级市）',
  county: '县级人民政府',
  township: '乡镇人民政府',
  subdistrict: '街道办事处',
  devzone: '开发区（管委会）',
  department: '政府部门',
  unknown: '未识别'
}

/** Name patterns, checked in order (data, not code paths). */
const TYPE_PATTERNS: Array<[AgencyType, RegExp]> = [
  ['devzone', /开发区|高新区|高新技术产业|产业集聚区|示范区|管理委员会|管委会|综合保税区/],
  ['subdistrict', /(街道办事处|街道|办事处)$/],
  ['township', /[乡镇](人民)?政府$/],
  ['department', /办公室|办公厅|(局|委|厅|处|署|所|中心|委员会|院|站|队|办)$/],
  ['province', /^[^市县区]{2,8}(省|自治区)(人民)?政府$|^(北京|天津|上海|重庆)市(人民)?政府$/],
  ['prefecture', /自治州(人民)?政府$/],
  ['county', /[县区旗](人民)?政府$|市.{1,6}市(人民)?政府$/],
  // "X市人民政府" is a 设区的市 or a 县级市: the name alone cannot tell.
  ['city', /市(人民)?政府$/]
]

export function classifyAgency(agency: string | null): AgencyType {
  return agency ? typeOf(agency) : 'unknown'
}

const typeOf = memoizeString((agency: string): AgencyType => {
  const a = matchForm(agency)
  for (const [type, re] of TYPE_PATTERNS) if (re.test(a)) return type
  return 'unknown'
})

/** Whether a body of this type is a 县级以上人民政府 (条例§49 ¶2: published by 03-31). */
export function isGovernment(t: AgencyType): boolean {
  return t === 'province' || t === 'prefecture' || t === 'city' || t === 'county'
}

export { agencyKey as agencyLinkKey, sameAgency } from '../model/agency'
