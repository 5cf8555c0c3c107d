/**
 * A TXT table whose text is out of order: pdftotext without -layout, or a PDF viewer's "copy
 * all", writes a table's columns one after another, so its numbers stand on lines of their own
 * away from their rows. Such text leaves most cells unplaced and most rows uneven: rows not found,
 * rows holding too few numbers or too many. A column lost whole (seed 000's TXT) leaves each row
 * all its numbers but one, on its line or, in a web table copied one cell per line, on the lines
 * below it: that table is not out of order.
 */
import type { Cell } from '../../model/report'
import type { DocLine } from '../doc'
import { lostCell, type TableOutput } from './output'
import { splitTrailingValues } from './rows'

/** Lost, or empty for want of a value on the row's line (no mark printed). */
const unplaced = (c: Cell) => c.status === 'lost' || (c.value === null && c.raw === '')

/**
 * The table's unplaced cell keys when its text is out of order, else null. `cells` are the
 * table's own; `lines` its region of the text.
 */
export function outOfOrder(cells: Record<string, Cell>, fill: TableOutput['rowFill'], lines: DocLine[]): string[] | null {
  const keys = Object.keys(cells)
  const lost = keys.filter((k) => unplaced(cells[k]))
  if (keys.length < 10 || lost.length * 2 < keys.length) return null
  // Rows not found at all count as uneven too; and rows short of one value when another row
  // holds too many: the column went elsewhere (its numbers in a run of their own).
  const rows = new Set(keys.map((k) => k.slice(0, k.lastIndexOf('.')))).size
  const short = fill.some((f) => f.values > f.columns) ? 0 : 1
  const uneven = fill.filter((f) => f.values < f.columns - short || f.values > f.columns).length + Math.max(0, rows - fill.length)
  if (uneven * 2 < rows) return null
  const bare = lines.filter((l) => {
    const { label, values } = splitTrailingValues(l)
    return label.length === 0 && values.length > 0
  })
  // Lines of bare numbers: three or more; or any, where not one cell could be read and a row
  // stands named without a number on its line (a table 4 that lost a block of values does not).
  const named = fill.some((f) => f.values === 0)
  return bare.length >= 3 || (bare.length > 0 && lost.length === keys.length && named) ? lost : null
}

/**
 * In a table out of order, a row with too few or too many numbers keeps none of them. The first
 * and last a short row keeps otherwise, and the extra numbers that read alike, may be other
 * rows' numbers, or another column's, run together there. Nor is a row with no number on its
 * line known to be blank: its numbers may stand elsewhere. `held`: the numbers each row held, by
 * row key; `says`: the problem's new message for a row (its name, what it held, its columns).
 */
export function dropGuesses(out: TableOutput, held: Map<string, number>, says: (row: string, values: number, columns: number) => string): void {
  for (const p of out.problems) {
    if (!p.row || !held.has(p.row)) continue
    const guessed = p.code === 'row_value_count' || p.code === 'row_extra_cells'
    const none = held.get(p.row) === 0
    if (!guessed && !(none && p.code === 'cell_blank')) continue
    const keys = Object.keys(out.cells).filter((k) => k.startsWith(`${out.table}.${p.row}.`))
    // Only the problem that calls the whole row blank.
    if (!guessed && p.keys.length !== keys.length) continue
    for (const k of keys) out.cells[k] = { ...lostCell(k), source: out.cells[k]?.source ?? null }
    p.code = 'row_value_count'
    p.keys = keys
    p.message = `${says(p.row, held.get(p.row)!, keys.length)}；表格的文字顺序被打乱，${none ? '该行的数值不在它所在的文字行上' : '无法确定哪个数值属于哪一列'}，该行各单元格均记为空`
  }
}
