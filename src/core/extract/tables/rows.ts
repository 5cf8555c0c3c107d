/**
 * Rows of a table, from TXT lines or PDF geometry, in one shape: label fragments and the
 * values that follow them. Table parsers then match labels to the official rows and values
 * to columns.
 */
import type { Provenance } from '../../model/report'
import { parseValueToken, type ValueToken } from '../../text/numbers'
import { joinFragments, matchForm } from '../../text/normalize'
import { textAdvance } from '../../text/width'
import { isLoneGlyph, spanOf, type DocLine, type DocWord, type Segment } from '../doc'

export interface ValueSlot {
  text: string
  raw: string
  token: ValueToken
  source: Provenance
  x0?: number
  x1?: number
  /** TXT: the tab-separated field it came from. */
  cell?: number
  /** TXT laid out with spaces (no tabs): the character column it starts in, in its line. */
  col?: number
}

export interface LabelPiece {
  text: string
  raw: string
  source: Provenance
  page?: number
  baseline?: number
  x0?: number
  x1?: number
  fontSize?: number
  /** TXT laid out with spaces (no tabs): the character column the piece starts in, in its line. */
  col?: number
}

export interface RowCandidate {
  pieces: LabelPiece[]
  values: ValueSlot[]
  /** A row that exists in the source but carries no value at all. */
  blank: boolean
  page?: number
  baseline?: number
  fontSize?: number
  source: Provenance | null
  /** TXT: the number of tab-separated fields of the row's line, and of its label fields' positions. */
  fields?: number
  labelFields?: number[]
}

export function labelText(row: Pick<RowCandidate, 'pieces'>): string {
  return joinFragments(orderPieces(row.pieces).map((p) => p.text))
}
export function labelRaw(row: Pick<RowCandidate, 'pieces'>): string {
  return joinFragments(orderPieces(row.pieces).map((p) => p.raw))
}
const keyCache = new WeakMap<object, { n: number; key: string }>()

/** The label in match form. Memoised per row (alignment asks for it once per official row). */
export function labelKey(row: Pick<RowCandidate, 'pieces'>): string {
  // Keyed by the pieces array and its length: pieces are only ever appended, or replaced whole.
  const hit = keyCache.get(row.pieces)
  if (hit && hit.n === row.pieces.length) return hit.key
  const key = matchForm(labelText(row))
  keyCache.set(row.pieces, { n: row.pieces.length, key })
  return key
}
export function labelSource(row: Pick<RowCandidate, 'pieces'>): Provenance | null {
  return spanOf(orderPieces(row.pieces).map((p) => p.source))
}

/** A numbering's first glyph, and how many words a numbering spread a glyph a word takes ("（" "六" "）"). */
const NUMBERING_START = /^[一二三四五六七八九十\d（(]/
const NUMBERING_PIECES = 4
/** The numbering of table 3's groups, which head several rows: 三、 （三）. */
const GROUP_NUMBERING = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/
export const NUMBERING = /^([一二三四五六七八九十]+[、.．]|\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])$/
export const NUMBERED = /^([一二三四五六七八九十]+[、.．]|\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])/

/** Whether two label pieces stand on one line (a third of the smaller font size apart at most). */
const sameLine = (a: LabelPiece, b: LabelPiece) =>
  a.page === b.page && Math.abs((a.baseline ?? 0) - (b.baseline ?? 0)) <= 0.35 * Math.min(a.fontSize ?? 10, b.fontSize ?? 10)

/** The space between a piece and the next one to its right on its line. */
const gap = (a: LabelPiece, b: LabelPiece) => (b.x0 ?? 0) - (a.x1 ?? 0)

/** Pieces of one line read as one: their texts in order, their spans united. */
function joinRun(run: LabelPiece[]): LabelPiece {
  const source = spanOf(run.map((p) => p.source)) ?? run[0].source
  return { ...run[0], text: run.map((p) => p.text).join(''), raw: run.map((p) => p.raw).join(''), x1: run[run.length - 1].x1, source }
}

/**
 * Reading order of a label's pieces. TXT: by offset. PDF: a row label can sit in up to three
 * label columns (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密), each wrapped over several
 * lines; read column by column (pieces whose spans overlap form a column), each top to bottom,
 * so that the columns' lines do not interleave.
 */
function orderPieces(pieces: LabelPiece[]): LabelPiece[] {
  if (pieces.every((p) => p.source.kind === 'txt')) return orderTxtPieces(pieces)
  const byLine = (a: LabelPiece, b: LabelPiece) => {
    const pa = a.page ?? 0
    const pb = b.page ?? 0
    if (pa !== pb) return pa - pb
    const fs = Math.min(a.fontSize ?? 10, b.fontSize ?? 10)
    const dy = (b.baseline ?? 0) - (a.baseline ?? 0)
    if (Math.abs(dy) > 0.35 * fs) return dy
    return (a.x0 ?? 0) - (b.x0 ?? 0)
  }
  // A numbering token and the label it numbers ("1." "属于国家秘") form one segment; segments
  // whose spans overlap form a column.
  const segments: Array<{ x0: number; x1: number; pieces: LabelPiece[] }> = []
  const sorted = joinLoneGlyphs(joinJustified([...pieces].sort(byLine)))
  // A piece that starts where a line of another stands starts a line of its column: the last
  // glyph of a wrapped leaf name (开) beside a group's numbering （三） in the column before.
  const startsColumnLine = (p: LabelPiece) => sorted.some((q) => q !== p && !sameLine(p, q) && Math.abs((q.x0 ?? 0) - (p.x0 ?? 0)) <= 0.5)
  for (const p of sorted) {
    const seg = segments.at(-1)
    const fs = p.fontSize ?? 10
    const sameLine = seg && seg.pieces[0].page === p.page && Math.abs((seg.pieces[0].baseline ?? 0) - (p.baseline ?? 0)) <= 0.35 * fs
    // "1." then "属于…" is one label; "（三）" then "1.属于…" is a group label beside a leaf.
    const numbering = seg && NUMBERING.test(seg.pieces.at(-1)!.text.trim()) && !NUMBERED.test(p.text.trim())
    if (seg && sameLine && numbering && (p.x0 ?? 0) - seg.x1 < 1.0 * fs && !startsColumnLine(p)) {
      seg.pieces.push(p)
      seg.x1 = Math.max(seg.x1, p.x1 ?? 0)
    } else segments.push({ x0: p.x0 ?? 0, x1: p.x1 ?? 0, pieces: [p] })
  }
  segments.sort((a, b) => a.x0 - b.x0)
  const columns: Array<{ x1: number; segments: typeof segments }> = []
  for (const seg of segments) {
    const col = columns.at(-1)
    if (col && seg.x0 < col.x1 - 0.5) {
      col.segments.push(seg)
      col.x1 = Math.max(col.x1, seg.x1)
    } else columns.push({ x1: seg.x1, segments: [seg] })
  }
  return columns.flatMap((c) => c.segments.sort((a, b) => byLine(a.pieces[0], b.pieces[0])).flatMap((seg) => seg.pieces))
}

const txtStart = (p: LabelPiece) => (p.source as { start: number }).start
const txtLength = (p: LabelPiece) => (p.source as { end: number }).end - txtStart(p)

/**
 * TXT: by offset, except in text laid out by position (a PDF saved as text, spaces for
 * alignment), where the group label's column runs down beside the row labels ("本年 （二）部分
 * 公开（区分处理" / "度办 的，只计这一情形…"): there, as in a PDF, columns whose character spans do
 * not overlap are read one after the other, each top to bottom. A numbering and the words after
 * it on its line are one span ("1. 属于国家秘" over "密").
 */
function orderTxtPieces(pieces: LabelPiece[]): LabelPiece[] {
  const sorted = [...pieces].sort((a, b) => txtStart(a) - txtStart(b))
  if (sorted.some((p) => p.col === undefined)) return sorted
  const lineOf = (p: LabelPiece) => txtStart(p) - p.col!
  const spans: Array<{ x0: number; x1: number; pieces: LabelPiece[] }> = []
  for (const p of sorted) {
    const span = spans.at(-1)
    const last = span?.pieces.at(-1)
    if (span && last && lineOf(last) === lineOf(p) && NUMBERING.test(last.text.trim()) && !NUMBERED.test(p.text.trim())) {
      span.pieces.push(p)
      span.x1 = p.col! + txtLength(p)
    } else spans.push({ x0: p.col!, x1: p.col! + txtLength(p), pieces: [p] })
  }
  spans.sort((a, b) => a.x0 - b.x0)
  const columns: Array<{ x1: number; spans: typeof spans }> = []
  for (const span of spans) {
    const col = columns.at(-1)
    if (col && span.x0 < col.x1) {
      col.spans.push(span)
      col.x1 = Math.max(col.x1, span.x1)
    } else columns.push({ x1: span.x1, spans: [span] })
  }
  if (columns.length === 1) return sorted
  return columns.flatMap((c) => c.spans.sort((a, b) => txtStart(a.pieces[0]) - txtStart(b.pieces[0])).flatMap((span) => span.pieces))
}

/**
 * A label line justified over a narrow cell (分散对齐) whose glyphs stand closer than a word gap
 * in places: the PDF's words then mix pairs and lone glyphs at one pitch (行政 规 范 性文, 行政
 * 事 业 性 收; 行政 规范 性文 once the rules joined 规范, spread.ts). Three or more short pieces
 * (three glyphs at most) on one line, not all lone glyphs (joinLoneGlyphs reads those), at gaps
 * under an em that differ by less than a sixth of one, are one piece: a gap between two cells'
 * texts (a group label and a leaf's) is not repeated so evenly.
 */
function joinJustified(sorted: LabelPiece[]): LabelPiece[] {
  const out: LabelPiece[] = []
  for (let i = 0; i < sorted.length; ) {
    const em = sorted[i].fontSize ?? 10
    let j = i
    let text = sorted[i].text
    while (
      j + 1 < sorted.length &&
      sameLine(sorted[i], sorted[j + 1]) &&
      // A numbering spread glyph by glyph ends the run (（ 三 ） in the group column, 权 of the
      // leaf beside it); one printed whole ((二) 部 分 公 开) starts its label's line.
      !(j > i && NUMBERING.test(text)) &&
      !NUMBERED.test(sorted[j + 1].text.trim()) &&
      gap(sorted[j], sorted[j + 1]) > 0 &&
      gap(sorted[j], sorted[j + 1]) < em &&
      (j === i || Math.abs(gap(sorted[j], sorted[j + 1]) - gap(sorted[i], sorted[i + 1])) <= em / 6)
    )
      text += sorted[++j].text
    const run = sorted.slice(i, j + 1)
    if (run.length >= 3 && run.every((p) => [...p.text].length <= 3) && run.some((p) => !isLoneGlyph(p))) out.push(joinRun(run))
    else out.push(...run)
    i = j + 1
  }
  return out
}

/**
 * Distributed alignment (Word's 分散对齐, CSS justify) spreads a short label over its cell,
 * "（ 五 ） 不 予 处", one glyph per word. Left apart, the glyphs of a label wrapped over two
 * lines fall into each other's columns and read "（不五予）处". In a label, a run of lone
 * glyphs on one line at an even pitch, each within 3 em of the next, is one piece. Only label
 * pieces come here: in a header, glyphs at an even pitch are as likely one per column.
 * `sorted` is in line order, left to right.
 */
function joinLoneGlyphs(sorted: LabelPiece[]): LabelPiece[] {
  const out: LabelPiece[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    let text = sorted[i].text
    if (isLoneGlyph(sorted[i])) {
      const em = sorted[i].fontSize ?? 10
      while (
        j + 1 < sorted.length &&
        // A whole numbering ends the run: "（三）" in the group column and "权" beside it in the
        // next column can stand at the glyphs' own pitch.
        !NUMBERING.test(text) &&
        isLoneGlyph(sorted[j + 1]) &&
        sameLine(sorted[i], sorted[j + 1]) &&
        gap(sorted[j], sorted[j + 1]) <= 3 * em &&
        // Even pitch: each gap within a quarter em of the run's first gap.
        (j === i || Math.abs(gap(sorted[j], sorted[j + 1]) - gap(sorted[i], sorted[i + 1])) <= 0.25 * em)
      ) {
        j++
        text += sorted[j].text
      }
    }
    const run = sorted.slice(i, j + 1)
    // A numbering alone stays glyph by glyph: joined, "（三）" would pair with the label beside
    // it in the next column as "1." does with its own label.
    if (run.length === 1 || NUMBERING.test(text)) out.push(...run)
    else out.push(joinRun(run))
    i = j + 1
  }
  return out
}

/**
 * A group's numbering run into the next cell's (（三）1.属于国, 三、（一）): a numbering too wide
 * for a narrow group column overflows onto the leaf's, and the two touch. No label holds two
 * numberings in a row, so the word is cut between them, each part its share of the box by its
 * characters' widths (CJK and full-width forms twice a Latin glyph's).
 */
const SEAM = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])(?=[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/

export function splitAtSeam(p: LabelPiece): LabelPiece[] {
  const m = SEAM.exec(p.text)
  if (!m || p.x0 === undefined || p.x1 === undefined || p.source.kind !== 'pdf' || p.raw.length !== p.text.length) return [p]
  const cut = p.x0 + ((p.x1 - p.x0) * textAdvance(m[1])) / textAdvance(p.text)
  const [bx0, by0, bx1, by1] = p.source.box
  const head = m[1].length
  return [
    { ...p, text: p.text.slice(0, head), raw: p.raw.slice(0, head), x1: cut, source: { ...p.source, box: [bx0, by0, cut, by1] } },
    { ...p, text: p.text.slice(head), raw: p.raw.slice(head), x0: cut, source: { ...p.source, box: [cut, by0, bx1, by1] } }
  ]
}

export function pieceOf(w: Pick<DocWord, 'text' | 'raw' | 'source' | 'x0' | 'x1'>, line: DocLine): LabelPiece {
  const piece: LabelPiece = { text: w.text, raw: w.raw, source: w.source, page: line.page, baseline: line.baseline, x0: w.x0, x1: w.x1, fontSize: line.fontSize }
  if (!line.cells) piece.col = txtColumn(w, line) ?? undefined
  return piece
}

/**
 * TXT: the character column a word starts in, in its line. A form feed (the page break of a
 * PDF saved as text, before the first word of a page) takes no column.
 */
export function txtColumn(w: Pick<DocWord, 'source'>, line: DocLine): number | null {
  if (w.source.kind !== 'txt' || line.source.kind !== 'txt') return null
  const offset = w.source.start - line.source.start
  return offset - (line.raw.slice(0, offset).match(/\f/g)?.length ?? 0)
}

function slotOf(w: DocWord, token: ValueToken, line: DocLine): ValueSlot {
  const slot: ValueSlot = { text: w.text, raw: w.raw, token, source: w.source, x0: w.x0, x1: w.x1, cell: w.cell }
  if (!line.cells) slot.col = txtColumn(w, line) ?? undefined
  return slot
}

/** Splits a line into its label words and the run of value words that ends it. */
export function splitTrailingValues(line: DocLine): { label: DocWord[]; values: ValueSlot[] } {
  const values: ValueSlot[] = []
  let i = line.words.length - 1
  for (; i >= 0; i--) {
    const token = parseValueToken(line.words[i].text)
    if (!token) break
    values.unshift(slotOf(line.words[i], token, line))
  }
  // A row of placeholders only ("-  -  -") is still a row; a lone placeholder after a label
  // could be a dash inside the label, so keep it only if a number or another slot follows it.
  return { label: line.words.slice(0, i + 1), values }
}

/**
 * A line carries values when it ends with at least one number. Placeholders alone count if
 * there are two or more, or if the one stands in a cell of its own, where it cannot be part of
 * the label (行政强制 | —): its own tab-separated cell, or well apart from the label (three
 * spaces or more in text laid out with spaces, three font sizes in a PDF).
 */
export function hasValues(line: DocLine): boolean {
  const { label, values } = splitTrailingValues(line)
  if (values.some((v) => v.token.kind === 'number') || values.length >= 2) return true
  const last = label.at(-1)
  if (values.length !== 1 || !last) return false
  const v = values[0]
  if (line.cells) return (v.cell ?? 0) > (last.cell ?? 0)
  if (v.source.kind === 'txt' && last.source.kind === 'txt') return v.source.start - last.source.end >= 3
  const em = line.fontSize ?? 0
  return em > 0 && v.x0 !== undefined && last.x1 !== undefined && v.x0 - last.x1 >= 3 * em
}

/**
 * TXT rows: a line that ends with values closes a row; label-only lines before it are the
 * start of its label (wrapped labels, group labels, a label split from its numbering).
 * A label-only line that names a row by itself and is followed by another such line is a
 * row with no values at all. `heading` tells a group's heading, which starts no row's label.
 * Text laid out by position (a PDF saved as text, columns aligned with spaces) centres the
 * values on a wrapped label, so the label runs on below them: when the next label starts
 * with its numbering ("5.要求…", "（六）…"), the unnumbered label lines before it finish the
 * row above ("申请", "重新出具已获取信息"). Every label of table 3 starts with one.
 */
export function rowsFromTxt(
  lines: DocLine[],
  namesRow: (label: string) => string | null,
  width?: number,
  heading: (label: string) => boolean = () => false
): RowCandidate[] {
  const rows: RowCandidate[] = []
  let pending: LabelPiece[] = []
  /** Where each pending label line starts in `pending`, and whether it starts with a numbering. */
  let pendingLines: Array<{ at: number; numbered: boolean }> = []
  // A line starts a label when one of its clusters does ("理   4.无正当理由大": the group
  // label's column, then the new row's numbering), a numbering spread a glyph a word included
  // ("（ 六 ） 其 他 处 理", a label 分散对齐 saved as text), but not a group's heading alone
  // ("（六）其他" set low beside the last lines of its rows' names): it starts none of them.
  const text = (ps: LabelPiece[]) => matchForm(joinFragments(ps.map((q) => q.text)))
  const numbered = (ps: LabelPiece[]) =>
    ps.some((p, i) => NUMBERING_START.test(p.text) && NUMBERED.test(text(ps.slice(i, i + NUMBERING_PIECES))) && !heading(text(ps.slice(i))))
  // Rows whose values came one per line (a web table copied as text, label on a line of its
  // own): nothing there is laid out by position, whatever spaces its labels hold.
  const cellLineRows = new WeakSet<RowCandidate>()
  // The row above a line of text laid out by position (no tab-separated cells), if it has values.
  const layoutRowAbove = (line: DocLine) => {
    const prev = rows.at(-1)
    return prev && !prev.blank && !line.cells && prev.fields === undefined && !cellLineRows.has(prev) ? prev : null
  }
  const pendingKey = () => namesRow(matchForm(joinFragments(pending.map((p) => p.text))))
  let lastWasRow = false
  // Text laid out by position: the column after the last value of the row just made.
  let lastValueEnd = -1
  const valueColumn = (v: ValueSlot) => v.col ?? -1
  for (const line of lines) {
    const { label, values } = splitTrailingValues(line)
    const pieces = label.map((w) => pieceOf(w, line))
    // One cell per line (a web table copied as text): value lines continue the row above.
    if (values.length > 0 && label.length === 0 && pending.length === 0 && lastWasRow && !line.cells) {
      const row = rows.at(-1)!
      row.values.push(...values)
      row.source = spanOf([row.source, line.source])
      continue
    }
    // A PDF saved as text can put a tall row's values on two lines, beside two lines of its
    // label ("2. 其他法律行政法规禁止 2 5" over "公开   6 1 7 4 25"): the second line's values finish
    // the row when together they fill it and all stand right of the first line's, and its words
    // (no numbering: every row label of table 3 has one) finish the label.
    const above = rows.at(-1)
    if (
      width && values.length > 0 && lastWasRow && !line.cells && above && above.fields === undefined && !cellLineRows.has(above) &&
      above.values.length + values.length === width && !numbered(pieces) && valueColumn(values[0]) >= lastValueEnd && lastValueEnd >= 0
    ) {
      above.values.push(...values)
      above.pieces.push(...pieces)
      above.source = spanOf([above.source, line.source])
      lastValueEnd = -1
      continue
    }
    if (values.length > 0 && hasValues(line)) {
      const prev = layoutRowAbove(line)
      if (prev) {
        const next = pendingLines.findIndex((l) => l.numbered)
        const tailEnd = next >= 0 ? pendingLines[next].at : numbered(pieces) ? pending.length : 0
        if (tailEnd > 0) {
          // On a line of two clusters ("开    务信息") the first is the group label's column:
          // it stays in front of the next label rather than split the one above.
          const tail: LabelPiece[] = []
          const keep: LabelPiece[] = []
          pendingLines.filter((l) => l.at < tailEnd).forEach((l, i, all) => {
            const clusters = spacedClusters(pending.slice(l.at, all[i + 1]?.at ?? tailEnd))
            if (clusters.length >= 2) keep.push(...clusters[0])
            tail.push(...clusters.slice(clusters.length >= 2 ? 1 : 0).flat())
          })
          prev.pieces.push(...tail)
          prev.source = spanOf([prev.source, ...tail.map((p) => p.source)])
          pending = [...keep, ...pending.slice(tailEnd)]
        }
      }
      const row: RowCandidate = {
        pieces: [...pending, ...pieces],
        values,
        blank: false,
        source: line.source,
        fields: line.cells?.length,
        labelFields: label.map((w) => w.cell ?? 0)
      }
      rows.push(row)
      if (!line.cells && label.length === 0 && values.length === 1) cellLineRows.add(row)
      const lastValue = values.at(-1)!
      lastValueEnd = line.cells ? -1 : valueColumn(lastValue) + lastValue.raw.length
      pending = []
      pendingLines = []
      lastWasRow = true
      continue
    }
    lastWasRow = false
    const lineKey = heading(matchForm(line.text)) ? null : namesRow(matchForm(line.text))
    const before = pending.length ? pendingKey() : null
    if (before && lineKey && lineKey !== before) {
      // In text laid out by position, label lines without a numbering that follow a row finish
      // its label ("规禁止公" "开" under "2.其他法" "律行政法  22 13 …"): every row label of table 3
      // starts with one, so they are no row of their own.
      const above = layoutRowAbove(line)
      if (above && !pendingLines[0]?.numbered) {
        above.pieces.push(...pending)
        above.source = spanOf([above.source, ...pending.map((p) => p.source)])
      } else rows.push({ pieces: pending, values: [], blank: true, source: spanOf(pending.map((p) => p.source)) })
      pending = []
      pendingLines = []
    }
    // "（三）  权益": a group label starting beside the last words of the label above. Only a
    // group's numbering: "2. 其他法律行政" is a row's own numbering and the words it numbers, as
    // is "(六) 其他处理" where that is a row (2019): words that name a row, and that would leave
    // the label above naming none if added to it.
    const prev = layoutRowAbove(line)
    const rest = pieces.slice(1)
    const restText = joinFragments(rest.map((p) => p.text))
    const ownRow = () => !!prev && !!namesRow(matchForm(restText)) && !namesRow(matchForm(joinFragments([...prev.pieces.map((p) => p.text), restText])))
    if (prev && !pendingLines.some((l) => l.numbered) && pieces.length >= 2 && GROUP_NUMBERING.test(matchForm(pieces[0].text)) && !numbered(rest) && !ownRow()) {
      prev.pieces.push(...pieces.slice(1))
      pieces.splice(1)
    }
    pendingLines.push({ at: pending.length, numbered: numbered(pieces) })
    pending.push(...pieces, ...values.map((v) => pieceOf(v, line)))
  }
  if (pending.length && pendingKey()) rows.push({ pieces: pending, values: [], blank: true, source: spanOf(pending.map((p) => p.source)) })
  return rows
}

/**
 * A line's label pieces as clusters: in text laid out by position, a label spread over its cell
 * (分散对齐) is a word a glyph, one space apart ("新 出 具 已"), and is one cluster. Words of
 * more glyphs one space apart are not ("理结 他情形）": the group label's column, then a label).
 * Pieces without columns (tab-separated cells) are a cluster each.
 */
function spacedClusters(pieces: LabelPiece[]): LabelPiece[][] {
  const clusters: LabelPiece[][] = []
  pieces.forEach((p, i) => {
    const prev = pieces[i - 1]
    const near =
      prev && p.col !== undefined && prev.col !== undefined && p.col - (prev.col + prev.raw.length) <= 1 && isLoneGlyph(p) && isLoneGlyph(prev)
    if (near) clusters.at(-1)!.push(p)
    else clusters.push([p])
  })
  return clusters
}

/** The usual distance between successive label lines of one column (the table's line spacing). */
function linePitch(fragments: LabelPiece[]): number | null {
  const gaps: number[] = []
  const sorted = [...fragments].sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || (b.baseline ?? 0) - (a.baseline ?? 0))
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]
    const b = sorted[i]
    if (a.page !== b.page) continue
    const overlap = Math.min(a.x1 ?? 0, b.x1 ?? 0) - Math.max(a.x0 ?? 0, b.x0 ?? 0)
    const gap = (a.baseline ?? 0) - (b.baseline ?? 0)
    if (overlap > 0 && gap > 0.5 * (a.fontSize ?? 10)) gaps.push(gap)
  }
  if (gaps.length < 3) return null
  gaps.sort((x, y) => x - y)
  return gaps[Math.floor(gaps.length / 2)]
}

/** Horizontal rules between two heights that cross the span [x0, x1]. */
function ruleBetween(rules: Segment[], yA: number, yB: number, x0: number, x1: number): boolean {
  const lo = Math.min(yA, yB)
  const hi = Math.max(yA, yB)
  return rules.some((r) => r.orient === 'h' && r.at > lo + 0.5 && r.at < hi - 0.5 && r.from < x1 - 1 && r.to > x0 + 1)
}

export interface Attachment {
  orphans: LabelPiece[]
  /** Fragments that text geometry alone could not place with confidence. */
  ambiguous: number
}

/**
 * PDF: attaches label fragments (lines or parts of lines without values) to the row they
 * belong to. A fragment clearly nearest one row (within reach, and the next row markedly
 * farther) goes to it. For the others, when `rulings` is given, the page's ruling lines decide:
 * the fragment belongs to the nearest row in the same band (no rule between them); without
 * rulings (or on an unruled page) the nearest row within reach takes it.
 */
export async function attachFragments(
  rows: RowCandidate[],
  fragments: LabelPiece[],
  rulings: ((page: number) => Promise<Segment[]>) | null,
  maxGap = 2.2
): Promise<Attachment> {
  const pitch = linePitch(fragments)
  const orphans: LabelPiece[] = []
  let ambiguous = 0
  for (const f of fragments) {
    const fs = f.fontSize ?? 10
    // How far a wrapped label line may sit from its row: a few font sizes, or a little more
    // than one line of the table's own spacing (office suites print tables double-spaced).
    const reach = Math.max(maxGap * fs, 1.25 * (pitch ?? 0))
    const near = rows
      .filter((r) => r.page === f.page && r.baseline !== undefined && f.baseline !== undefined)
      .map((r) => ({ r, d: Math.abs(r.baseline! - f.baseline!) }))
      .sort((a, b) => a.d - b.d)
    const [first, second] = near
    if (!first) {
      orphans.push(f)
      continue
    }
    // Twice as far, not less: the last line of a label wrapped over five lines, centred on its
    // values, stands 1.5 times nearer the next one-line row's values than its own.
    const clear = first.d <= reach && (!second || second.d >= Math.max(2 * first.d, first.d + 0.5 * fs))
    const rules = rulings ? await rulings(f.page ?? 0) : []
    // Where the rules are read, they decide even then: a name wrapped over many lines, centred
    // on its values, starts nearer the row above (past the rule between them) than its own row.
    if (clear && !ruleBetween(rules, first.r.baseline!, f.baseline!, f.x0 ?? 0, f.x1 ?? 0)) {
      first.r.pieces.push(f)
      continue
    }
    ambiguous++
    const ruled = rules.some((r) => r.orient === 'h' && r.from < (f.x1 ?? 0) && r.to > (f.x0 ?? 0))
    const best = ruled
      ? near.find((c) => !ruleBetween(rules, c.r.baseline!, f.baseline!, f.x0 ?? 0, f.x1 ?? 0))
      : first.d <= reach
        ? first
        : undefined
    if (best) best.r.pieces.push(f)
    else orphans.push(f)
  }
  return { orphans: continueAcrossPages(rows, orphans), ambiguous }
}

/**
 * A row broken by a page break: the rest of its label heads the next page, above that page's
 * first row. It continues the last row of the previous page. Returns the fragments still left.
 */
export function continueAcrossPages(rows: RowCandidate[], orphans: LabelPiece[]): LabelPiece[] {
  const remaining: LabelPiece[] = []
  for (const f of orphans) {
    const page = f.page ?? 0
    const onPage = rows.filter((r) => r.page === page)
    const above = onPage.every((r) => (r.baseline ?? 0) < (f.baseline ?? 0))
    const earlier = rows.filter((r) => (r.page ?? 0) < page)
    if (above && earlier.length) {
      const lastPage = Math.max(...earlier.map((r) => r.page ?? 0))
      const last = earlier.filter((r) => r.page === lastPage).reduce((a, b) => ((a.baseline ?? 0) < (b.baseline ?? 0) ? a : b))
      last.pieces.push(f)
    } else remaining.push(f)
  }
  return remaining
}

/** Groups header words into column stacks: words above one another whose spans overlap. */
export interface Stack {
  words: DocWord[]
  x0: number
  x1: number
  text: string
  key: string
}

/** Words in reading order: by page, then line (top first), then left to right. */
export function byReadingOrder(lineOf: Map<DocWord, DocLine>): (a: DocWord, b: DocWord) => number {
  return (a, b) => {
    const la = lineOf.get(a)
    const lb = lineOf.get(b)
    if ((la?.page ?? 0) !== (lb?.page ?? 0)) return (la?.page ?? 0) - (lb?.page ?? 0)
    const dy = (lb?.baseline ?? 0) - (la?.baseline ?? 0)
    if (Math.abs(dy) > 1) return dy
    return (a.x0 ?? 0) - (b.x0 ?? 0)
  }
}

export function stackWords(words: DocWord[], lineOf: Map<DocWord, DocLine>): Stack[] {
  const sorted = [...words].sort((a, b) => (a.x0 ?? 0) - (b.x0 ?? 0))
  const stacks: Array<{ words: DocWord[]; x0: number; x1: number }> = []
  for (const w of sorted) {
    const wx0 = w.x0 ?? 0
    const wx1 = w.x1 ?? 0
    const narrow = (a: number, b: number) => Math.min(a, b)
    const target = stacks.find((s) => {
      const overlap = Math.min(s.x1, wx1) - Math.max(s.x0, wx0)
      return overlap > 0.5 * narrow(s.x1 - s.x0, wx1 - wx0)
    })
    if (target) {
      target.words.push(w)
      target.x0 = Math.min(target.x0, wx0)
      target.x1 = Math.max(target.x1, wx1)
    } else stacks.push({ words: [w], x0: wx0, x1: wx1 })
  }
  return stacks
    .map((s) => {
      const ordered = [...s.words].sort(byReadingOrder(lineOf))
      const text = joinFragments(ordered.map((w) => w.text))
      return { words: ordered, x0: s.x0, x1: s.x1, text, key: matchForm(text) }
    })
    .sort((a, b) => a.x0 - b.x0)
}

/** Clusters value x-ranges that overlap (one cluster per printed column). */
export function valueColumns(rows: RowCandidate[]): Array<{ x0: number; x1: number; center: number }> {
  const spans = rows
    .flatMap((r) => r.values)
    .filter((v) => v.x0 !== undefined)
    .map((v) => ({ x0: v.x0!, x1: v.x1! }))
    .sort((a, b) => a.x0 - b.x0)
  const out: Array<{ x0: number; x1: number; center: number }> = []
  for (const s of spans) {
    const last = out.at(-1)
    if (last && s.x0 < last.x1 - 0.5) {
      last.x1 = Math.max(last.x1, s.x1)
      last.center = (last.x0 + last.x1) / 2
    } else out.push({ x0: s.x0, x1: s.x1, center: (s.x0 + s.x1) / 2 })
  }
  return out
}

/** Words grouped by their line (words with none left out), each line's left to right. */
export function wordsByLine(words: DocWord[], lineOf: Map<DocWord, DocLine>): Map<DocLine, DocWord[]> {
  const byLine = new Map<DocLine, DocWord[]>()
  for (const w of words) {
    const l = lineOf.get(w)
    if (!l) continue
    if (!byLine.has(l)) byLine.set(l, [])
    byLine.get(l)!.push(w)
  }
  for (const ws of byLine.values()) ws.sort((a, b) => (a.x0 ?? 0) - (b.x0 ?? 0))
  return byLine
}

/**
 * Merges a header word with the next one on its line while a bracket it opened is still open
 * ("本年收费金额（单位:" + "万元）"): a space inside a bracketed unit does not end a column
 * name. Gaps cannot tell this apart: office suites print column names half an em apart.
 */
export function mergePhrases(words: DocWord[], lineOf: Map<DocWord, DocLine>, gap = 3): DocWord[] {
  const open = (t: string) => (t.match(/[（(]/g)?.length ?? 0) > (t.match(/[）)]/g)?.length ?? 0)
  const out: DocWord[] = []
  for (const [line, ws] of wordsByLine(words, lineOf)) {
    const fs = line.fontSize ?? 10
    let cur: DocWord | null = null
    for (const w of ws) {
      // Not into a word that opens brackets of its own: that is the next head, with its note.
      if (cur && open(cur.text) && !open(w.text) && (w.x0 ?? 0) - (cur.x1 ?? 0) < gap * fs) {
        const merged: DocWord = {
          text: joinFragments([cur.text, w.text]),
          raw: joinFragments([cur.raw, w.raw]),
          x0: cur.x0,
          x1: Math.max(cur.x1 ?? 0, w.x1 ?? 0),
          y0: Math.min(cur.y0 ?? 0, w.y0 ?? 0),
          y1: Math.max(cur.y1 ?? 0, w.y1 ?? 0),
          source: spanOf([cur.source, w.source])!
        }
        cur = merged
      } else {
        if (cur) out.push(cur)
        cur = w
      }
    }
    if (cur) out.push(cur)
    for (const w of out) if (!lineOf.has(w)) lineOf.set(w, line)
  }
  return out
}

/**
 * Text-only attachment by blocks, for unruled tables whose labels wrap far above and below
 * their value line: in each label column, a label runs from a line that starts one (by default
 * its numbering, 一、 （一） 1.: table 3) to the line before the next such line. A block goes to
 * the row whose value line lies within it (its own label words are part of the block), or to
 * the value line nearest its middle. A block that heads a page with no row in it continues
 * the last row of the page before. Returns the fragments that found no row.
 */
export function attachByBlocks(rows: RowCandidate[], fragments: LabelPiece[], starts: StartsLabel = startsNumbered): LabelPiece[] {
  return continueAcrossPages(rows, blockOrphans(rows, fragments, starts))
}

/** Whether a piece starts a new label, given the text of the block so far (null: none yet). */
export type StartsLabel = (piece: string, block: string | null) => boolean
const startsNumbered: StartsLabel = (piece) => NUMBERED.test(piece.trim())

function blockOrphans(rows: RowCandidate[], fragments: LabelPiece[], starts: StartsLabel): LabelPiece[] {
  type Item = { piece: LabelPiece; row: RowCandidate | null }
  const items: Item[] = [
    ...fragments.map((piece) => ({ piece, row: null })),
    ...rows.flatMap((row) => row.pieces.map((piece) => ({ piece, row })))
  ]
  const pitch = linePitch(items.map((i) => i.piece)) ?? 0
  // Columns: items whose spans overlap, per page.
  items.sort((a, b) => (a.piece.page ?? 0) - (b.piece.page ?? 0) || (a.piece.x0 ?? 0) - (b.piece.x0 ?? 0))
  const columns: Array<{ page: number; x1: number; items: Item[] }> = []
  for (const it of items) {
    const col = columns.find((c) => c.page === (it.piece.page ?? 0) && (it.piece.x0 ?? 0) < c.x1 - 0.5 && (it.piece.x1 ?? 0) > (c.items[0].piece.x0 ?? 0))
    if (col) {
      col.items.push(it)
      col.x1 = Math.max(col.x1, it.piece.x1 ?? 0)
    } else columns.push({ page: it.piece.page ?? 0, x1: it.piece.x1 ?? 0, items: [it] })
  }
  const orphans: LabelPiece[] = []
  for (const col of columns) {
    col.items.sort((a, b) => (b.piece.baseline ?? 0) - (a.piece.baseline ?? 0) || (a.piece.x0 ?? 0) - (b.piece.x0 ?? 0))
    // Lines of the column, top to bottom; a line holding a numbered piece starts a block (a
    // wrapped group label such as "（三" may sit left of it on that line).
    const lines: Item[][] = []
    for (const it of col.items) {
      const line = lines.at(-1)
      if (line && Math.abs((line[0].piece.baseline ?? 0) - (it.piece.baseline ?? 0)) <= 0.35 * (it.piece.fontSize ?? 10)) line.push(it)
      else lines.push([it])
    }
    const blocks: Item[][] = []
    for (const line of lines) {
      const block = blocks.at(-1)
      const prev = block?.at(-1)
      const gap = prev ? (prev.piece.baseline ?? 0) - (line[0].piece.baseline ?? 0) : Infinity
      const soFar = block ? joinFragments(block.map((b) => b.piece.text)) : null
      const starting = line.some((it) => starts(it.piece.text, soFar))
      if (block && !starting && gap <= 1.3 * Math.max(pitch, 1.2 * (line[0].piece.fontSize ?? 10))) block.push(...line)
      else blocks.push([...line])
    }
    for (const block of blocks) {
      const owners = [...new Set(block.map((b) => b.row).filter((r): r is RowCandidate => r !== null))]
      const loose = block.filter((b) => b.row === null).map((b) => b.piece)
      if (loose.length === 0) continue
      if (owners.length === 1) {
        owners[0].pieces.push(...loose)
        continue
      }
      const top = Math.max(...block.map((b) => b.piece.baseline ?? 0))
      const bottom = Math.min(...block.map((b) => b.piece.baseline ?? 0))
      const middle = (top + bottom) / 2
      const candidates = (owners.length ? owners : rows).filter(
        (r) => r.page === col.page && (r.baseline ?? 0) <= top + 0.6 * pitch && (r.baseline ?? 0) >= bottom - 0.6 * pitch
      )
      const best = candidates.sort((a, b) => Math.abs((a.baseline ?? 0) - middle) - Math.abs((b.baseline ?? 0) - middle))[0]
      if (best) best.pieces.push(...loose)
      else orphans.push(...loose)
    }
  }
  return orphans
}
