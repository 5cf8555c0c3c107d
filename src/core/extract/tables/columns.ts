/**
 * Assigning a row's values to columns.
 *
 * - By position (PDF): each column has an anchor x; a value belongs to the column whose
 *   interval (midpoints between anchors) holds its centre. Empty columns stay blank.
 * - By count (TXT, or PDF without usable headers): a row with exactly as many values as
 *   columns maps in order. A short row keeps its first value (next to the label) and its last
 *   (the 总计 end of the row) and loses the cells between: which one is missing cannot be
 *   known, so they are null, not guessed. A long row keeps a value only where every possible
 *   shift of the extra cells gives the same number.
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

export function mapByCount(values: ValueSlot[], n: number): Mapping {
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
    if (values.length > 1) cells[n - 1] = { slot: values[values.length - 1], status: 'ok' }
    return { cells, stray: [], misfit: true }
  }
  const extra = values.length - n
  for (let i = 0; i < n; i++) {
    const candidates = values.slice(i, i + extra + 1)
    const nums = candidates.map((c) => (c.token.kind === 'number' ? c.token.value : NaN))
    const same = nums.every((x) => x === nums[0]) && !Number.isNaN(nums[0])
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
