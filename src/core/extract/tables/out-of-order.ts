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
import type { TableOutput } from './output'
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
  return bare.length >= 3 ? lost : null
}
