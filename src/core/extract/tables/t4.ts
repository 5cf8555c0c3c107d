/**
 * Table 4 (行政复议、行政诉讼): one row of 15 values under three groups of five columns.
 */
import { T4_COLUMN_LABELS, T4_COLUMNS, T4_GROUPS, t4Keys } from '../../model/keys'
import { joinFragments, matchForm } from '../../text/normalize'
import { spanOf, type DocLine, type DocWord } from '../doc'
import { severalHeads, T4_COLUMN_PATTERNS, T4_GROUP_PATTERNS, T4_SPANNING } from '../labels'
import { mapByCount, mapByPosition, type ColumnAnchor, type Mapping } from './columns'
import { cellFrom, label, lostCell, newOutput, notNumbers, problem, type TableContext, type TableOutput } from './output'
import { byReadingOrder, hasValues, splitTrailingValues, stackWords, type ValueSlot } from './rows'
import { joinSpelledHeads } from './spread'

const KEYS = t4Keys()

export function parseT4(lines: DocLine[], ctx: TableContext): TableOutput {
  const out = newOutput('t4', null)
  const dataLines = lines.filter((l) => hasValues(l))
  if (dataLines.length === 0) {
    problem(out, 'table_missing', null, KEYS, '表四没有找到数据行', lines[0]?.source ?? null)
    for (const k of KEYS) out.cells[k] = lostCell(k)
    return out
  }
  // The data row is the line with the most values; further value lines are unexpected.
  const main = dataLines.reduce((a, b) => (splitTrailingValues(b).values.length > splitTrailingValues(a).values.length ? b : a))
  let values: ValueSlot[] = splitTrailingValues(main).values
  const joined = new Set<DocLine>([main])
  // The table set as blocks of whole groups one under another (行政复议 above 行政诉讼, or each
  // group on its own), as a narrow page prints it: the blocks' rows, in order, are the row.
  // One cell per line (a web table copied as text): a block's row is a run of value lines.
  const blockRows = ctx.kind === 'txt' && !main.cells && values.length === 1 ? cellRuns(lines) : dataLines.map((l) => [l])
  const blocks = blockRows.map((run) => run.flatMap((l) => splitTrailingValues(l).values))
  if (
    values.length < KEYS.length &&
    blocks.length > 1 &&
    blocks.every((b) => b.length > 0 && b.length % T4_COLUMNS.length === 0) &&
    blocks.reduce((n, b) => n + b.length, 0) === KEYS.length
  ) {
    values = blocks.flat()
    for (const l of dataLines) joined.add(l)
    // A block's row may carry its group's name (行政复议 | 1 4 1 0 6, the table turned so that
    // each group is a row under one header): kept as the row's label for the label rules.
    blockRows.map((run) => run[0]).forEach((l, n) => {
      let words = splitTrailingValues(l).label
      // A row without a name of its own is named by a label wrapped above its values (行政诉讼
      // （未经复议直接起 | 18 0 10 6 34), back to the row before and short of a column header.
      if (!words.length) {
        const stop = n > 0 ? lines.indexOf(blockRows[n - 1].at(-1)!) : 0
        const header = (x: DocLine) => T4_COLUMN_PATTERNS.some((c) => c.pattern.test(matchForm(x.text)))
        const above: DocWord[][] = []
        for (let i = lines.indexOf(l) - 1; i > stop && !header(lines[i]); i--) above.unshift(lines[i].words)
        words = above.flat()
      }
      const text = joinFragments(words.map((w) => w.text))
      const group = T4_GROUP_PATTERNS.find((g) => g.pattern.test(matchForm(text)))?.group
      if (group) label(out, 'row', group, text, joinFragments(words.map((w) => w.raw)), spanOf(words.map((w) => w.source)))
    })
  }
  // One cell per line (a web table copied as text): the value lines that follow form the row.
  if (ctx.kind === 'txt' && values.length < KEYS.length && !main.cells) {
    for (let i = lines.indexOf(main) + 1; i < lines.length && values.length < KEYS.length; i++) {
      const { label, values: more } = splitTrailingValues(lines[i])
      if (label.length || more.length === 0) break
      values.push(...more)
      joined.add(lines[i])
    }
  }
  for (const extra of dataLines) {
    if (joined.has(extra)) continue
    problem(out, 'row_extra', null, [], `表四有多余的数据行：“${extra.text}”`, extra.source)
  }
  const headerLines = lines.slice(0, lines.indexOf(main))
  // TXT: the headers of every block, up to the last block's row (one cell a line: its first
  // line is the main one, the first block's).
  const txtHeaderLines = lines.slice(0, Math.max(...[...joined].map((l) => lines.indexOf(l))))

  let mapping: Mapping
  let positional = false
  // Without positions, a row that lost cells keeps its first value (next to its name), but
  // not its last: 复议后起诉's 总计 is the sum of four cells the row may have lost, so nothing
  // vouches for it (table 3's 总计 is checked against the row's numbers). Nothing is kept when
  // half of the row or more is gone (5 of 15: a whole group's block, say).
  const byCount = (v: ValueSlot[]): Mapping =>
    v.length < KEYS.length && v.length * 2 <= KEYS.length ? { cells: KEYS.map(() => ({ slot: null, status: 'lost' })), stray: [], misfit: true } : mapByCount(v, KEYS.length)
  if (ctx.kind === 'pdf' && joined.size > 1 && dataLines.every((l) => joined.has(l))) {
    // Blocks: each block's header is read above its own row (their columns do not line up).
    let from = 0
    for (const row of dataLines) {
      const at = lines.indexOf(row)
      headerStacks(lines.slice(from, at), out)
      from = at + 1
    }
    mapping = byCount(values)
  } else if (ctx.kind === 'pdf') {
    const anchors = pdfAnchors(headerLines, values, out)
    if (anchors && values.length !== KEYS.length) {
      mapping = mapByPosition(values, anchors)
      positional = true
    } else mapping = byCount(values)
  } else {
    txtHeaderLines.forEach((l, i) => {
      if (joined.has(l)) return // the row of a block above
      ;(l.cells ?? [l.text]).forEach((c, j) => {
        if (!c.trim()) return
        const words = l.words.filter((w) => (l.cells ? w.cell === j : true))
        // A line of several heads aligned with spaces is kept whole and unnamed (as in table 3);
        // one head with a space in it (结果 维持, one cell a line) is that head.
        const one = l.cells !== undefined || !severalHeads(c) || FULL_LABELS.has(matchForm(c))
        label(out, 'column', one ? columnOf(matchForm(c)) : null, c.trim(), c.trim(), spanOf(words.map((w) => w.source)) ?? l.source, { row: i, cell: j })
      })
    })
    mapping = byCount(values)
  }
  KEYS.forEach((k, i) => {
    out.cells[k] = cellFrom(k, mapping.cells[i], main.source)
  })
  out.rowFill.push({ values: values.length, columns: KEYS.length })
  if (!positional && mapping.misfit) {
    const lost = KEYS.filter((_, i) => mapping.cells[i].status === 'lost')
    problem(out, lost.length ? 'row_value_count' : 'row_extra_cells', null, lost.length ? lost : KEYS, `表四数据行有 ${values.length} 个数值，应为 15 个`, main.source)
  }
  if (mapping.stray.length) {
    problem(out, 'value_outside_columns', null, KEYS, `表四有数值无法对应到列：${mapping.stray.map((v) => v.text).join(' ')}`, mapping.stray[0].source)
  }
  const blanks = notNumbers(KEYS, mapping.cells)
  if (blanks.keys.length) problem(out, 'cell_blank', null, blanks.keys, `表四有 ${blanks.keys.length} 个单元格未填数值${blanks.note}`, main.source)
  return out
}

function columnOf(key: string): string | null {
  for (const { column, pattern } of T4_COLUMN_PATTERNS) if (pattern.test(key)) return column
  return null
}

/**
 * Anchors for the 15 columns from the header's leaf labels (结果维持 … 总计, three times);
 * group headers (行政复议, 未经复议直接起诉, 复议后起诉) only confirm the grouping.
 */
function pdfAnchors(headerLines: DocLine[], values: ValueSlot[], out: TableOutput): ColumnAnchor[] | null {
  const leaf = headerStacks(headerLines, out)
  const expected = T4_GROUPS.flatMap(() => [...T4_COLUMNS])
  if (leaf.length === 15 && leaf.every((s, i) => columnOf(s.key) === expected[i])) {
    return leaf.map((s) => ({ center: (s.x0 + s.x1) / 2 }))
  }
  if (values.length === 15) return null // the row is complete: read it in order
  problem(out, 'columns_unmatched', null, [], `表四表头无法识别全部 15 列（识别到 ${leaf.length} 列），按数值个数读取`, headerLines[0]?.source ?? null)
  return null
}

const FULL_LABELS = new Set(Object.values(T4_COLUMN_LABELS).map(matchForm))

/**
 * A column label printed with a space inside (结果 维持) reads as two stacks side by side: on
 * one line in a wide cell, or wrapped in a narrow one (结果 维 / 持, where 结果 and 持 stack
 * up). Two neighbours are joined, in reading order, when together they make an official label
 * and neither does alone.
 */
function joinSpacedLabels(stacks: ReturnType<typeof stackWords>, lineOf: Map<DocWord, DocLine>): ReturnType<typeof stackWords> {
  const out = [...stacks]
  const byReading = byReadingOrder(lineOf)
  for (let i = 0; i + 1 < out.length; i++) {
    const [a, b] = [out[i], out[i + 1]]
    if (FULL_LABELS.has(a.key) || FULL_LABELS.has(b.key)) continue
    const words = [...a.words, ...b.words].sort(byReading)
    const text = joinFragments(words.map((w) => w.text))
    if (!FULL_LABELS.has(matchForm(text))) continue
    out.splice(i, 2, { words, x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1), text, key: matchForm(text) })
  }
  return out
}

/** Labels the header words of a PDF table 4 (or of one block of it); returns its leaf columns, left to right. */
function headerStacks(headerLines: DocLine[], out: TableOutput): ReturnType<typeof stackWords> {
  const lineOf = new Map<DocWord, DocLine>()
  const words: DocWord[] = []
  for (const l of headerLines) for (const w of l.words) {
    lineOf.set(w, l)
    words.push(w)
  }
  const heads = joinSpelledHeads(words, lineOf)
  const groupWords = heads.filter((w) => T4_SPANNING.test(matchForm(w.text)))
  for (const w of groupWords) {
    const g = T4_GROUP_PATTERNS.find((p) => p.pattern.test(matchForm(w.text)))
    label(out, 'group', g?.group ?? null, w.text, w.raw, w.source)
  }
  const stacks = joinSpacedLabels(stackWords(heads.filter((w) => !T4_SPANNING.test(matchForm(w.text))), lineOf), lineOf)
  const leaf = stacks.filter((s) => columnOf(s.key))
  for (const s of stacks) label(out, 'column', columnOf(s.key), s.text, joinFragments(s.words.map((w) => w.raw)), spanOf(s.words.map((w) => w.source)))
  return leaf
}

/** Runs of consecutive lines holding one value and nothing else (one cell per line). */
function cellRuns(lines: DocLine[]): DocLine[][] {
  const runs: DocLine[][] = []
  let run: DocLine[] = []
  for (const l of lines) {
    const { label, values } = splitTrailingValues(l)
    if (!label.length && values.length === 1) run.push(l)
    else if (run.length) {
      runs.push(run)
      run = []
    }
  }
  if (run.length) runs.push(run)
  return runs
}
