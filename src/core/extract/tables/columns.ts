/**
 * Assigning a row's values to columns.
 *
 * - By position (PDF): each column has an anchor x; a value belongs to the column whose
 *   interval (midpoints between anchors) holds its centre. Empty columns stay blank.
 * - By count (TXT, or PDF without usable headers): a row with exactly as many values as
 *   columns maps in order. A short row keeps its first value (next to the label) and loses
 *   the cells after it: which one is missing cannot be known, so they are null, not guessed.
 *   Its last value is kept as the last column's only where the table vouches for it
 *   (`LastStands`): table 3's 总计 is the sum of the row's other numbers; table 2's columns
 *   hold no such sum, and table 4's last 总计 sums cells the row may have lost. A long row
 *   keeps a value only where every possible shift of the extra cells gives the same number.
 */
import type { ValueSlot } from './rows'

export type Assigned = { slot: ValueSlot | null; status: 'ok' | 'blank' | 'lost' | 'conflict' }

export interface Mapping {
  cells: Assigned[]
  /** Values that sat under no column (PDF) or could not be placed. */
  stray: ValueSlot[]
  /** True when the row's shape did not fit the columns (L07). */
  misfit: boolean
}

/** Whether a short row's last value, read by count, is its last column's (see above). */
export type LastStands = (values: ValueSlot[]) => boolean

const noLast: LastStands = () => false

export function mapByCount(values: ValueSlot[], n: number, lastStands: LastStands = noLast): Mapping {
  const cells: Assigned[] = []
  if (values.length === n) {
    for (const v of values) cells.push({ slot: v, status: 'ok' })
    return { cells, stray: [], misfit: false }
  }
  if (values.length === 0) {
    for (let i = 0; i < n; i++) cells.push({ slot: null, status: 'blank' })
    return { cells, stray: [], misfit: false }
  }
  if (values.length < n) {
    for (let i = 0; i < n; i++) cells.push({ slot: null, status: 'lost' })
    cells[0] = { slot: values[0], status: 'ok' }
    if (values.length > 1 && lastStands(values)) cells[n - 1] = { slot: values[values.length - 1], status: 'ok' }
    return { cells, stray: [], misfit: true }
  }
  const extra = values.length - n
  for (let i = 0; i < n; i++) {
    const candidates = values.slice(i, i + extra + 1)
    // Extra values that all read the same (0 0 0, or — — —) leave no doubt about the cell.
    const reads = candidates.map((c) => (c.token.kind === 'number' ? String(c.token.value) : `mark:${c.text.normalize('NFKC').trim()}`))
    const same = reads.every((x) => x === reads[0])
    cells.push(same ? { slot: candidates[0], status: 'ok' } : { slot: null, status: 'lost' })
  }
  return { cells, stray: [], misfit: true }
}

export interface ColumnAnchor {
  center: number
  /** Optional explicit bounds (ruling lines); otherwise midpoints to the neighbours. */
  x0?: number
  x1?: number
}

export function intervals(anchors: ColumnAnchor[]): Array<[number, number]> {
  const n = anchors.length
  return anchors.map((a, i) => {
    const left = i > 0 ? (anchors[i - 1].center + a.center) / 2 : a.center - (n > 1 ? (anchors[1].center - a.center) / 2 : 40) - 6
    const right = i < n - 1 ? (a.center + anchors[i + 1].center) / 2 : a.center + (n > 1 ? (a.center - anchors[n - 2].center) / 2 : 40) + 6
    return [a.x0 ?? left, a.x1 ?? right]
  })
}

export function mapByPosition(values: ValueSlot[], anchors: ColumnAnchor[]): Mapping {
  const bounds = intervals(anchors)
  const cells: Assigned[] = anchors.map(() => ({ slot: null, status: 'blank' }))
  const stray: ValueSlot[] = []
  let misfit = false
  for (const v of values) {
    const c = ((v.x0 ?? 0) + (v.x1 ?? 0)) / 2
    const idx = bounds.findIndex(([a, b]) => c >= a && c < b)
    if (idx < 0) {
      stray.push(v)
      misfit = true
      continue
    }
    if (cells[idx].slot) {
      // Two values under one column: the row is misread; keep neither.
      cells[idx] = { slot: null, status: 'conflict' }
      stray.push(v)
      misfit = true
      continue
    }
    if (cells[idx].status === 'conflict') {
      stray.push(v)
      continue
    }
    cells[idx] = { slot: v, status: 'ok' }
  }
  return { cells, stray, misfit }
}

/**
 * A PDF row: a full row maps in order (positions only matter to place blank cells, and
 * right-aligned numbers in uneven columns can sit past a midpoint); a single column needs
 * no positions; a short row is placed by position when anchors are known.
 */
export function mapRow(values: ValueSlot[], anchors: ColumnAnchor[] | null, n: number, lastStands?: LastStands): Mapping {
  if (!anchors || n === 1 || values.length === n) return mapByCount(values, n, lastStands)
  return mapByPosition(values, anchors)
}

/** Anchors with explicit bounds from printed value columns: each reaches halfway to the next column's edge. */
export function anchorsFromColumns(cols: Array<{ x0: number; x1: number; center: number }>): ColumnAnchor[] {
  return cols.map((c, i) => ({
    center: c.center,
    x0: i > 0 ? (cols[i - 1].x1 + c.x0) / 2 : c.x0 - (c.x1 - c.x0) - 20,
    x1: i < cols.length - 1 ? (c.x1 + cols[i + 1].x0) / 2 : c.x1 + (c.x1 - c.x0) + 20
  }))
}

/**
 * TXT tables printed as a full tab grid (3 label fields + 7 value fields, blank fields kept):
 * the grid is the field layout shared by the complete rows. A short row with exactly the
 * grid's fields, its labels left of the value fields, maps by field position — a blank field
 * is a blank cell, not a lost one. Returns null when there is no such grid.
 */
export function txtGrid(rows: Array<{ values: ValueSlot[]; fields?: number }>, n: number): { first: number; fields: number } | null {
  const votes = new Map<string, number>()
  let complete = 0
  for (const r of rows) {
    if (r.values.length !== n || r.fields === undefined || r.values.some((v) => v.cell === undefined)) continue
    complete++
    const cells = r.values.map((v) => v.cell!)
    if (!cells.every((c, i) => i === 0 || c === cells[i - 1] + 1)) continue
    const k = `${cells[0]}:${r.fields}`
    votes.set(k, (votes.get(k) ?? 0) + 1)
  }
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]
  if (!best || best[1] < 2 || best[1] < complete / 2) return null
  const [first, fields] = best[0].split(':').map(Number)
  return { first, fields }
}

export function mapByGrid(values: ValueSlot[], labelFields: number[], fields: number | undefined, grid: { first: number; fields: number }, n: number): Mapping | null {
  if (fields !== grid.fields || labelFields.some((c) => c >= grid.first)) return null
  if (!values.every((v) => v.cell !== undefined && v.cell >= grid.first && v.cell < grid.first + n)) return null
  // A blank field at either end of the value fields may be a label column's filler (a colspan
  // rendered as an empty field): only blanks strictly inside the row are known blank cells.
  const cellsUsed = new Set(values.map((v) => v.cell!))
  if (!cellsUsed.has(grid.first) || !cellsUsed.has(grid.first + n - 1)) return null
  const cells: Assigned[] = Array.from({ length: n }, () => ({ slot: null, status: 'blank' as const }))
  for (const v of values) cells[v.cell! - grid.first] = { slot: v, status: 'ok' }
  return { cells, stray: [], misfit: false }
}

/** Where a value of text laid out with spaces ends, in characters of its line (null in other text). */
function spacedEnd(v: ValueSlot): number | null {
  return v.col === undefined || v.source.kind !== 'txt' ? null : v.col + (v.source.end - v.source.start)
}

/**
 * TXT laid out with spaces (pdftotext -layout, a fixed-width export): the columns the values of
 * complete rows (n values) end in, one list per distinct layout. Rows set under one another
 * share them to the character; rows a long label pushed to the right do not, and are left alone.
 */
export function spacedGrids(rows: Array<{ values: ValueSlot[] }>, n: number): number[][] {
  const grids = new Map<string, number[]>()
  for (const r of rows) {
    if (r.values.length !== n) continue
    const ends = r.values.map(spacedEnd)
    if (ends.every((e, i) => e !== null && (i === 0 || e > ends[i - 1]!))) grids.set(ends.join(','), ends as number[])
  }
  return [...grids.values()]
}

/**
 * A short row of spaced text whose values each end exactly where a complete row's value ends,
 * first and last column included: its gaps are blank cells (0 0 0 0 0 _ 0 under 0 0 0 0 0 0 0),
 * not lost ones. Null when no layout fits, or layouts that fit disagree.
 */
export function mapBySpacedGrid(values: ValueSlot[], grids: number[][], n: number): Mapping | null {
  if (values.length === 0 || values.length >= n) return null
  const ends = values.map(spacedEnd)
  if (ends.some((e) => e === null)) return null
  let placed: number[] | null = null
  for (const g of grids) {
    const at = ends.map((e) => g.indexOf(e!))
    if (at[0] !== 0 || at.at(-1) !== n - 1 || !at.every((j, i) => j >= 0 && (i === 0 || j > at[i - 1]))) continue
    if (placed && placed.join() !== at.join()) return null
    placed = at
  }
  if (!placed) return null
  const cells: Assigned[] = Array.from({ length: n }, () => ({ slot: null, status: 'blank' as const }))
  values.forEach((v, i) => (cells[placed[i]] = { slot: v, status: 'ok' }))
  return { cells, stray: [], misfit: false }
}
