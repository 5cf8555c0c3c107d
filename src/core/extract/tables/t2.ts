/**
 * Table 2 (主动公开政府信息情况): blocks headed 第二十条第（X）项, each with its own column
 * header. Rows are recognised by label; their columns come from the template's block.
 */
import { T2_LAYOUTS, type Template } from '../../model/keys'
import { joinFragments, matchForm } from '../../text/normalize'
import { type DocLine, type DocWord, spanOf } from '../doc'
import { T2_CAPTION, T2_COLUMN_PATTERNS, T2_HEADER_ANCHOR, regionalT2Row, startsT2Label, T2_ROW_PATTERNS, T2_TEMPLATE_MARKERS, withoutNotes } from '../labels'
import { mapByCount, mapRow as mapValues, type Mapping } from './columns'
import { dropGuesses, outOfOrder } from './out-of-order'
import { cellFrom, label, lostCell, newOutput, notNumbers, problem, type TableContext, type TableOutput } from './output'
import {
  attachByBlocks,
  attachFragments,
  hasValues,
  labelKey,
  labelRaw,
  labelSource,
  labelText,
  pieceOf,
  splitTrailingValues,
  mergePhrases,
  stackWords,
  txtColumn,
  type LabelPiece,
  type RowCandidate
} from './rows'
import { joinSpelledHeads } from './spread'

export function detectT2Template(lines: DocLine[]): Template | null {
  let v2021 = 0
  let v2019 = 0
  for (const l of lines) {
    const k = matchForm(l.text)
    if (T2_TEMPLATE_MARKERS['2021'].test(k)) v2021++
    if (T2_TEMPLATE_MARKERS['2019'].test(k)) v2019++
  }
  if (v2021 === v2019) return null
  return v2021 > v2019 ? '2021' : '2019'
}

interface Header {
  words: DocWord[]
  lines: DocLine[]
  /** PDF: the line of each header word, merged phrases included. */
  lineOf?: Map<DocWord, DocLine>
}

interface T2Row extends RowCandidate {
  header: Header | null
  caption: string | null
}

/**
 * Whether a row label is exactly an official row label of the template, or a province's own row
 * (in match form, filling notes aside).
 */
function officialT2Label(key: string, template: Template): boolean {
  const name = withoutNotes(key)
  return regionalT2Row(name) || T2_LAYOUTS[template].some((b) => b.rows.some((r) => matchForm(r.label) === name))
}

function rowKeyOf(label: string): string | null {
  const name = withoutNotes(label)
  for (const { row, pattern } of T2_ROW_PATTERNS) if (pattern.test(name)) return row
  return null
}

function isHeaderLine(l: DocLine, template: Template): boolean {
  const k = matchForm(l.text)
  return T2_HEADER_ANCHOR.test(k) || T2_COLUMN_PATTERNS[template].some((c) => c.pattern.test(k) && !hasValues(l) && !rowKeyOf(k))
}

export async function parseT2(lines: DocLine[], ctx: TableContext, fallbackTemplate: Template | null): Promise<TableOutput> {
  const template = detectT2Template(lines) ?? fallbackTemplate ?? '2021'
  const out = newOutput('t2', template)
  const layout = T2_LAYOUTS[template]
  const lineOf = new Map<DocWord, DocLine>()
  for (const l of lines) for (const w of l.words) lineOf.set(w, l)

  const rows: T2Row[] = []
  const fragments: LabelPiece[] = []
  let pending: LabelPiece[] = [] // TXT: label lines before a value line
  let header: Header | null = null
  let caption: string | null = null
  let headerRow = 0
  // Headers first: a wrapped header line above its 信息内容 line must not be taken for a label.
  const headerAt = new Map<number, Header>()
  const inHeader = new Set<DocLine>()
  // 信息内容 lines first: a head wrapped above one is part of its header, not a header of its own.
  const anchored = (l: DocLine) => T2_HEADER_ANCHOR.test(matchForm(l.text))
  for (const pass of [anchored, (l: DocLine) => !anchored(l)]) {
    lines.forEach((l, i) => {
      if (!pass(l) || T2_CAPTION.test(matchForm(l.text)) || inHeader.has(l) || !isHeaderLine(l, template)) return
      const h = collectHeader(lines, i, ctx.kind)
      headerAt.set(lines.indexOf(h.lines[0]), h)
      for (const x of h.lines) inHeader.add(x)
    })
  }
  // TXT laid out by position (a PDF saved as text): values stand at the middle of a wrapped
  // name, so its last lines come after them. The row they finish, and where each pending label
  // line starts in `pending`.
  let layoutRow: T2Row | null = null
  let pendingLines: number[] = []
  const pendingText = (from: number, to: number) => joinFragments(pending.slice(from, to).map((p) => p.text))
  /**
   * Gives the row above the pending lines before the first that starts a row's name (the
   * tail of its own; with `all`, every line when none starts one).
   */
  const finishLayoutRow = (all: boolean) => {
    if (!layoutRow || !pending.length) return
    const above = labelText(layoutRow)
    const first = pendingLines.findIndex((at, j) => startsT2Label(pendingText(at, pendingLines[j + 1] ?? pending.length), joinFragments([above, pendingText(0, at)])))
    const end = first >= 0 ? pendingLines[first] : all ? pending.length : 0
    if (end === 0) return
    layoutRow.pieces.push(...pending.slice(0, end))
    pending = pending.slice(end)
    pendingLines = pendingLines.filter((at) => at >= end).map((at) => at - end)
  }
  const clearPending = () => {
    finishLayoutRow(true)
    pending = []
    pendingLines = []
    layoutRow = null
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    const k = matchForm(l.text)
    const cap = T2_CAPTION.exec(k)
    if (cap && !hasValues(l)) {
      caption = cap[1]
      label(out, 'caption', cap[1], l.text, l.raw, l.source)
      header = null
      clearPending()
      continue
    }
    const h = headerAt.get(i)
    if (h) {
      header = h
      recordHeaderLabels(out, header, template, headerRow++, ctx.kind)
      clearPending()
      continue
    }
    if (inHeader.has(l)) continue
    if (hasValues(l)) {
      const { label: lw, values } = splitTrailingValues(l)
      // One cell per line (a web table copied as text): value lines continue the row above.
      const last = rows.at(-1)
      if (ctx.kind === 'txt' && lw.length === 0 && pending.length === 0 && last && lines[i - 1] && hasValues(lines[i - 1]) && !l.cells) {
        last.values.push(...values)
        continue
      }
      // The lines above a value line of text laid out by position finish the row above, up to
      // the first that starts a name (all of them when this line's own words start one).
      if (ctx.kind === 'txt' && !l.cells) finishLayoutRow(lw.length > 0 && startsT2Label(joinFragments(lw.map((w) => w.text)), null))
      const row: T2Row = {
        pieces: [...pending, ...lw.map((w) => pieceOf(w, l))],
        values,
        blank: false,
        page: l.page,
        baseline: l.baseline,
        fontSize: l.fontSize,
        source: l.source,
        header,
        caption
      }
      rows.push(row)
      layoutRow = ctx.kind === 'txt' && !l.cells ? row : null
      pending = []
      pendingLines = []
      continue
    }
    const pieces = l.words.map((w) => pieceOf(w, l))
    if (ctx.kind === 'txt') {
      // A row label alone on its line with no value: a blank row, or the first part of a label
      // (not a line inside a filling note still open above it: “（指行政许可以外的……”).
      const before = pendingText(0, pending.length)
      if (rowKeyOf(k) && startsT2Label(l.text, before) && pending.length && rowKeyOf(matchForm(before))) {
        rows.push({ pieces: pending, values: [], blank: true, source: spanOf(pending.map((p) => p.source)), header, caption })
        pending = []
        pendingLines = []
        layoutRow = null
      }
      pendingLines.push(pending.length)
      pending.push(...pieces)
    } else fragments.push(...pieces)
  }
  if (ctx.kind === 'txt') finishLayoutRow(true)
  if (ctx.kind === 'txt' && pending.length && rowKeyOf(matchForm(joinFragments(pending.map((p) => p.text))))) {
    rows.push({ pieces: pending, values: [], blank: true, source: spanOf(pending.map((p) => p.source)), header, caption })
  }
  if (ctx.kind === 'pdf') {
    // Text geometry first. If the row labels it made are not all the official ones (a name
    // wrapped over many lines, a filling note after it, starts nearer the row above than its
    // own values, centred on it): label blocks, each from a line that starts a row's name; then
    // the ruling lines (reading them costs as much as reading the page's text). The first that
    // makes every label official is taken, else the one that makes the most.
    const before = rows.map((r) => [...r.pieces])
    const unofficial = () => rows.filter((r) => !officialT2Label(labelKey(r), template)).length
    const attempts: Array<() => Promise<LabelPiece[]>> = [
      async () => (await attachFragments(rows, fragments, null)).orphans,
      async () => attachByBlocks(rows, fragments, startsT2Label),
      async () => (await attachFragments(rows, fragments, ctx.rulings)).orphans
    ]
    let best: { pieces: LabelPiece[][]; orphans: LabelPiece[]; bad: number } | null = null
    for (const attempt of attempts) {
      rows.forEach((r, i) => (r.pieces = [...before[i]]))
      const orphans = await attempt()
      const bad = unofficial()
      if (!best || bad < best.bad) best = { pieces: rows.map((r) => r.pieces), orphans, bad }
      if (bad === 0) break
    }
    rows.forEach((r, i) => (r.pieces = best!.pieces[i]))
    for (const o of best!.orphans) {
      const key = rowKeyOf(matchForm(o.text))
      if (key) rows.push({ pieces: [o], values: [], blank: true, page: o.page, baseline: o.baseline, fontSize: o.fontSize, source: o.source, header: null, caption: null })
    }
  }

  const seen = new Set<string>()
  /** How many values each official row held, by row key (for a text out of order). */
  const held = new Map<string, number>()
  for (const row of rows) {
    const key = rowKeyOf(labelKey(row))
    const block = key ? layout.find((b) => b.rows.some((r) => r.key === key)) : undefined
    if (!key || !block) {
      // A province's own row is a variant of the format (V06), not a row out of place.
      if (!regionalT2Row(labelKey(row))) {
        problem(out, 'row_extra', null, [], `表二有一行不属于${template}年格式：“${labelText(row)}”${row.values.length ? `，数值 ${row.values.map((v) => v.text).join(' ')}` : ''}`, row.source)
      }
      label(out, 'row', null, labelText(row), labelRaw(row), labelSource(row))
      continue
    }
    if (seen.has(key)) {
      problem(out, 'row_extra', key, [], `表二“${labelText(row)}”行重复出现，只采用第一次出现的数值`, row.source)
      continue
    }
    seen.add(key)
    label(out, 'row', key, labelText(row), labelRaw(row), labelSource(row))
    const keys = block.columns.map((c) => `t2.${key}.${c.key}`)
    const mapping = mapRow(row, block.columns.length, ctx.kind)
    out.rowFill.push({ values: row.values.length, columns: block.columns.length })
    held.set(key, row.values.length)
    keys.forEach((k, i) => {
      out.cells[k] = cellFrom(k, mapping.cells[i], labelSource(row))
    })
    const rowName = block.rows.find((r) => r.key === key)!.label
    if (row.blank) problem(out, 'cell_blank', key, keys, `表二“${rowName}”行没有填写数值`, row.source)
    else if (mapping.misfit && !mapping.stray.length) {
      const lost = keys.filter((_, i) => mapping.cells[i].status === 'lost')
      problem(
        out,
        lost.length ? 'row_value_count' : 'row_extra_cells',
        key,
        lost.length ? lost : keys,
        `表二“${rowName}”行有 ${row.values.length} 个数值，${columnCount(row.values.length, block.columns.length)}（${block.columns.map((c) => c.label).join('、')}）` +
          (lost.length && row.values.length < block.columns.length ? `，${row.values.length === 1 ? '该数值' : '第一个数值'}记入“${block.columns[0].label}”，无法确定的单元格记为空：${block.columns.filter((_, i) => mapping.cells[i].status === 'lost').map((c) => c.label).join('、')}` : ''),
        row.source
      )
    }
    if (mapping.stray.length) problem(out, 'value_outside_columns', key, keys, `表二“${rowName}”行有数值无法对应到列：${mapping.stray.map((v) => v.text).join(' ')}`, mapping.stray[0].source)
    const blanks = notNumbers(keys, mapping.cells)
    // Which columns, where the row has more than one.
    const which = block.columns.length > 1 ? `：${block.columns.filter((c) => blanks.keys.includes(`t2.${key}.${c.key}`)).map((c) => c.label).join('、')}` : ''
    if (blanks.keys.length && !row.blank) problem(out, 'cell_blank', key, blanks.keys, `表二“${rowName}”行有单元格未填数值${blanks.note}${which}`, row.source)
  }
  for (const block of layout) {
    for (const r of block.rows) {
      if (seen.has(r.key)) continue
      const keys = block.columns.map((c) => `t2.${r.key}.${c.key}`)
      for (const k of keys) out.cells[k] = lostCell(k)
      problem(out, 'row_missing', r.key, keys, `表二缺少“${r.label}”行（${block.caption}）`, null)
    }
  }
  if (ctx.kind === 'txt' && outOfOrder(out.cells, out.rowFill, lines)) {
    const nameOf = new Map(layout.flatMap((b) => b.rows.map((r) => [r.key, r.label] as const)))
    dropGuesses(out, held, (row, values, columns) => `表二“${nameOf.get(row) ?? row}”行有 ${values} 个数值，${columnCount(values, columns)}`)
  }
  return out
}

/** “而该栏目有 3 列” after a row short of values, “而该栏目只有 2 列” after one with too many. */
function columnCount(values: number, columns: number): string {
  return `而该栏目${values < columns ? '' : '只'}有 ${columns} 列`
}

/** The first words of a line that together spell 信息内容, when it is spread a glyph a word; else none. */
function spreadAnchor(words: DocWord[]): DocWord[] {
  let text = ''
  for (let i = 0; i < words.length; i++) {
    text += matchForm(words[i].text)
    if (text === ANCHOR_TEXT) return words.slice(0, i + 1)
    if (!ANCHOR_TEXT.startsWith(text)) return []
  }
  return []
}
const ANCHOR_TEXT = '信息内容'

/** The header of a block: its 信息内容 line and wrapped header lines just above or below it. */
function collectHeader(lines: DocLine[], at: number, kind: 'pdf' | 'txt'): Header {
  const line = lines[at]
  const anchor = line.words.find((w) => T2_HEADER_ANCHOR.test(matchForm(w.text)))
  // 信息内容 spread over its cell (分散对齐) comes a glyph a word: it ends where its 容 does.
  const spread = anchor ? [] : spreadAnchor(line.words)
  const edge = anchor?.x1 ?? spread.at(-1)?.x1 ?? -Infinity
  const right = (l: DocLine) => l.words.filter((w) => (w.x0 ?? 0) >= edge - 1 && !T2_HEADER_ANCHOR.test(matchForm(w.text)) && !spread.includes(w))
  const header: Header = { words: right(line), lines: [line] }
  if (kind !== 'pdf') return line.cells ? header : txtLayoutHeader(lines, at, anchor ?? spread.at(-1))
  const lineOf = new Map<DocWord, DocLine>()
  const near = (l: DocLine) =>
    // Office suites print tables double-spaced: a wrapped header line can sit 2.5 font sizes away.
    l.page === line.page && Math.abs((l.baseline ?? 0) - (line.baseline ?? 0)) < 3.2 * (line.fontSize ?? 10)
  const wrapped = (l: DocLine) =>
    near(l) && !hasValues(l) && !T2_CAPTION.test(matchForm(l.text)) && l.words.every((w) => (w.x0 ?? 0) >= edge - 1)
  for (let j = at - 1; j >= 0 && wrapped(lines[j]); j--) {
    header.words.push(...right(lines[j]))
    header.lines.push(lines[j])
  }
  for (let j = at + 1; j < lines.length && wrapped(lines[j]); j++) {
    header.words.push(...right(lines[j]))
    header.lines.push(lines[j])
  }
  // Column names are far apart; words close together on one line are one name split by a space.
  for (const l of header.lines) for (const w of l.words) lineOf.set(w, l)
  header.words = mergePhrases(joinSpelledHeads(header.words, lineOf), lineOf)
  header.lineOf = lineOf
  return header
}

/**
 * TXT laid out by position (a PDF saved as text): the header line and the heads wrapped over
 * lines above and below it, right of 信息内容. Each word is placed by its character columns and
 * each line below the one before it, so that a head's parts stack in reading order (a
 * character for a font size: phrases merge across a gap of up to three); a head
 * with a space inside its brackets (本年收费金额(单位: 万元)) is one head.
 */
function txtLayoutHeader(lines: DocLine[], at: number, anchor: DocWord | undefined): Header {
  const line = lines[at]
  const colOf = (w: DocWord, l: DocLine) => txtColumn(w, l) ?? 0
  const edge = anchor ? colOf(anchor, line) + anchor.raw.length : -Infinity
  const right = (l: DocLine) => l.words.filter((w) => colOf(w, l) >= edge && !T2_HEADER_ANCHOR.test(matchForm(w.text)))
  const wrapped = (l: DocLine | undefined): l is DocLine =>
    !!l && !l.cells && l.words.length > 0 && !hasValues(l) && !T2_CAPTION.test(matchForm(l.text)) && right(l).length === l.words.length
  const all = [line]
  for (let j = at - 1; j >= at - 3 && anchor && wrapped(lines[j]); j--) all.unshift(lines[j])
  for (let j = at + 1; j <= at + 3 && anchor && wrapped(lines[j]); j++) all.push(lines[j])
  const words: DocWord[] = []
  const lineOf = new Map<DocWord, DocLine>()
  all.forEach((l, i) => {
    const placed: DocLine = { ...l, baseline: -10 * i, fontSize: 1 }
    for (const w of right(l)) {
      const copy: DocWord = { ...w, x0: colOf(w, l), x1: colOf(w, l) + w.raw.length }
      words.push(copy)
      lineOf.set(copy, placed)
    }
  })
  return { words: mergePhrases(words, lineOf), lines: all, lineOf }
}

function recordHeaderLabels(out: TableOutput, header: Header, template: Template, row: number, kind: 'pdf' | 'txt'): void {
  const line = header.lines[0]
  if (kind === 'txt' && line.cells) {
    line.cells.forEach((c, j) => {
      const t = c.trim()
      if (!t || T2_HEADER_ANCHOR.test(matchForm(t))) return
      const words = line.words.filter((w) => w.cell === j)
      label(out, 'column', t2ColumnOf(matchForm(t), template), t, t, spanOf(words.map((w) => w.source)), { row, cell: j })
    })
    return
  }
  const lineOf = header.lineOf ?? new Map<DocWord, DocLine>()
  for (const s of stackWords(header.words, lineOf)) {
    label(out, 'column', t2ColumnOf(s.key, template), s.text, joinFragments(s.words.map((w) => w.raw)), spanOf(s.words.map((w) => w.source)), { row, cell: -1 })
  }
}

function t2ColumnOf(key: string, template: Template): string | null {
  return T2_COLUMN_PATTERNS[template].find((c) => c.pattern.test(key))?.column ?? null
}

function mapRow(row: T2Row, n: number, kind: 'pdf' | 'txt'): Mapping {
  if (row.blank) return mapByCount([], n)
  if (kind === 'pdf' && row.header) {
    const stacks = stackWords(row.header.words, row.header.lineOf ?? new Map())
    if (stacks.length === n) return mapValues(row.values, stacks.map((s) => ({ center: (s.x0 + s.x1) / 2 })), n)
  }
  // A short row by count keeps its first number only: table 2's columns hold no sum that would
  // vouch for its last, and a blank in the last column is as likely as one between.
  return mapByCount(row.values, n)
}
