/**
 * Reading reports back from the store, in the extracted model's shape plus their identity
 * in the workspace (document, file, version).
 */
import { compareKeys, type TableId, type Template } from '../model/keys'
import type { Cell, CellStatus, DocumentKind, DocumentStatus, Provenance, Section, StructuralProblem, TableLabel } from '../model/report'
import type { Store } from './store'

/** Where a report's agency and year came from (reports.identity_source). */
export type IdentitySource = 'title' | 'sibling' | 'manual' | 'none'

export interface DocumentRow {
  id: number
  path: string
  fileName: string
  sha256: string
  size: number
  kind: DocumentKind
  pages: number | null
  encoding: string | null
  status: DocumentStatus
  error: string | null
  importedAt: string
  reportId: number | null
}

export interface StoredReport {
  id: number
  documentId: number
  file: string
  path: string
  sha256: string
  kind: DocumentKind
  pages: number | null
  title: string | null
  titleSource: Provenance | null
  agency: string | null
  agencyKey: string | null
  year: number | null
  template: Template | null
  t2Template: Template | null
  t3Template: Template | null
  identitySource: IdentitySource
  identityFrom: number | null
  /** The file of the report `identityFrom` names. */
  identityFromFile: string | null
  /** Who set the agency and year by hand, and when (identity 'manual'). */
  identityBy: string | null
  identityAt: string | null
  version: number
  cells: Record<string, Cell>
  sections: Section[]
  labels: TableLabel[]
  problems: StructuralProblem[]
  tables: Array<{ table: TableId; sectionIndex: number | null; source: Provenance | null }>
}

function parse<T>(s: string | null): T | null {
  return s ? (JSON.parse(s) as T) : null
}

export function listDocuments(store: Store): DocumentRow[] {
  const rows = store.db
    .prepare(
      `SELECT d.id, d.path, d.file_name AS fileName, d.sha256, d.size, d.kind, d.pages, d.encoding, d.status, d.error,
              d.imported_at AS importedAt, r.id AS reportId
       FROM documents d LEFT JOIN reports r ON r.document_id = d.id ORDER BY d.id`
    )
    .all() as DocumentRow[]
  return rows
}

export function reportIds(store: Store): number[] {
  return (store.db.prepare('SELECT id FROM reports ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id)
}

export interface LoadOptions {
  /** Cells carry the auditor's active corrections (value and `correction`), as the checks see them. */
  corrected?: boolean
}

/** The correction in force for one cell of a report. */
export interface ActiveCorrection {
  id: number
  key: string
  value: number | null
  original: number | null
  reason: string | null
  actor: string
  at: string
}

/** SQL: whether the correction `c` is the one in force for its cell (the latest not reverted). */
export const IS_ACTIVE_CORRECTION = `(c.reverted_at IS NULL AND c.id = (SELECT MAX(x.id) FROM cell_corrections x
  WHERE x.report_id = c.report_id AND x.key = c.key AND x.reverted_at IS NULL))`

/** The active correction of every corrected cell of a report. */
export function activeCorrections(store: Store, reportId: number): ActiveCorrection[] {
  const rows = store
    .stmt(`SELECT c.id, c.key, c.value, c.original, c.reason, c.actor, c.at FROM cell_corrections c WHERE c.report_id = ? AND ${IS_ACTIVE_CORRECTION}`)
    .all(reportId) as ActiveCorrection[]
  return rows.sort((a, b) => compareKeys(a.key, b.key))
}

function decimalsOf(v: number): number | null {
  const s = String(v)
  if (/e/i.test(s)) return null // exponent notation: no printed precision to speak of
  const dot = s.indexOf('.')
  return dot < 0 ? 0 : s.length - dot - 1
}

/**
 * The cells with the corrections applied. A corrected cell keeps its source (where to look in
 * the file) and shows the corrected number as its text, so rule messages quote what they checked.
 */
export function applyCorrections(cells: Record<string, Cell>, corrections: ActiveCorrection[]): Record<string, Cell> {
  if (corrections.length === 0) return cells
  const out: Record<string, Cell> = { ...cells }
  for (const c of corrections) {
    const old = cells[c.key]
    const note = { original: c.original, originalRaw: old?.raw ?? '', by: c.actor, at: c.at, reason: c.reason }
    if (old && old.value === c.value && old.status === (c.value === null ? 'blank' : 'ok')) {
      out[c.key] = { ...old, correction: note }
      continue
    }
    out[c.key] = {
      key: c.key,
      value: c.value,
      decimals: c.value === null ? null : decimalsOf(c.value),
      status: c.value === null ? 'blank' : 'ok',
      raw: c.value === null ? '' : String(c.value),
      source: old?.source ?? null,
      correction: note
    }
  }
  const sorted: Record<string, Cell> = {}
  for (const k of Object.keys(out).sort(compareKeys)) sorted[k] = out[k]
  return sorted
}

export function loadReport(store: Store, id: number, opts: LoadOptions = {}): StoredReport | null {
  const r = store
    .stmt(
      `SELECT r.*, d.file_name, d.path, d.sha256, d.kind, d.pages, src.file_name AS identity_from_file
       FROM reports r JOIN documents d ON d.id = r.document_id
       LEFT JOIN reports sr ON sr.id = r.identity_from LEFT JOIN documents src ON src.id = sr.document_id
       WHERE r.id = ?`
    )
    .get(id) as Record<string, unknown> | undefined
  if (!r) return null
  const cells: Record<string, Cell> = {}
  const cellRows = (store.stmt('SELECT * FROM cells WHERE report_id = ?').all(id) as Array<Record<string, unknown>>).sort((a, b) =>
    compareKeys(a.key as string, b.key as string)
  )
  for (const c of cellRows) {
    cells[c.key as string] = {
      key: c.key as string,
      value: c.value as number | null,
      decimals: c.decimals as number | null,
      status: c.status as CellStatus,
      raw: c.raw as string,
      source:
        c.page !== null
          ? { kind: 'pdf', page: c.page as number, box: JSON.parse(c.box as string) }
          : c.char_start !== null
            ? { kind: 'txt', start: c.char_start as number, end: c.char_end as number }
            : null
    }
  }
  const sections = (store.stmt('SELECT * FROM sections WHERE report_id = ? ORDER BY position').all(id) as Array<Record<string, unknown>>).map(
    (s): Section => ({
      index: s.idx as number,
      heading: s.heading as string,
      headingRaw: s.heading_raw as string,
      headingSource: parse<Provenance>(s.heading_source as string | null),
      text: s.text as string,
      lines: JSON.parse(s.lines as string)
    })
  )
  const labels = (store.stmt('SELECT * FROM table_labels WHERE report_id = ? ORDER BY id').all(id) as Array<Record<string, unknown>>).map(
    (l): TableLabel => ({
      table: l.tbl as TableId,
      role: l.role as TableLabel['role'],
      key: l.key as string | null,
      text: l.text as string,
      raw: l.raw as string,
      source: parse<Provenance>(l.source as string | null),
      ...(l.pos_row !== null ? { position: { row: l.pos_row as number, cell: l.pos_cell as number } } : {})
    })
  )
  const problems = (store.stmt('SELECT * FROM problems WHERE report_id = ? ORDER BY id').all(id) as Array<Record<string, unknown>>).map(
    (p): StructuralProblem => ({
      code: p.code as StructuralProblem['code'],
      table: p.tbl as TableId | null,
      row: p.row_key as string | null,
      keys: JSON.parse(p.keys as string),
      message: p.message as string,
      source: parse<Provenance>(p.source as string | null)
    })
  )
  const tables = (store.stmt('SELECT * FROM report_tables WHERE report_id = ?').all(id) as Array<Record<string, unknown>>).map((t) => ({
    table: t.tbl as TableId,
    sectionIndex: t.section_index as number | null,
    source: parse<Provenance>(t.source as string | null)
  }))
  return {
    id,
    documentId: r.document_id as number,
    file: r.file_name as string,
    path: r.path as string,
    sha256: r.sha256 as string,
    kind: r.kind as DocumentKind,
    pages: r.pages as number | null,
    title: r.title as string | null,
    titleSource: parse<Provenance>(r.title_source as string | null),
    agency: r.agency as string | null,
    agencyKey: r.agency_key as string | null,
    year: r.year as number | null,
    template: r.template as Template | null,
    t2Template: r.t2_template as Template | null,
    t3Template: r.t3_template as Template | null,
    identitySource: r.identity_source as StoredReport['identitySource'],
    identityFrom: r.identity_from as number | null,
    identityFromFile: r.identity_from_file as string | null,
    identityBy: r.identity_by as string | null,
    identityAt: r.identity_at as string | null,
    version: r.version as number,
    cells: opts.corrected ? applyCorrections(cells, activeCorrections(store, id)) : cells,
    sections,
    labels,
    problems,
    tables
  }
}
