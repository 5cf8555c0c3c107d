/**
 * Label data: how the official headings, row labels and column headers (and their known
 * variants, domain.md §1 and §6) are recognised. Everything here is matched against
 * `matchForm` text: NFKC (half-width brackets and digits), unified punctuation, no whitespace.
 * Patterns look for distinctive fragments rather than whole labels so that wrapped, split or
 * slightly misspelt labels still match; the printed text is kept for the label rules.
 */
import { T2_LAYOUTS, T3_COLUMN_LABELS, T3_NOTE, T3_ROW_LABELS, T4_COLUMN_LABELS, type T3Column, type T4Column, type Template } from '../model/keys'
import { matchForm } from '../text/normalize'

export interface SectionPattern {
  index: number
  /** Distinctive words of the heading (any one suffices with the right number). */
  keywords: RegExp
  /** Exact canonical text and accepted variants (domain.md §1.1), compared in match form. */
  accepted: string[]
}

export const SECTION_PATTERNS: SectionPattern[] = [
  { index: 1, keywords: /总体情况|总体概况|基本情况|概述/, accepted: ['一、总体情况'] },
  { index: 2, keywords: /主动公开/, accepted: ['二、主动公开政府信息情况'] },
  {
    index: 3,
    keywords: /收到和处理|处理政府信息公开申请|依申请公开(工作)?(情况|处理)/,
    accepted: ['三、收到和处理政府信息公开申请情况']
  },
  {
    index: 4,
    keywords: /行政复议|行政诉讼/,
    accepted: [
      '四、政府信息公开行政复议、行政诉讼情况',
      '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '四、政府信息公开行政复议和行政诉讼情况',
      '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况'
    ]
  },
  {
    index: 5,
    keywords: /存在的?主要问题|存在问题|改进情况|问题及改进/,
    accepted: ['五、存在的主要问题及改进情况', '五、存在问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况']
  },
  { index: 6, keywords: /其[他它]需要报告|其[他它]事项/, accepted: ['六、其他需要报告的事项', '六、其它需要报告的事项'] }
]

export const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六'] as const

/**
 * The shapes of a section heading, in match form (spaces dropped): a numeral, then a short
 * title (group 1 the numeral, group 2 the title). 一、总体情况 (or 一. 一． 一, 一:); 第一部分
 * 总体情况, as some provinces number them; and 一 总体情况, the numeral set apart by a space,
 * which only the printed text shows (`printed`), so that 一年来… is no heading.
 */
export const HEADING_SHAPES: Array<{ pattern: RegExp; printed?: RegExp }> = [
  { pattern: /^([一二三四五六七八九十])[、.,:](.{2,40})$/ },
  { pattern: /^第([一二三四五六七八九十])(?:部分|章)[、.,:]?(.{2,40})$/ },
  { pattern: /^([一二三四五六七八九十])(.{2,40})$/, printed: /^[一二三四五六七八九十][ \t\u3000]+\S/ }
]

/**
 * Heading shapes that lists inside a section use too: (一) 【一】〔一〕 1. 1、 (1), or no number at
 * all (a web page or a re-typed report that dropped it). They are read only in a report none of
 * whose headings has a shape above, and only where the number is the section's own ((一)总体情况,
 * not (一)主动公开情况 inside 总体情况) or, unnumbered, where the line is a section's name itself.
 * Group 1 is the number (Chinese or Arabic), group 2 the title.
 */
export const FALLBACK_HEADING_SHAPES: RegExp[] = [
  /^\(([一二三四五六七八九十])\)(.{2,40})$/,
  /^\[([一二三四五六七八九十])\](.{2,40})$/,
  /^([1-9])[、.,:](?!\d)(.{2,40})$/,
  /^\(([1-9])\)(.{2,40})$/
]

/** A heading's numbering in any of the shapes above, in match form (一、 第一部分 (一) [一] 1. (1) …). */
export const HEADING_NUMBERING = /^(?:第?[一二三四五六七八九十](?:部分|章)?[、.,:]?|[([][一二三四五六七八九十1-9][)\]]|[1-9][、.,:])/

/** A section's name without its number, in match form (总体情况, 主动公开政府信息情况 …). */
export const SECTION_NAMES: Array<{ index: number; name: string }> = SECTION_PATTERNS.flatMap((p) =>
  p.accepted.map((a) => ({ index: p.index, name: a.replace(/^[一二三四五六]、/, '') }))
)

/**
 * A header line of text laid out with spaces that holds several heads (自然人 商业企业 …), not
 * one: such a line is kept whole and named after none of them (tables 3 and 4), and the label
 * rules read its heads as words.
 */
export const severalHeads = (text: string): boolean => /\S\s+\S/.test(text.trim())

/** Table 3 rows: distinctive fragments of each row label (both templates). */
const T3_ROW_FRAGMENTS: Record<string, RegExp> = {
  new: /本年新收|新收(政府)?信息公开申请|本年收到/,
  carried: /上年结转/,
  open: /予以公开/,
  partial: /部分公开/,
  deny_secret: /国家秘密/,
  deny_law: /禁止公开|法律(行政)?法规禁止/,
  deny_safety: /三安全一稳定|危及/,
  deny_third: /第三方/,
  deny_internal: /内部事务/,
  deny_process: /过程性/,
  deny_enforce: /执法案卷/,
  deny_query: /行政查询|查询事项/,
  unable_nohold: /不掌握/,
  unable_create: /另行制作|没有现成/,
  unable_unclear: /仍不明确|补正后/,
  reject_petition: /信访|举报投诉/,
  reject_repeat: /重复申请/,
  reject_publication: /出版物/,
  reject_mass: /大量反复|正当理由大量/,
  reject_confirm: /确认或重新出具|重新出具/,
  other_overdue: /逾期不补正|无正当理由逾期/,
  other_fee: /收费通知|缴纳费用/,
  // "3.其他" alone, once the group label "(六)其他处理" and any spill-over are set aside.
  other_other: /(^|[^处理])(3\.?)?其[他它]$|3\.其[他它](?!处理)/,
  other: /其[他它]处理/,
  total: /总计|合计/,
  carry_next: /结转下年|下年度继续办理|继续办理/
}

/**
 * The opening of each table-3 row's name, its numbering aside: its first six characters, where
 * the name is longer and no other row's name holds them. A name wrapped in a narrow column
 * whose first line stands alone by the values (a PDF saved as text out of order) is known by
 * it: “5.属于三类内部事” over “务信息”, “3.要求提供公开出” over “版物”.
 */
function rowOpenings(): Record<string, string> {
  const names = Object.fromEntries(Object.entries(T3_ROW_LABELS).map(([k, l]) => [k, matchForm(l).replace(/^(\d+\.|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/, '')]))
  const openings: Record<string, string> = {}
  for (const [key, name] of Object.entries(names)) {
    const opening = name.slice(0, 6)
    if (name.length > opening.length && Object.entries(names).every(([k, other]) => k === key || !other.includes(opening))) openings[key] = opening
  }
  return openings
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Table 3 rows: a distinctive fragment of the row's name, or its opening. */
export const T3_ROW_PATTERNS: Record<string, RegExp> = (() => {
  const openings = rowOpenings()
  return Object.fromEntries(
    Object.entries(T3_ROW_FRAGMENTS).map(([k, re]) => [k, openings[k] ? new RegExp(`${re.source}|${escapeRe(openings[k])}`) : re])
  )
})()

/** Text that belongs to group labels and the note, removed before matching leaf rows. */
export const T3_GROUP_TEXT =
  /三、?本年度办理结果|本年度办理结果|\((三|四|五|六)\)(不予公开|无法提供|不予处理|其[他它]处理)?|不予公开(?=\d)|无法提供(?=\d)|不予处理(?=\d)/g

/** 2021's three （六） sub-rows; their presence marks table 3 as the 2021 template. */
export const T3_2021_MARKERS = /逾期不补正|收费通知|缴纳费用/

export const T3_COLUMN_PATTERNS: Array<{ column: T3Column; pattern: RegExp }> = [
  { column: 'natural', pattern: /自然/ },
  { column: 'commercial', pattern: /商业|企业/ },
  { column: 'research', pattern: /科研/ },
  { column: 'social', pattern: /社会|公益/ },
  { column: 'legal', pattern: /法律|服务/ },
  { column: 'total', pattern: /总计|合计/ },
  { column: 'other_org', pattern: /^其[他它]$|^其[他它]组织$/ }
]

/** Header words that span several columns (group headers and the note), never column names. */
export const T3_SPANNING = /申请人情况|法人或其[他它]组织|勾稽|本列数据|第一项|第二项|第三项|第四项/

/** Words of table 3's header, the column heads and the note above them (in match form). */
export const T3_HEAD = /自然人|商业企业|科研机构|社会公益|法律服务|申请人情况|勾稽|本列数据/

/** A table continued on the next page says so above its repeated header: 续表, 表三（续）. */
export const CONTINUED = /^续表|^表[三3]?[（(]续[)）]/

export const T4_COLUMN_PATTERNS: Array<{ column: T4Column; pattern: RegExp }> = [
  { column: 'upheld', pattern: /维持/ },
  { column: 'corrected', pattern: /纠正/ },
  { column: 'other', pattern: /其[他它]/ },
  { column: 'pending', pattern: /尚未|审结/ },
  { column: 'total', pattern: /总计|合计/ }
]

export const T4_GROUP_PATTERNS: Array<{ group: 'review' | 'suit_direct' | 'suit_after_review'; pattern: RegExp }> = [
  { group: 'suit_direct', pattern: /未经复议|直接起诉/ },
  { group: 'suit_after_review', pattern: /复议后/ },
  { group: 'review', pattern: /行政复议/ }
]

export const T4_SPANNING = /行政复议|行政诉讼|未经复议|直接起诉|复议后起诉/

/**
 * A label's filling notes: provincial templates (湖北's, for one) print what a row or column
 * counts in brackets after its name, as in 规章（设区的市、自治州人民政府填报） or 上一年项目数量
 * （指2019年事项数）. The name is what is matched; a note may name other rows (其他主动公开文件
 * （含……规范性文件以外的文件）). Takes and returns match form (brackets half-width).
 */
const TRAILING_NOTE = /\([^()]*\)$/

export function withoutNotes(key: string): string {
  let head = key
  while (TRAILING_NOTE.test(head)) {
    const shorter = head.replace(TRAILING_NOTE, '')
    if (!shorter) break
    head = shorter
  }
  return head
}

/** A filling note, as opposed to a unit the format itself prints in brackets (（单位：万元）). */
export function fillingNote(key: string): string | null {
  const head = withoutNotes(key)
  const note = key.slice(head.length)
  return note && !/^\(单位/.test(note) ? note : null
}

/**
 * Rows some provinces add to table 2 (湖北's 其他主动公开文件): recorded as the regional variant
 * they are (V06), not as rows the report should not have.
 */
const T2_REGIONAL_ROWS = ['其他主动公开文件']

/** Whether a table-2 row label (match form) names a province's own row. */
export function regionalT2Row(key: string): boolean {
  return T2_REGIONAL_ROWS.some((name) => withoutNotes(key).startsWith(name))
}

/** The names a table-2 row label may start with: both formats' rows and the provinces' own. */
const T2_ROW_NAMES = [...new Set([...T2_LAYOUTS['2019'], ...T2_LAYOUTS['2021']].flatMap((b) => b.rows.map((r) => matchForm(r.label))).concat(T2_REGIONAL_ROWS))]

/**
 * Whether a line of a table-2 label column starts a row's label (for attachByBlocks): it begins
 * with a row's name, or with the start of one cut by the wrap (行政规范性文 | 件), and does not
 * stand inside a filling note still open above it (“（指行政许可以外的……”).
 */
export function startsT2Label(piece: string, block: string | null): boolean {
  const k = matchForm(piece)
  if (block !== null) {
    const b = matchForm(block)
    if ((b.match(/\(/g)?.length ?? 0) > (b.match(/\)/g)?.length ?? 0)) return false
  }
  return k.length >= 2 && T2_ROW_NAMES.some((name) => name.startsWith(k) || k.startsWith(name))
}

/** Table 2 rows (both templates), matched on the label without its notes. Order matters: 规范性文件 before 规章 is irrelevant, but
 * 其他对外管理服务事项 must not be taken for anything else. */
export const T2_ROW_PATTERNS: Array<{ row: string; pattern: RegExp }> = [
  { row: 'regulations', pattern: /^规章|规章$/ },
  { row: 'normative_docs', pattern: /规范性文件/ },
  { row: 'other_services', pattern: /对外管理服务|其他对外/ },
  { row: 'licensing', pattern: /行政许可/ },
  { row: 'penalty', pattern: /行政处罚/ },
  { row: 'coercion', pattern: /行政强制/ },
  { row: 'fees', pattern: /事业性收费|行政事业/ },
  { row: 'procurement', pattern: /集中采购|政府采购/ }
]

/** Table 2 column headers per template: fragments, with a typo-tolerant fallback. */
export const T2_COLUMN_PATTERNS: Record<Template, Array<{ column: string; pattern: RegExp; canonical: string }>> = {
  '2021': [
    { column: 'issued', pattern: /制发/, canonical: '本年制发件数' },
    { column: 'repealed', pattern: /废止|度止|止件数/, canonical: '本年废止件数' },
    { column: 'in_force', pattern: /现行有效|有效件数/, canonical: '现行有效件数' },
    { column: 'decisions', pattern: /处理决定/, canonical: '本年处理决定数量' },
    { column: 'amount', pattern: /收费金额|金额/, canonical: '本年收费金额（单位：万元）' }
  ],
  '2019': [
    { column: 'made', pattern: /新制作/, canonical: '本年新制作数量' },
    { column: 'published', pattern: /新公开/, canonical: '本年新公开数量' },
    { column: 'total', pattern: /公开总数|对外公开总/, canonical: '对外公开总数量' },
    { column: 'items', pattern: /采购项目/, canonical: '采购项目数量' },
    { column: 'prev_items', pattern: /上一?年.{0,2}项目|^项目数量/, canonical: '上一年项目数量' },
    { column: 'change', pattern: /增\/?减|增减/, canonical: '本年增/减' },
    { column: 'decisions', pattern: /处理决定/, canonical: '处理决定数量' },
    { column: 'amount', pattern: /采购总金额|总金额/, canonical: '采购总金额' }
  ]
}

/**
 * Every head of the three tables' headers, in match form: the names a header cell spread over its
 * width (分散对齐) spells glyph by glyph (申 请 人 情 况), by which such glyphs are known to be one
 * cell's and not a glyph of each of several narrow columns (结 / 结 / 纠).
 */
export const HEAD_NAMES: ReadonlySet<string> = new Set(
  [
    ...Object.values(T3_COLUMN_LABELS),
    '申请人情况',
    '法人或其他组织',
    ...Object.values(T4_COLUMN_LABELS),
    '行政复议',
    '行政诉讼',
    '未经复议直接起诉',
    '复议后起诉',
    '信息内容',
    ...Object.values(T2_COLUMN_PATTERNS).flatMap((cs) => cs.map((c) => c.canonical)),
    '本年收费金额'
  ].map(matchForm)
)

/**
 * The heads and the lines a head wrapped in its cell starts or ends with, two glyphs or more
 * (社会公益 / 组织). No two neighbouring columns' glyphs spell one, so a header wrapped a glyph
 * a line in narrow columns (商 科 社 法 / 业 研 会 律) is not joined across its columns.
 */
export const HEAD_PARTS: ReadonlySet<string> = new Set(
  [...HEAD_NAMES].flatMap((name) => {
    const glyphs = [...name]
    const parts = [name]
    if (glyphs.length >= 4) for (let k = 2; k < glyphs.length; k++) parts.push(glyphs.slice(0, k).join(''), glyphs.slice(-k).join(''))
    return parts
  })
)

/** The pieces of three glyphs or more of table 3's note in its brackets: its lines, however it wraps. */
export const T3_NOTE_PARTS: ReadonlySet<string> = (() => {
  const glyphs = [...matchForm(`（${T3_NOTE}）`)]
  const parts = new Set<string>()
  for (let i = 0; i < glyphs.length; i++) for (let j = i + 3; j <= glyphs.length; j++) parts.add(glyphs.slice(i, j).join(''))
  return parts
})()

/** Header words that tell the two table-2 templates apart (domain.md §1.5). */
export const T2_TEMPLATE_MARKERS: Record<Template, RegExp> = {
  '2021': /本年制发|本年废止|现行有效|本年处理决定|本年收费金额|度止件数/,
  '2019': /新制作|新公开数量|对外公开总|上一年项目|增\/?减|采购项目|采购总金额/
}

export const T2_CAPTION = /第二十条第?\(?([一二三四五六七八九十])\)?项/
export const T2_HEADER_ANCHOR = /^信息内容/

/** Where each table starts, in match form. */
export const TABLE_START = {
  t2: /第二十条第?\(?一\)?项|^信息内容/,
  t3: /勾稽关系|本列数据|申请人情况/,
  t4: /^行政复议|行政复议行政诉讼|结果维持/
} as const

/** A page number as printed in a header or footer ("3", "— 3 —", "第 3 页 共 6 页", "3/6"), spaces removed. */
export const PAGE_NUMBER = /^(-|—|－)?\d{1,4}(-|—|－)?$|^第\d{1,4}页(共\d{1,4}页)?$|^\d{1,4}\/\d{1,4}$/

/** The name of the report, after its agency and year: 政府信息公开工作年度报告, 政务公开工作情况报告, 信息公开年报 … */
const REPORT_NAME = '(?:政府|政务)?(?:信息)?公开(?:工作)?(?:情况)?的?(?:年度)?(?:报告|年报)'
/** The same name opened by its subject, as titles that print the year after it need it. */
const NAMED_SUBJECT = '(?<subject>政府信息公开|政务信息公开|政务公开|信息公开)(?:工作)?(?:情况)?'

/**
 * The shapes of a report title, in match form with years made Arabic (NFKC turns （ into ().
 * Named groups: `agency` (as printed, may be empty: the sign-off names it), `year`, and `subject`
 * where the report's name opens with 政府信息公开 right after the agency, so that "…人民政府信息公开"
 * can give the 政府 back to the agency. Tried in order; the first that reads the title wins.
 */
export const TITLE_SHAPES: readonly RegExp[] = [
  // 辉县市人民政府2023年（度）政府信息公开工作年度报告; …关于2023年政府信息公开工作的年度报告.
  new RegExp(`^(?<agency>.{2,60}?)[(\\[]?(?<year>\\d{4})[)\\]]?年度?.{0,12}?${REPORT_NAME}`, 'd'),
  // 2023年度辉县市人民政府政府信息公开工作年度报告; 2023年政府信息公开工作年度报告 (no agency). The
  // shortest text before the report's name, so "…局政府信息公开" leaves "…局".
  new RegExp(`^[(\\[]?(?<year>\\d{4})(?:年度?[)\\]]?|[)\\]]年度?)(?<agency>.{0,60}?)${NAMED_SUBJECT}的?(?:年度)?(?:报告|年报)`, 'd'),
  // 辉县市人民政府政府信息公开工作年度报告（2023年度）, the year after the name, as covers print it.
  new RegExp(`^(?<agency>.{0,60}?)${NAMED_SUBJECT}的?(?:年度)?(?:报告|年报)\\((?<year>\\d{4})年度?\\)$`, 'd'),
  // 辉县市人民政府政府信息公开工作2023年度报告.
  new RegExp(`^(?<agency>.{0,60}?)${NAMED_SUBJECT}(?<year>\\d{4})年度?(?:报告|年报)`, 'd')
]

/** A line that is an agency's name and nothing else: ends as agency names end, no punctuation. */
export const AGENCY_LINE =
  /^[\u4e00-\u9fff\d]{2,40}(人民政府|办公室|办公厅|管理委员会|管委会|委员会|办事处|局|委|办|厅|署|中心|院|所|站|队)([(（][\u4e00-\u9fff]{2,30}[)）])?$/

/** The sign-off date under it (years in Chinese numerals are made Arabic first; 一月五日 stays). */
export const SIGN_OFF_DATE = /^\d{4}年(\d{1,2}|[一二三四五六七八九十]{1,2})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$/
