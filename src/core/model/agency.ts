/**
 * The key under which the same agency's reports are linked across files and years (G04),
 * despite name variants: 洪泽区人民政府 / 淮安市洪泽区人民政府, 新华路街道办事处 /
 * 新密市新华路办事处. Match form, without a leading province or city when a lower unit
 * follows, with 人民政府 → 政府 and 街道办事处/办事处 → 街道.
 */
import { memoizeString } from '../text/memo'
import { matchForm } from '../text/normalize'

export function agencyKey(agency: string | null | undefined): string | null {
  return agency ? keyOf(agency) : null
}

const keyOf = memoizeString((agency: string): string | null => {
  let k = matchForm(agency)
  k = k.replace(/人民政府/g, '政府').replace(/(街道办事处|办事处)$/, '街道')
  k = k.replace(/^.{2,7}?(省|自治区)(?=.{2,}(市|州|盟|县|区))/, '')
  // 淮安市洪泽区… → 洪泽区…; 新乡市辉县市… → 辉县市…; 新密市新华路街道 → 新华路街道;
  // but 辉县市政府 stays.
  const m = /^(.{2,6}?(市|州|盟))(.{1,8}?(区|县|市|旗).*|.{2,10}(街道|镇|乡).*)$/.exec(k)
  if (m && !/^政府/.test(m[3])) k = m[3]
  return k || null
})

/** Whether two agency names designate the same body (equal keys, or one names it more fully). */
export function sameAgency(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = agencyKey(a)
  const kb = agencyKey(b)
  if (!ka || !kb) return false
  if (ka === kb) return true
  const [short, long] = ka.length < kb.length ? [ka, kb] : [kb, ka]
  return short.length >= 4 && long.endsWith(short) && /[区县市旗镇乡]|街道/.test(short.slice(0, -2))
}
