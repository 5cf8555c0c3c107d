/**
 * Labels and table shape (L): headers, row labels and captions as printed, and the shape
 * problems the extractor recorded (cells lost, rows misaligned, blank cells).
 */
import { T2_LAYOUTS, T3_ROW_LABELS, T4_COLUMN_LABELS, T4_GROUP_LABELS, T4_GROUPS, type TableId } from '../../model/keys'
import { matchForm } from '../../text/normalize'
import { severalHeads, T2_COLUMN_PATTERNS, T3_GROUP_TEXT, withoutNotes } from '../../extract/labels'
import type { ExtractedReport } from '../../model/report'
import type { Draft, RuleContext, RuleDef } from '../types'

/** Levenshtein distance, for telling a typo (本年度止件数) from a different header. */
export function editDistance(a: string, b: string): number {
  const m = a.length
  const n = b.length
  let prev = Array.from({ length: n + 1 }, (_, j) => j)
  for (let i = 1; i <= m; i++) {
    const cur = [i]
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[n]
}

/** A label rule about one table: its findings name the table (for the engine's OCR note). */
function about(table: TableId, check: (ctx: RuleContext) => Draft[]): (ctx: RuleContext) => Draft[] {
  return (ctx) => check(ctx).map((d) => ({ table, ...d }))
}

const stripUnit = (s: string) => s.replace(/\(单位:?[^)]*\)/g, '')

function t2Template(ctx: RuleContext) {
  return ctx.report.t2Template ?? ctx.report.template
}

/**
 * The columns of the heads that `text` is made of, one after another, or null when it is not
 * made of them alone. `forms` maps each head as matched (unit left out) to its column (null
 * for 信息内容, the heads' anchor). A head's glyphs may come in another order: text laid out
 * with spaces sets a glyph of another font on its own line or after the rest (本年增 减 / for
 * 本年增/减).
 */
function splitIntoHeads(text: string, forms: Array<{ form: string; column: string | null }>): Array<string | null> | null {
  if (!text) return []
  for (const f of forms) {
    if (!sameGlyphs(text.slice(0, f.form.length), f.form)) continue
    const rest = splitIntoHeads(text.slice(f.form.length), forms)
    if (rest) return [f.column, ...rest]
  }
  return null
}

const BRACKETED = /^\(?[^()]*\)$|^\($/

const sameGlyphs = (a: string, b: string) => a === b || (a.length === b.length && [...a].sort().join('') === [...b].sort().join(''))

/** L01: table 2 column headers are the detected template's. */
function l01(ctx: RuleContext): Draft[] {
  const tpl = t2Template(ctx)
  if (!tpl) return []
  const out: Draft[] = []
  const headers = ctx.report.labels.filter((l) => l.table === 't2' && l.role === 'column')
  const canon = T2_COLUMN_PATTERNS[tpl].map((c) => ({ ...c, form: stripUnit(matchForm(c.canonical)) }))
  // A block's heads that together spell the format's heads are those heads, however the text
  // cut them: names spread over their cells (分散对齐) come one glyph a word in text laid out
  // with spaces (信 / 息 / 内 / 容本 / 年 …), and a unit in brackets may come apart from its head.
  const spelled = new Set<(typeof headers)[number]>()
  const present = new Set(headers.map((h) => h.key).filter(Boolean))
  const forms = [...canon, { form: '信息内容', column: null }]
  for (const row of new Set(headers.map((h) => h.position?.row))) {
    const block = headers.filter((h) => h.position?.row === row)
    const columns = row === undefined ? null : splitIntoHeads(stripUnit(block.map((h) => matchForm(h.text)).join('')), forms)
    if (!columns) continue
    for (const h of block) spelled.add(h)
    for (const c of columns) if (c) present.add(c)
  }
  for (const h of headers) {
    if (spelled.has(h)) continue
    // A bracketed note or unit on a line of its own, or a bracket set apart, under its head
    // (（指2023年办件量）, 单位：万元）): what a head counts is said there, no head is named.
    if (BRACKETED.test(matchForm(h.text))) continue
    const k = stripUnit(matchForm(h.text))
    if (canon.some((c) => c.form === k)) continue
    const near = canon.map((c) => ({ c, d: editDistance(c.form, k) })).sort((a, b) => a.d - b.d)[0]
    if (near && near.d <= 2) {
      out.push({ key: `typo:${k}`, source: h.source, message: `表二表头“${h.text}”有误，应为“${near.c.canonical}”` })
    } else if (!h.key) {
      out.push({ key: `unknown:${k}`, source: h.source, message: `表二表头“${h.text}”不是${tpl}年格式的列名` })
    }
  }
  const expected = new Set(T2_LAYOUTS[tpl].flatMap((b) => b.columns.map((c) => c.key)))
  for (const col of expected) {
    if (headers.length && !present.has(col)) {
      const label = T2_COLUMN_PATTERNS[tpl].find((c) => c.column === col)?.canonical ?? col
      out.push({ key: `missing:${col}`, severity: 'error', message: `表二缺少“${label}”列` })
    }
  }
  return out
}

/** L02: table 2 row labels present and worded as in the template. */
function l02(ctx: RuleContext): Draft[] {
  const tpl = t2Template(ctx)
  if (!tpl) return []
  const out: Draft[] = ctx.report.problems
    .filter((p) => p.table === 't2' && p.code === 'row_missing')
    .map((p) => ({ key: `missing:${p.row}`, cells: p.keys, severity: 'error' as const, message: p.message }))
  for (const l of ctx.report.labels.filter((x) => x.table === 't2' && x.role === 'row' && x.key)) {
    const canon = T2_LAYOUTS[tpl].flatMap((b) => b.rows).find((r) => r.key === l.key)
    // A provincial template's filling note after the name is not a rewording.
    if (canon && withoutNotes(matchForm(l.text)) !== matchForm(canon.label)) {
      out.push({ key: `wording:${l.key}`, severity: 'warning', source: l.source, message: `表二行标签“${l.text}”与${tpl}年格式的“${canon.label}”不一致` })
    }
  }
  return out
}

/** L03: the 第二十条 captions of table 2. */
function l03(ctx: RuleContext): Draft[] {
  const tpl = t2Template(ctx)
  if (!tpl || !ctx.report.tables.some((t) => t.table === 't2')) return []
  const captions = new Set(ctx.report.labels.filter((l) => l.table === 't2' && l.role === 'caption').map((l) => l.key))
  return T2_LAYOUTS[tpl]
    .filter((b) => !captions.has(b.item))
    .map((b) => ({ key: b.item, message: `表二缺少栏目标题“${b.caption}”` }))
}

function leafOf(text: string): string {
  return matchForm(text).replace(T3_GROUP_TEXT, '').replace(/^[一二三四]、/, '')
}

function canonicalLeaf(row: string): string {
  return matchForm(T3_ROW_LABELS[row]).replace(/^[一二三四]、/, '').replace(/^\([一二三四五六七]\)/, '').replace(/^\d+\./, '')
}

/**
 * Whether a printed label deviates from the official wording *inside* it: characters missing
 * or added between the parts that match, or its last ones put for others (仍不清楚 for
 * 仍不明确). Characters only missing, or only added, at an end mean the label was cut by the
 * layout (a wrapped line read with another row), not reworded. Returns null when too little
 * matches to judge.
 */
export function innerDeviation(printed: string, official: string): boolean | null {
  const a = printed
  const b = official
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1])
  const pairs: Array<[number, number]> = []
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      pairs.push([i, j])
      i++
      j++
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++
    else j++
  }
  if (pairs.length < Math.min(4, b.length) || pairs.length < 0.4 * b.length) return null
  for (let k = 1; k < pairs.length; k++) {
    if (pairs[k][0] - pairs[k - 1][0] > 1 || pairs[k][1] - pairs[k - 1][1] > 1) return true
  }
  const last = pairs.at(-1)
  return !!last && last[0] < a.length - 1 && last[1] < b.length - 1
}

/** The characters of `a` left over once each character of `b` has taken one of its kind. */
function leftOver(a: string, b: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const c of a) counts.set(c, (counts.get(c) ?? 0) + 1)
  for (const c of b) if (counts.has(c)) counts.set(c, counts.get(c)! - 1)
  return new Map([...counts].filter(([, n]) => n > 0))
}

/** L04: table 3 row labels present and worded as in the format. */
function l04(ctx: RuleContext): Draft[] {
  const out: Draft[] = ctx.report.problems
    .filter((p) => p.table === 't3' && p.code === 'row_missing')
    .map((p) => ({ key: `missing:${p.row}`, cells: p.keys, severity: 'error' as const, message: p.message }))
  const rows = ctx.report.labels.filter((x) => x.table === 't3' && x.role === 'row' && x.key)
  // What each label holds beyond its row's official name (its group's words, a neighbour's glyphs).
  const beyond = rows.map((l) => leftOver(matchForm(l.text), matchForm(T3_ROW_LABELS[l.key!])))
  rows.forEach((l, i) => {
    const canon = canonicalLeaf(l.key!)
    // 2019's single （六）其他处理 row is itself a group-like label: compare it whole.
    const printed = (l.key === 'other' ? matchForm(l.text) : leafOf(l.text)).replace(/^.*?\d\.(?=\D)/, '')
    // A label too short to compare letter by letter ((七)总计) is judged by its known other words.
    const reworded = !printed.includes(canon) && (OTHER_WORDINGS[canon] ?? []).some((w) => printed.includes(w))
    const deviates = !printed.includes(canon) && innerDeviation(printed, canon)
    if (reworded || (deviates && !shuffled(canon, matchForm(l.text), beyond.slice(Math.max(0, i - 1), i + 2)))) {
      out.push({ key: `wording:${l.key}`, severity: 'warning', source: l.source, message: `表三行标签“${l.text}”与格式规定的“${T3_ROW_LABELS[l.key!]}”不一致` })
    }
  })
  return out
}

/**
 * Whether the characters of a row's name that its label (`text`, whole) lacks stand in its own
 * label or a neighbour's beyond their names. Text laid out with spaces (pdftotext -layout) sets
 * the glyphs of a name spread over its cell (分散对齐) apart: some land before its numbering or
 * on the line of the row above or below, read with that row's label (“权稳4.保护第三方合法益”:
 * 权 is its own, 稳 the row above's). Glyphs moved about are the layout, not a rewording; a
 * character no label holds is.
 */
function shuffled(canon: string, text: string, near: Array<Map<string, number>>): boolean {
  const lacking = leftOver(canon, text)
  return [...lacking].every(([c, n]) => near.reduce((sum, m) => sum + (m.get(c) ?? 0), 0) >= n)
}

const T3_HEADERS: Array<[string, RegExp]> = [
  ['申请人情况', /申请人情况/],
  ['自然人', /自然人/],
  ['法人或其他组织', /法人或其[他它]组织/],
  ['商业企业', /商业企业/],
  ['科研机构', /科研机构/],
  ['社会公益组织', /社会公益组织/],
  ['法律服务机构', /法律服务机构/],
  ['总计', /总计/],
  ['勾稽关系说明', /勾稽关系/]
]

/**
 * The heads of a header in a text laid out with spaces (pdftotext -layout, a fixed-width
 * export), line by line; empty when the header is not such text. A head wrapped in its narrow
 * column continues on a later line, not under itself (商业企 科研机 … / 业 构 …), so such a
 * header can only be read as whole words split in two.
 */
function spacedHeads(labels: ExtractedReport['labels']): string[][] {
  const heads = labels.filter((l) => l.role !== 'row' && l.source?.kind === 'txt')
  // Fields of their own (tab-separated text) are read as they are.
  if (heads.some((l) => (l.position?.cell ?? 0) > 0)) return []
  const lines = heads.map((l) => l.text.trim())
  if (!lines.some(severalHeads)) return []
  return lines.map((t) => t.split(/\s+/).map(matchForm).filter(Boolean))
}

/**
 * Whether `name` is printed as two or more whole words, each on a line of its own (社会 | 公益 |
 * 组织 in a narrow column of text laid out with spaces). Not always top to bottom: a converter
 * that centres heads of two lines between those of three may set the second word on the line
 * above the first (企业 over 商业, pdftotext -layout of a borderless table).
 */
function splitOverLines(name: string, lines: string[][], used: ReadonlySet<number> = new Set()): boolean {
  if (!name) return used.size >= 2
  for (let j = 1; j <= name.length; j++) {
    const head = name.slice(0, j)
    for (let i = 0; i < lines.length; i++) {
      if (!used.has(i) && lines[i].includes(head) && splitOverLines(name.slice(j), lines, new Set([...used, i]))) return true
    }
  }
  return false
}

/**
 * Heads and short row labels printed in other words than the format's (合计 for 总计):
 * reported as worded otherwise, not as missing, since the column or row is there.
 */
const OTHER_WORDINGS: Record<string, string[]> = { 总计: ['合计'] }
const wordedOtherwise = (official: string, printed: string) => `表头“${printed}”与格式规定的“${official}”不一致`

/** What a header lacks, as one message: heads worded otherwise first, then heads not found. */
function headerMessage(table: string, missing: string[], text: string): string | null {
  const renamed = missing.flatMap((m) => (OTHER_WORDINGS[m] ?? []).filter((w) => text.includes(w)).map((w) => [m, w] as const))
  const absent = missing.filter((m) => !renamed.some(([r]) => r === m))
  const parts = [
    ...renamed.map(([m, w]) => wordedOtherwise(m, w)),
    ...(absent.length ? [`表头缺少：${absent.join('、')}`] : [])
  ]
  return parts.length ? `${table}${parts.join('；')}` : null
}

/** L05: the table 3 header, with the cross-footing note. */
function l05(ctx: RuleContext): Draft[] {
  if (!ctx.report.tables.some((t) => t.table === 't3')) return []
  const labels = ctx.report.labels.filter((l) => l.table === 't3' && l.role !== 'row')
  const text = matchForm(labels.map((l) => l.text).join('|'))
  const lines = spacedHeads(labels)
  const missing = T3_HEADERS.filter(([name, re]) => !re.test(text) && !splitOverLines(name, lines)).map(([n]) => n)
  const message = headerMessage('表三', missing, text)
  return message ? [{ key: 'header', message }] : []
}

/** L06: the table 4 header. */
function l06(ctx: RuleContext): Draft[] {
  if (!ctx.report.tables.some((t) => t.table === 't4')) return []
  const labels = ctx.report.labels.filter((l) => l.table === 't4')
  const text = matchForm(labels.map((l) => l.text).join('|'))
  const count = (s: string) => (text.match(new RegExp(s, 'g')) ?? []).length
  // Wrapped in a spaced layout, 结果维持 prints as words on two lines (结果 | 维持, 结果维 | 持, or
  // 结果 维 | 持 in a narrower column): each occurrence of all its parts is one of the head.
  const words = spacedHeads(labels).flat()
  const asWord = (s: string) => words.filter((w) => w === s).length
  /** How often `c` is printed as two or more such words: its first word with the rest after it. */
  const wrapped = (c: string): number => {
    let most = 0
    for (let k = 1; k < c.length; k++) {
      const rest = c.slice(k)
      most = Math.max(most, Math.min(asWord(c.slice(0, k)), Math.max(asWord(rest), wrapped(rest))))
    }
    return most
  }
  const missing: string[] = []
  for (const g of ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']) if (!text.includes(g)) missing.push(g)
  // The table turned so that each group is a row named by its label, under one header of the
  // five columns: the heads are there once, not three times. Said as it is, not as missing heads.
  const rowGroups = new Set(labels.filter((l) => l.role === 'row' && l.key).map((l) => l.key))
  const heads = Object.values(T4_COLUMN_LABELS)
  if (rowGroups.size >= 2 && heads.every((c) => count(c) >= 1) && heads.some((c) => count(c) < 3)) {
    // Its groups are its rows' names (a name may wrap: 行政诉讼（未经复议直接起 | 诉）).
    const lacking = T4_GROUPS.filter((g) => !rowGroups.has(g)).map((g) => T4_GROUP_LABELS[g])
    const turned = `表四按“${[...rowGroups].map((g) => T4_GROUP_LABELS[g as keyof typeof T4_GROUP_LABELS]).join('、')}”分行排列、共用一行表头（${heads.join('、')}），与格式规定的一行 15 列排法不同；数值已按行读取，请对照原文核对`
    return [{ key: 'header', severity: 'info', message: lacking.length ? `${turned}；缺少“${lacking.join('、')}”行` : turned }]
  }
  const renamed: string[] = []
  for (const c of heads) {
    const n = count(c) + wrapped(c)
    if (n >= 3) continue
    const other = (OTHER_WORDINGS[c] ?? []).find((w) => n + count(w) >= 3)
    if (other) renamed.push(wordedOtherwise(c, other))
    else missing.push(`${c}（${n}/3）`)
  }
  const parts = [...renamed, ...(missing.length ? [`表头缺少或不规范：${missing.join('、')}`] : [])]
  return parts.length ? [{ key: 'header', message: `表四${parts.join('；')}` }] : []
}

/** L07: table shape as read: a row with more or fewer cells, values outside the columns. */
function l07(ctx: RuleContext): Draft[] {
  return ctx.report.problems
    .filter((p) => ['row_value_count', 'row_extra_cells', 'value_outside_columns', 'row_extra', 'text_garbled', 'table_scrambled'].includes(p.code))
    .map((p, i) => ({
      key: `${p.code}:${p.row ?? i}:${p.table}`,
      cells: p.keys,
      source: p.source,
      // Extra cells whose values agree lose nothing: a layout defect to correct, not lost data.
      // A garbled or scrambled text is said once, beside the errors of the rows it cost.
      ...(['row_extra_cells', 'text_garbled', 'table_scrambled'].includes(p.code) ? { severity: 'warning' as const } : {}),
      table: p.table ?? undefined,
      message: p.message
    }))
}

/** L08: blank or non-numeric cells where a number is expected (blank is not 0). */
function l08(ctx: RuleContext): Draft[] {
  return ctx.report.problems
    .filter((p) => p.code === 'cell_blank' || p.code === 'cell_unreadable')
    .map((p, i) => ({ key: `${p.table}:${p.row ?? i}`, cells: p.keys, table: p.table ?? undefined, source: p.source, message: p.message }))
}

/** L09: a shifted table 3 header (TXT positions): 总计 on the first row, a sub-column under 自然人. */
function l09(ctx: RuleContext): Draft[] {
  const h = ctx.report.labels.filter((l) => l.table === 't3' && l.position && l.role !== 'row')
  if (h.length === 0) return []
  const out: Draft[] = []
  const at = (re: RegExp) => h.filter((l) => re.test(matchForm(l.text)))
  // 总计 on the first header row is how a rowspan renders in text; only a sub-column moved
  // under 自然人 shifts the columns. A table copied from a web page leaves out the cells under
  // a rowspan: 自然人 then opens its row (no fields for the note's columns) and 商业企业 opens
  // the next, one under the other by design. Only rows that keep those fields can be judged.
  const natural = at(/^自然人$/)[0]
  const commercial = at(/^商业企业$/)[0]
  if (natural && commercial && natural.position!.cell > 0 && commercial.position!.cell <= natural.position!.cell) {
    out.push({ key: 'commercial', source: commercial.source, message: '表三表头错位：“商业企业”排在“自然人”所在列或其左侧，子列整体左移' })
  }
  return out
}

export const LABEL_RULES: RuleDef[] = [
  { id: 'L01', family: 'L', severity: 'warning', title: '表二表头与格式一致', basis: '年度报告格式表二', check: about('t2', l01) },
  { id: 'L02', family: 'L', severity: 'error', title: '表二行齐全、标签规范', basis: '年度报告格式表二', check: about('t2', l02) },
  { id: 'L03', family: 'L', severity: 'warning', title: '表二栏目标题齐全', basis: '年度报告格式表二（第二十条各项）', check: about('t2', l03) },
  { id: 'L04', family: 'L', severity: 'error', title: '表三行齐全、标签规范', basis: '年度报告格式表三', check: about('t3', l04) },
  { id: 'L05', family: 'L', severity: 'warning', title: '表三表头与勾稽关系说明', basis: '年度报告格式表三', check: about('t3', l05) },
  { id: 'L06', family: 'L', severity: 'warning', title: '表四表头', basis: '年度报告格式表四', check: about('t4', l06) },
  { id: 'L07', family: 'L', severity: 'error', title: '表格形状（单元格缺失、错位）', basis: '年度报告格式：表三每行 7 个数值，表四 15 个', check: l07 },
  { id: 'L08', family: 'L', severity: 'warning', title: '应填数值处为空或非数值', basis: '空白不等于 0', check: l08 },
  { id: 'L09', family: 'L', severity: 'warning', title: '表头错位', basis: '年度报告格式表三', check: about('t3', l09) }
]
