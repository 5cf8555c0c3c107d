/**
 * Table 3 (收到和处理政府信息公开申请情况): 25 rows (2021) or 23 rows (2019) × 7 columns.
 * Rows are recognised by their labels and aligned to the official order; columns by the
 * header (PDF) or by count (TXT).
 */
import { T3_COLUMNS, T3_COLUMN_LABELS, T3_ROW_LABELS, t3Rows, type Template } from '../../model/keys'
import { joinFragments, matchForm } from '../../text/normalize'
import { alignSequences } from '../align'
import { joinWords, spanOf, type DocLine, type DocWord, type Segment } from '../doc'
import { CONTINUED, severalHeads, T3_2021_MARKERS, T3_COLUMN_PATTERNS, T3_GROUP_TEXT, T3_HEAD, T3_NOTE_PARTS, T3_ROW_PATTERNS, T3_SPANNING } from '../labels'
import { anchorsFromColumns, mapByCount, mapByGrid, mapBySpacedGrid, mapRow, spacedGrids, txtGrid, type ColumnAnchor, type Mapping } from './columns'
import { cellFrom, label, lostCell, newOutput, notNumbers, problem, type TableContext, type TableOutput } from './output'
import { dropGuesses, outOfOrder } from './out-of-order'
import { joinSpelledHeads } from './spread'
import {
  attachByBlocks,
  attachFragments,
  hasValues,
  labelKey,
  labelRaw,
  labelSource,
  labelText,
  NUMBERED,
  pieceOf,
  rowsFromTxt,
  splitAtSeam,
  splitTrailingValues,
  stackWords,
  valueColumns,
  type Attachment,
  type LabelPiece,
  type RowCandidate,
  type StartsLabel,
  type ValueSlot
} from './rows'

export function detectT3Template(lines: DocLine[]): Template | null {
  const all = matchForm(lines.map((l) => l.text).join(''))
  if (T3_2021_MARKERS.test(all)) return '2021'
  if (/其[他它]处理/.test(all)) return '2019'
  return null
}

/** The leaf-label text of a row: group labels and table-level text removed. */
function leafForm(key: string): string {
  return key.replace(T3_GROUP_TEXT, '')
}

function rowMatcher(template: Template) {
  const keys = t3Rows(template)
  return (rowKey: string, label: string): boolean => {
    const pattern = T3_ROW_PATTERNS[rowKey]
    if (rowKey === 'other') return pattern.test(label) && !T3_2021_MARKERS.test(label)
    return pattern.test(leafForm(label)) && keys.includes(rowKey)
  }
}

/** The single official row a label names, or null when it names none or several. */
function namesOneRow(template: Template) {
  const match = rowMatcher(template)
  const keys = t3Rows(template)
  return (label: string): string | null => {
    const hits = keys.filter((k) => match(k, label))
    return hits.length === 1 ? hits[0] : null
  }
}

export async function parseT3(lines: DocLine[], ctx: TableContext, fallbackTemplate: Template | null): Promise<TableOutput> {
  const template = detectT3Template(lines) ?? fallbackTemplate ?? '2021'
  const out = newOutput('t3', template)
  const rowKeys = t3Rows(template)
  let firstData = lines.findIndex((l) => hasValues(l))
  // One cell per line: the first row's label stands on its own line(s) above its values. No
  // row comes before 一、本年新收: a line above that label is the header's, even one that reads
  // as a row (其他, the last column's name, reads as （六）其他处理's 3.其他).
  if (ctx.kind === 'txt' && firstData > 0) {
    const names = namesOneRow(template)
    const header = (l: DocLine) => T3_HEAD.test(matchForm(l.text))
    let named: string | null = null
    const valuesAt = firstData
    while (firstData > 0 && named !== rowKeys[0] && !hasValues(lines[firstData - 1]) && !header(lines[firstData - 1]) && (named = names(matchForm(lines[firstData - 1].text)))) firstData--
    // The first row's name wrapped over lines of its own above its values (一、本年新收政府信 /
    // 息公开申请数量, text laid out by position): up to three lines that together name it.
    for (let j = valuesAt - 1; firstData === valuesAt && j >= Math.max(0, valuesAt - 3) && !hasValues(lines[j]) && !header(lines[j]); j--) {
      if (names(matchForm(joinFragments(lines.slice(j, valuesAt).map((l) => l.text)))) === rowKeys[0]) firstData = j
    }
  }
  if (firstData < 0) {
    problem(out, 'table_missing', null, [], '表三没有找到任何数据行', lines[0]?.source ?? null)
    for (const r of rowKeys) for (const c of T3_COLUMNS) out.cells[`t3.${r}.${c}`] = lostCell(`t3.${r}.${c}`)
    return out
  }

  let rows: RowCandidate[]
  let anchors: ColumnAnchor[] | null = null
  if (ctx.kind === 'txt') {
    lines.slice(0, firstData).forEach((l, i) => {
      if (l.cells) {
        l.cells.forEach((c, j) => {
          if (c.trim()) label(out, i === 0 && /勾稽|本列/.test(matchForm(c)) ? 'note' : 'column', columnKeyOf(matchForm(c)), c.trim(), c.trim(), null, { row: i, cell: j })
        })
      } else {
        // A line holding one header cell (one cell per line) is named like a field; a line of
        // several, aligned with spaces, is kept whole and unnamed.
        const one = !severalHeads(l.text)
        const note = one && i === 0 && /勾稽|本列/.test(matchForm(l.text))
        label(out, note ? 'note' : 'column', one ? columnKeyOf(matchForm(l.text)) : null, l.text, l.raw, l.source, { row: i, cell: 0 })
      }
    })
    // Header cell sources are the line ranges; recompute precisely from words.
    fixTxtHeaderSources(out, lines.slice(0, firstData))
    rows = rowsFromTxt(lines.slice(firstData), namesOneRow(template), T3_COLUMNS.length, groupHeading(template))
  } else {
    // Text geometry first; ruling lines only when it left fragments it could not place and
    // the rows it made do not read as the official labels (reading rulings is costly).
    // Attach label lines to rows by text geometry first; if that leaves rows that do not read
    // as the official labels, by numbered label blocks; then, on the pages still in doubt, by
    // the ruling lines (reading them costs as much as reading the page's text).
    let built = await pdfRows(lines, firstData, ctx, template, 'nearest')
    let bad = built.ambiguous > 0 ? unofficialRows(built.rows, template) : []
    let elsewhere: 'nearest' | 'blocks' = 'nearest'
    if (bad.length) {
      const byBlocks = await pdfRows(lines, firstData, ctx, template, 'blocks')
      const left = unofficialRows(byBlocks.rows, template)
      if (left.length < bad.length) {
        built = byBlocks
        bad = left
        elsewhere = 'blocks'
      }
    }
    // The pages in doubt that have ruling lines by their rules; the others as the better of the
    // two ways read them (a page without rules would only be read by geometry again).
    const ruledPages = new Set<number>()
    for (const page of new Set(bad)) if ((await ctx.rulings(page)).some((r) => r.orient === 'h')) ruledPages.add(page)
    if (ruledPages.size) {
      // Elsewhere by geometry as first read; by blocks too when they read better, kept if better still.
      let ruled = await pdfRows(lines, firstData, ctx, template, { rulings: ctx.rulings, pages: ruledPages, elsewhere: 'nearest' })
      let left = unofficialRows(ruled.rows, template).length
      if (elsewhere === 'blocks') {
        const withBlocks = await pdfRows(lines, firstData, ctx, template, { rulings: ctx.rulings, pages: ruledPages, elsewhere })
        const n = unofficialRows(withBlocks.rows, template).length
        if (n < left) [ruled, left] = [withBlocks, n]
      }
      if (left <= bad.length) built = ruled
    }
    rows = built.rows
    if (built.notes.length) {
      label(out, 'note', null, joinFragments(built.notes.map((w) => w.text)), joinFragments(built.notes.map((w) => w.raw)), spanOf(built.notes.map((w) => w.source)))
    }
    anchors = headerAnchors(built.headerWords, built.lineOf, rows, out)
  }

  const match = rowMatcher(template)
  // As many rows named as can be; among alignments that name as many, the one that places the
  // most rows holding numbers (text out of order can list a name twice, once by its numbers).
  const named = rows.length + 1
  const pairs = alignSequences(rows, rowKeys, (row, key) => (match(key, labelKey(row)) ? named + (row.values.length ? 1 : 0) : 0))
  const matchedRows = new Set<number>()
  const grid = ctx.kind === 'txt' ? txtGrid(rows, T3_COLUMNS.length) : null
  const spaced = ctx.kind === 'txt' ? spacedGrids(rows, T3_COLUMNS.length) : []
  /** How many values each official row held, by row key. */
  const held = new Map<string, number>()
  for (const [ri, ki] of pairs) {
    matchedRows.add(ri)
    const row = rows[ri]
    const rowKey = rowKeys[ki]
    const keys = T3_COLUMNS.map((c) => `t3.${rowKey}.${c}`)
    label(out, 'row', rowKey, labelText(row), labelRaw(row), labelSource(row))
    const byGrid =
      row.values.length < T3_COLUMNS.length
        ? ((grid && mapByGrid(row.values, row.labelFields ?? [], row.fields, grid, T3_COLUMNS.length)) ?? mapBySpacedGrid(row.values, spaced, T3_COLUMNS.length))
        : null
    const mapping: Mapping = row.blank ? mapByCount([], T3_COLUMNS.length) : (byGrid ?? mapRow(row.values, anchors, T3_COLUMNS.length, lastIsTotal))
    // Read by count and short of two or more numbers: why its last is not 总计, if it is not.
    const byCount = !row.blank && !byGrid && !anchors && row.values.length > 1 && row.values.length < T3_COLUMNS.length
    const unbalanced = byCount ? unbalancedEnds(row.values) : null
    out.rowFill.push({ values: row.values.length, columns: T3_COLUMNS.length })
    held.set(rowKey, row.values.length)
    const src = labelSource(row)
    T3_COLUMNS.forEach((c, i) => {
      out.cells[keys[i]] = cellFrom(keys[i], mapping.cells[i], src)
    })
    reportRowShape(out, rowKey, keys, row, mapping, anchors !== null, unbalanced)
  }
  rows.forEach((row, i) => {
    if (matchedRows.has(i)) return
    const text = labelText(row)
    if (!text && row.values.length === 0) return
    // The header repeated where the table goes on after a page break (续表 above it, or not): no row.
    if (row.values.length === 0 && (T3_HEAD.test(matchForm(text)) || CONTINUED.test(matchForm(text)))) {
      label(out, 'note', null, text, labelRaw(row), labelSource(row))
      return
    }
    // A group label row with numbers (（三）不予公开 … as a subtotal): kept for T3-04.
    const group = template === '2021' || !/其[他它]处理/.test(labelKey(row)) ? groupOf(labelKey(row)) : null
    if (group && row.values.length) {
      const mapping = mapRow(row.values, anchors, T3_COLUMNS.length, lastIsTotal)
      T3_COLUMNS.forEach((c, j) => {
        out.cells[`t3.${group}.${c}`] = cellFrom(`t3.${group}.${c}`, mapping.cells[j], labelSource(row))
      })
      label(out, 'group', group, text, labelRaw(row), labelSource(row))
      return
    }
    problem(
      out,
      'row_extra',
      null,
      [],
      `表三有一行无法对应到官方格式的任何一行：“${text || '（无标签）'}”${row.values.length ? `，数值 ${row.values.map((v) => v.text).join(' ')}` : ''}`,
      row.source
    )
  })
  rowKeys.forEach((rowKey, ki) => {
    if (pairs.some(([, k]) => k === ki)) return
    const keys = T3_COLUMNS.map((c) => `t3.${rowKey}.${c}`)
    for (const k of keys) out.cells[k] = lostCell(k)
    problem(out, 'row_missing', rowKey, keys, `表三缺少“${T3_ROW_LABELS[rowKey]}”行（未找到该行或其标签无法识别）`, null)
  })
  if (ctx.kind === 'txt' && outOfOrder(out.cells, out.rowFill, lines)) {
    dropGuesses(out, held, (row, values, columns) => `表三“${T3_ROW_LABELS[row]}”行有 ${values} 个数值，应为 ${columns} 个`)
  }
  return out
}

/** Subtotal rows some reports print on a group label: their keys (not in the official layout). */
const GROUP_ROWS: Array<[string, RegExp]> = [
  ['sub_deny', /不予公开/],
  ['sub_unable', /无法提供/],
  ['sub_reject', /不予处理/],
  ['sub_other', /其[他它]处理/]
]

/**
 * Whether a label piece starts a row's label block: it has a numbering, and is not a group's
 * heading alone, whole or the first lines of it (（六）, （六）其他处, 三、本年度办理结果), which may
 * stand beside any line of its rows' labels: upright vertical text is placed at the middle of its
 * stack, a heading set low in its merged cell beside the last rows' wrapped names. A heading
 * spans its rows and cuts none of their labels.
 */
function startsRowLabel(template: Template): StartsLabel {
  const heading = groupHeading(template)
  return (piece) => NUMBERED.test(piece.trim()) && !heading(piece)
}

/** Whether a piece is a group's heading alone, whole or its first lines. 2019's （六）其他处理 is a row. */
function groupHeading(template: Template): (piece: string) => boolean {
  const groups = template === '2019' ? GROUP_HEADINGS.filter(([n]) => n !== '(六)') : GROUP_HEADINGS
  return (piece) => {
    const text = matchForm(piece)
    return groups.some(([numbering, name]) => text.startsWith(numbering) && name.startsWith(text.slice(numbering.length)))
  }
}
/** Table 3's group headings, numbering and name, as matchForm writes them. */
const GROUP_HEADINGS: Array<[string, string]> = [
  ['三、', '本年度办理结果'],
  ['(三)', '不予公开'],
  ['(四)', '无法提供'],
  ['(五)', '不予处理'],
  ['(六)', '其他处理']
]

/** The group a label names when it names a group only (no leaf label of the group). */
function groupOf(label: string): string | null {
  const leafless = !Object.entries(T3_ROW_PATTERNS).some(([k, re]) => k !== 'other' && k !== 'total' && re.test(label.replace(T3_GROUP_TEXT, '')))
  if (!leafless) return null
  return GROUP_ROWS.find(([, re]) => re.test(label))?.[0] ?? null
}

function columnKeyOf(key: string): string | null {
  for (const { column, pattern } of T3_COLUMN_PATTERNS) if (pattern.test(key)) return column
  return null
}

function fixTxtHeaderSources(out: TableOutput, header: DocLine[]): void {
  for (const lab of out.labels) {
    if (!lab.position) continue
    const line = header[lab.position.row]
    const words = line?.words.filter((w) => w.cell === lab.position!.cell) ?? []
    lab.source = spanOf(words.map((w) => w.source)) ?? line?.source ?? null
  }
}

/**
 * A short row read by count keeps its first number as 自然人 and its last as 总计, the columns
 * between taken as left blank. Then 总计 is the sum of the others; where it is not, the last
 * number is another column's or another row's (text out of order) and is not kept. Returns why
 * (the computation), or null when the row adds up. A mark (—) counts 0.
 */
function unbalancedEnds(values: ValueSlot[]): string | null {
  const nums = values.map((v) => (v.token.kind === 'number' ? v.token.value : 0))
  const total = nums.at(-1)!
  const sum = nums.slice(0, -1).reduce((a, b) => a + b, 0)
  if (sum === total) return null
  const before = values.slice(0, -1).map((v) => v.text)
  return `前面的数值合计 ${before.length > 1 ? `${before.join(' + ')} = ` : ''}${sum}，与末尾数值 ${values.at(-1)!.text} 不等，末尾数值不是总计`
}

/** Table 3's vouch for a short row's last number read by count (columns.ts): the row adds up. */
const lastIsTotal = (values: ValueSlot[]) => unbalancedEnds(values) === null

function reportRowShape(out: TableOutput, rowKey: string, keys: string[], row: RowCandidate, mapping: Mapping, positional: boolean, unbalanced: string | null): void {
  const name = T3_ROW_LABELS[rowKey]
  if (row.blank) {
    problem(out, 'cell_blank', rowKey, keys, `表三“${name}”行没有填写任何数值`, row.source)
    return
  }
  if (!positional && mapping.misfit) {
    const n = row.values.length
    const lost = keys.filter((_, i) => mapping.cells[i].status === 'lost')
    problem(
      out,
      lost.length ? 'row_value_count' : 'row_extra_cells',
      rowKey,
      lost.length ? lost : keys,
      `表三“${name}”行有 ${n} 个数值，应为 ${T3_COLUMNS.length} 个（${n < T3_COLUMNS.length ? '缺失单元格' : '多出单元格'}），` +
        (unbalanced ? `${unbalanced}，` : '') +
        (lost.length ? `无法确定的单元格记为空：${lost.map((k) => T3_COLUMN_LABELS[k.split('.')[2] as keyof typeof T3_COLUMN_LABELS]).join('、')}` : '多出的数值一致，已按位置读取'),
      row.source
    )
  }
  if (positional && mapping.stray.length) {
    problem(
      out,
      'value_outside_columns',
      rowKey,
      keys,
      `表三“${name}”行有数值无法对应到列：${mapping.stray.map((v) => v.text).join(' ')}`,
      mapping.stray[0].source
    )
  }
  const blanks = notNumbers(keys, mapping.cells)
  if (blanks.keys.length) {
    problem(
      out,
      'cell_blank',
      rowKey,
      blanks.keys,
      `表三“${name}”行有 ${blanks.keys.length} 个单元格未填数值${blanks.note}：${blanks.keys.map((k) => T3_COLUMN_LABELS[k.split('.')[2] as keyof typeof T3_COLUMN_LABELS]).join('、')}`,
      row.source
    )
  }
}

interface PdfRows {
  rows: RowCandidate[]
  headerWords: DocWord[]
  lineOf: Map<DocWord, DocLine>
  ambiguous: number
  notes: DocWord[]
}

/** The official leaf label of a row in match form, without its numbering: 部分公开(区分…). */
function canonicalLeaf(rowKey: string): string {
  return matchForm(T3_ROW_LABELS[rowKey])
    .replace(/^[一二三四五六七八九十]、/, '')
    .replace(/^\([一二三四五六七八九十]\)/, '')
    .replace(/^\d+\./, '')
}

/**
 * The rows that do not read as the official table, as the pages they are on (one entry per
 * row): a row whose label lacks its official text, a row that matches nothing, and the
 * neighbours of an official row not found.
 */
function unofficialRows(rows: RowCandidate[], template: Template): number[] {
  const rowKeys = t3Rows(template)
  const match = rowMatcher(template)
  const pairs = alignSequences(rows, rowKeys, (row, key) => (match(key, labelKey(row)) ? 1 : 0))
  const pages: number[] = []
  const matched = new Map(pairs)
  rows.forEach((row, i) => {
    const k = matched.get(i)
    const ok = k !== undefined && (leafForm(labelKey(row)).includes(canonicalLeaf(rowKeys[k])) || labelKey(row).includes(canonicalLeaf(rowKeys[k])))
    if (!ok && row.page !== undefined) pages.push(row.page)
  })
  // A missing row's label went to a neighbour: look at the pages around where it should be.
  const found = new Set(pairs.map(([, k]) => k))
  rowKeys.forEach((_, k) => {
    if (found.has(k)) return
    const before = pairs.filter(([, kk]) => kk < k).at(-1)
    const after = pairs.find(([, kk]) => kk > k)
    for (const p of [before, after]) if (p && rows[p[0]].page !== undefined) pages.push(rows[p[0]].page!)
  })
  return pages
}

async function pdfRows(
  lines: DocLine[],
  firstData: number,
  ctx: TableContext,
  template: Template,
  strategy: 'nearest' | 'blocks' | RuledPages
): Promise<PdfRows> {
  const rows: RowCandidate[] = []
  const lineOf = new Map<DocWord, DocLine>()
  for (const l of lines) for (const w of l.words) lineOf.set(w, l)
  for (let i = firstData; i < lines.length; i++) {
    const l = lines[i]
    if (!hasValues(l)) continue
    const { label: lw, values } = splitTrailingValues(l)
    rows.push({ pieces: lw.flatMap((w) => splitAtSeam(pieceOf(w, l))), values, blank: false, page: l.page, baseline: l.baseline, fontSize: l.fontSize, source: l.source })
  }
  const valueLeft = Math.min(...rows.map((r) => r.values[0]?.x0 ?? Infinity))
  const cols = valueColumns(rows)
  const pitch = cols.length > 1 ? (cols.at(-1)!.center - cols[0].center) / (cols.length - 1) : 40
  const labelEdge = valueLeft - 0.5 * pitch

  const headerWords: DocWord[] = []
  const fragments: LabelPiece[] = []
  // The cross-footing note (本列数据的勾稽关系…) sits in the label area above the first row
  // and wraps; a line continues it while its bracket is still open, directly below its last line.
  const notes: DocWord[] = []
  const noteContinues = (w: DocWord) => {
    const last = notes.at(-1)
    // A numbered label starts a row (一、本年新收…), whatever the note's brackets say: a note
    // spread over its cell can lose its closing bracket past the label column.
    if (!last || NUMBERED.test(w.text.trim())) return false
    const text = notes.map((n) => n.text).join('')
    if ((text.match(/[（(]/g)?.length ?? 0) <= (text.match(/[）)]/g)?.length ?? 0)) return false
    const la = lineOf.get(last)
    const lw = lineOf.get(w)
    return la?.page === lw?.page && (la?.baseline ?? 0) - (lw?.baseline ?? 0) < 2.6 * (la?.fontSize ?? 10)
  }
  // A line of the note spread over its cell (分散对齐) comes a glyph a word ((本 列 数 据 …): the
  // words of a line above the rows left of the header that spell a piece of it are one word.
  const noteLine = (l: DocLine): DocWord[] => {
    const left = l.words.filter((w) => ((w.x0 ?? 0) + (w.x1 ?? 0)) / 2 < labelEdge)
    if (left.length < 2 || !T3_NOTE_PARTS.has(matchForm(left.map((w) => w.text).join('')))) return l.words
    const note = joinWords(left)
    lineOf.set(note, l)
    return [note, ...l.words.filter((w) => !left.includes(w))]
  }
  lines.forEach((l, i) => {
    if (i >= firstData && hasValues(l)) return
    for (const w of i < firstData ? noteLine(l) : l.words) {
      const c = ((w.x0 ?? 0) + (w.x1 ?? 0)) / 2
      // Below the header, a word that ends before the first column of values is label text
      // even when it reaches close to them (a label spread over its cell: 分散对齐).
      const beforeValues = i >= firstData && cols.length > 0 && (w.x1 ?? 0) <= cols[0].x0
      if (c >= labelEdge && !beforeValues) {
        if (i < firstData) headerWords.push(w)
        continue
      }
      // The header again after a page break, under 续表: the caption is none of the rows', nor is
      // the note repeated with it (its wrapped tail included: the page differs from the first note's).
      if (CONTINUED.test(matchForm(w.text))) continue
      if (T3_SPANNING.test(matchForm(w.text)) || noteContinues(w)) {
        notes.push(w)
        continue
      }
      fragments.push(...splitAtSeam(pieceOf(w, l)))
    }
  })
  const attached = await attachAll(rows, fragments, strategy, template)
  const heading = groupHeading(template)
  const names = namesOneRow(template)
  for (const g of groupOrphans(attached.orphans)) {
    const text = matchForm(joinFragments(g.map((p) => p.text)))
    // A group heading alone in its column (upright text placed at the middle of its stack, or
    // spread far from any row's line: ( 六 ) 其 他 / 处 理) goes with the row nearest it: it spans
    // several, and it is their text.
    const distance = (r: RowCandidate) => Math.abs((r.baseline ?? 0) - (g[0].baseline ?? 0))
    const near = heading(text) ? rows.filter((r) => r.page === g[0].page && r.values.length).sort((a, b) => distance(a) - distance(b))[0] : undefined
    if (near) near.pieces.push(...g)
    // A label that names a row on its own but has no values is a row left blank.
    else if (names(text)) {
      rows.push({ pieces: g, values: [], blank: true, page: g[0].page, baseline: g[0].baseline, fontSize: g[0].fontSize, source: spanOf(g.map((p) => p.source)) })
    }
  }
  rows.sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || (b.baseline ?? 0) - (a.baseline ?? 0))
  return { rows, headerWords, lineOf, ambiguous: attached.ambiguous, notes }
}

/** Label fragments read by their ruling lines on some pages, by text geometry on the others. */
interface RuledPages {
  rulings: (page: number) => Promise<Segment[]>
  pages: Set<number>
  elsewhere: 'nearest' | 'blocks'
}

/** Attaches the label fragments to the rows by `strategy`; returns those left over. */
async function attachAll(rows: RowCandidate[], fragments: LabelPiece[], strategy: 'nearest' | 'blocks' | RuledPages, template: Template): Promise<Attachment> {
  if (strategy === 'blocks') return { orphans: attachByBlocks(rows, fragments, startsRowLabel(template)), ambiguous: 0 }
  if (strategy === 'nearest') return attachFragments(rows, fragments, null)
  const ruled = fragments.filter((f) => strategy.pages.has(f.page ?? 0))
  const rest = fragments.filter((f) => !strategy.pages.has(f.page ?? 0))
  // Blocks first, as when they were chosen: they read the rows' own label words on every page.
  const other = await attachAll(rows, rest, strategy.elsewhere, template)
  const byRules = await attachFragments(rows, ruled, strategy.rulings)
  return { orphans: [...other.orphans, ...byRules.orphans], ambiguous: other.ambiguous + byRules.ambiguous }
}

/** Orphan fragments close together form one label (a wrapped blank row). */
function groupOrphans(orphans: LabelPiece[]): LabelPiece[][] {
  const sorted = [...orphans].sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || (b.baseline ?? 0) - (a.baseline ?? 0))
  const groups: LabelPiece[][] = []
  for (const o of sorted) {
    const g = groups.at(-1)
    const last = g?.at(-1)
    if (g && last && last.page === o.page && Math.abs((last.baseline ?? 0) - (o.baseline ?? 0)) < 1.6 * (o.fontSize ?? 10)) g.push(o)
    else groups.push([o])
  }
  return groups
}

/**
 * Column anchors from the header: header words stacked into columns (wrapped headers such as
 * 社会/公益/组织 become one), spanning group headers set aside, each stack named by its text.
 * Falls back to the printed value columns when the header cannot name all seven.
 */
function headerAnchors(words: DocWord[], lineOf: Map<DocWord, DocLine>, rows: RowCandidate[], out: TableOutput): ColumnAnchor[] | null {
  const headerWords = joinSpelledHeads(words, lineOf)
  const cols = valueColumns(rows)
  const spanning = (w: DocWord) => {
    if (T3_SPANNING.test(matchForm(w.text))) return true
    const covered = cols.filter((c) => c.center > (w.x0 ?? 0) + 1 && c.center < (w.x1 ?? 0) - 1).length
    return covered >= 2
  }
  for (const w of headerWords.filter(spanning)) {
    const l = lineOf.get(w)
    label(out, T3_SPANNING.test(matchForm(w.text)) && /勾稽|本列|第[一二三四]项/.test(matchForm(w.text)) ? 'note' : 'group', null, w.text, w.raw, w.source)
    void l
  }
  const stacks = stackWords(headerWords.filter((w) => !spanning(w)), lineOf)
  const named = new Map<string, ColumnAnchor>()
  for (const s of stacks) {
    const col = columnKeyOf(s.key)
    label(out, 'column', col, s.text, joinFragments(s.words.map((w) => w.raw)), spanOf(s.words.map((w) => w.source)))
    if (col && !named.has(col)) named.set(col, { center: (s.x0 + s.x1) / 2 })
  }
  // Seven printed value columns are the best anchors (their real extents); the header only
  // names them. Otherwise the named header stacks.
  if (cols.length === T3_COLUMNS.length) return anchorsFromColumns(cols)
  if (T3_COLUMNS.every((c) => named.has(c))) {
    const ordered = T3_COLUMNS.map((c) => named.get(c)!)
    const increasing = ordered.every((a, i) => i === 0 || a.center > ordered[i - 1].center)
    if (increasing) return ordered
  }
  // Partly named: keep the named anchors and place the others between them by value columns.
  const anchors: ColumnAnchor[] = []
  for (const c of T3_COLUMNS) {
    const a = named.get(c)
    if (!a) {
      problem(out, 'columns_unmatched', null, [], `表三表头无法识别全部列（缺“${T3_COLUMN_LABELS[c]}”），按数值个数读取各行`, null)
      return null
    }
    anchors.push(a)
  }
  return anchors
}
