/**
 * The JSON export of spec/data-model.md: one object per report. This shape is a public
 * contract (scripts and acceptance checks read it): fields may be added, never renamed.
 */
import type { Template } from '../model/keys'
import { loadReport, reportIds } from '../store/read'
import type { Store } from '../store/store'

export interface ExportFinding {
  rule: string
  severity: 'error' | 'warning' | 'info'
  cells: string[]
  message: string
  page: number | null
}

export interface ExportedReport {
  file: string
  sha256: string
  agency: string | null
  year: number | null
  template: Template | null
  cells: Record<string, number | null>
  findings: ExportFinding[]
  /** Extensions beyond the data-model example. */
  report_id: number
  path: string
  title: string | null
  version: number
  identity: 'title' | 'sibling' | 'manual' | 'none'
}

/** Supplies findings per report once the rule engine exists; empty until then. */
export type FindingSource = (reportId: number) => ExportFinding[]

export function exportReports(store: Store, findings: FindingSource = () => []): ExportedReport[] {
  const out: ExportedReport[] = []
  for (const id of reportIds(store)) {
    const r = loadReport(store, id)
    if (!r) continue
    const cells: Record<string, number | null> = {}
    for (const [k, c] of Object.entries(r.cells)) cells[k] = c.value
    out.push({
      file: r.file,
      sha256: r.sha256,
      agency: r.agency,
      year: r.year,
      template: r.template,
      cells,
      findings: findings(id),
      report_id: r.id,
      path: r.path,
      title: r.title,
      version: r.version,
      identity: r.identitySource
    })
  }
  return out
}
