/**
 * What a table parser produces, and the helpers that turn assigned values into cells.
 */
import type { TableId, Template } from '../../model/keys'
import type { Cell, Provenance, StructuralProblem, TableLabel } from '../../model/report'
import type { Segment } from '../doc'
import type { Assigned } from './columns'

export interface TableOutput {
  table: TableId
  template: Template | null
  cells: Record<string, Cell>
  labels: TableLabel[]
  problems: StructuralProblem[]
  /**
   * For each row read from the source and taken for an official row: how many values it held,
   * and how many columns it has (a text out of order leaves rows too few or too many; see
   * extract.ts).
   */
  rowFill: Array<{ values: number; columns: number }>
}

export interface TableContext {
  kind: 'pdf' | 'txt'
  /** Ruling lines of a page, read on demand (none for TXT). */
  rulings: (page: number) => Promise<Segment[]>
}

export function newOutput(table: TableId, template: Template | null): TableOutput {
  return { table, template, cells: {}, labels: [], problems: [], rowFill: [] }
}

/** Fills a cell from an assigned value; placeholders and empty cells are null, never 0. */
export function cellFrom(key: string, a: Assigned, fallbackSource: Provenance | null): Cell {
  if (a.slot && a.slot.token.kind === 'number') {
    return { key, value: a.slot.token.value, decimals: a.slot.token.decimals, status: 'ok', raw: a.slot.raw, source: a.slot.source }
  }
  if (a.slot) return { key, value: null, decimals: null, status: 'blank', raw: a.slot.raw, source: a.slot.source }
  return { key, value: null, decimals: null, status: a.status === 'blank' ? 'blank' : 'lost', raw: '', source: fallbackSource }
}

/**
 * The cells of a row that hold no number (empty, or a mark such as —, /, 无), and how to say
 * so: an auditor looking at “—” in the source should read “—” in the finding, not “空白”.
 */
export function notNumbers(keys: string[], assigned: Assigned[]): { keys: string[]; note: string } {
  const at = keys.map((_, i) => i).filter((i) => assigned[i].status === 'blank' || assigned[i].slot?.token.kind === 'placeholder')
  const marks = [...new Set(at.flatMap((i) => (assigned[i].slot ? [assigned[i].slot!.text.trim()] : [])))]
  const quoted = marks.map((m) => `“${m}”`).join('、')
  const empty = at.some((i) => !assigned[i].slot)
  const note = !marks.length ? '（空白不等于 0）' : empty ? `（空白或填写${quoted}，均不等于 0）` : `（填写${quoted}，不等于 0）`
  return { keys: at.map((i) => keys[i]), note }
}

export function lostCell(key: string): Cell {
  return { key, value: null, decimals: null, status: 'lost', raw: '', source: null }
}

export function problem(
  out: TableOutput,
  code: StructuralProblem['code'],
  row: string | null,
  keys: string[],
  message: string,
  source: Provenance | null
): void {
  out.problems.push({ code, table: out.table, row, keys, message, source })
}

export function label(
  out: TableOutput,
  role: TableLabel['role'],
  key: string | null,
  text: string,
  raw: string,
  source: Provenance | null,
  position?: TableLabel['position']
): void {
  out.labels.push({ table: out.table, role, key, text, raw, source, ...(position ? { position } : {}) })
}
