/** Mapping between source positions and cells, for both PDF boxes and TXT character ranges. */
import type { CellDto, SourceRef } from '../../../shared/contract'

/** Text the auditor selected in the source, with where it is. */
export interface SourceSelection {
  text: string
  source: SourceRef
}

/** The cell whose box on this page contains the point (the smallest one, with a little slack). */
export function cellAtPoint(cells: Record<string, CellDto>, page: number, x: number, y: number): string | null {
  let best: { key: string; area: number } | null = null
  const slack = 2
  for (const c of Object.values(cells)) {
    const s = c.source
    if (!s || s.kind !== 'pdf' || s.page !== page) continue
    const [x0, y0, x1, y1] = s.box
    if (x < x0 - slack || x > x1 + slack || y < y0 - slack || y > y1 + slack) continue
    const area = (x1 - x0) * (y1 - y0)
    if (!best || area < best.area) best = { key: c.key, area }
  }
  return best?.key ?? null
}

/** The cell whose character range contains the offset. */
export function cellAtOffset(cells: Record<string, CellDto>, offset: number): string | null {
  for (const c of Object.values(cells)) {
    const s = c.source
    if (s && s.kind === 'txt' && offset >= s.start && offset <= s.end) return c.key
  }
  return null
}
