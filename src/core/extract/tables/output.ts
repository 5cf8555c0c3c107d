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
}

export interface TableContext {
  kind: 'pdf' | 'txt'
  /** Ruling lines of a page, read on demand (none for TXT). */
  rulings: (page: number) => Promise<Segment[]>
}

export function newOutput(table: TableId, template: Template | null): TableOutput {
  return { table, template, cells: {}, labels: [], problems: [] }
}

/** Fills a cell from an assigned value; placeholders and empty cells are null, never 0. */
export function cellFrom(key: string, a: Assigned, fallbackSource: Provenance | null): Cell {
  if (a.slot && a.slot.token.kind === 'number') {
    return { key, value: a.slot.token.value, decimals: a.slot.token.decimals, status: 'ok', raw: a.slot.raw, source: a.slot.source }
  }
  if (a.slot) return { key, value: null, decimals: null, status: 'blank', raw: a.slot.raw, source: a.slot.source }
  return { key, value: null, decimals: null, status: a.status === 'blank' ? 'blank' : 'lost', raw: '', source: fallbackSource }
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
