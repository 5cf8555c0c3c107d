/**
 * The JSON export of spec/data-model.md: one object per report. This shape is a public
 * contract (scripts and acceptance checks read it): fields may be added, never renamed.
 */
import { allKeys, type Template } from '../model/keys'
import type { Provenance } from '../model/report'
import { listFindings, type Review } from '../review/findings'
import { activeCorrections, loadReport, reportIds } from '../store/read'
import type { Store } from '../store/store'

export interface ExportFinding {
  rule: string
  severity: 'error' | 'warning' | 'info'
  cells: string[]
  message: string
  page: number | null
  /** Extensions: the finding's id, title, the auditor's review, where it is in the source. */
  id: number
  title: string
  review: Review
  comment: string | null
  origin: 'rule' | 'auditor'
  source: Provenance | null
  /** The passage an auditor's own finding quotes (only when it has one). */
  quote?: string
}

/** An auditor's correction in force: `cells` carries `value`, the extraction read `original`. */
export interface ExportCorrection {
  key: string
  original: number | null
  value: number | null
  by: string
  at: string
  reason: string | null
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
  extra_cells?: Record<string, number | null>
  /** The corrections applied to `cells` / `extra_cells` (only when there are any). */
  corrections?: ExportCorrection[]
}

/** The open findings of a report (dismissed ones included, with their review state). */
export function exportFindings(store: Store, reportId: number): ExportFinding[] {
  return listFindings(store, reportId).map((f) => ({
    rule: f.rule,
    severity: f.severity,
    cells: f.cells,
    message: f.message,
    page: f.page,
    id: f.id,
    title: f.title,
    review: f.review,
    comment: f.comment,
    origin: f.origin,
    source: f.source,
    ...(f.quote ? { quote: f.quote } : {})
  }))
}

export function exportReports(store: Store): ExportedReport[] {
  const out: ExportedReport[] = []
  for (const id of reportIds(store)) {
    // Values as the auditor stands behind them: corrections applied, listed in `corrections`.
    const r = loadReport(store, id, { corrected: true })
    if (!r) continue
    const corrections = activeCorrections(store, id).map((c) => ({ key: c.key, original: c.original, value: c.value, by: c.actor, at: c.at, reason: c.reason }))
    // `cells` holds exactly the keys of the official layout (data-model.md); anything else the
    // report prints (group subtotals) goes to `extra_cells`.
    const canonical = new Set(allKeys(r.t2Template ?? r.template, r.t3Template ?? r.template))
    const cells: Record<string, number | null> = {}
    const extra: Record<string, number | null> = {}
    for (const [k, c] of Object.entries(r.cells)) (canonical.has(k) ? cells : extra)[k] = c.value
    out.push({
      file: r.file,
      sha256: r.sha256,
      agency: r.agency,
      year: r.year,
      template: r.template,
      cells,
      findings: exportFindings(store, id),
      report_id: r.id,
      path: r.path,
      title: r.title,
      version: r.version,
      identity: r.identitySource,
      ...(Object.keys(extra).length ? { extra_cells: extra } : {}),
      ...(corrections.length ? { corrections } : {})
    })
  }
  return out
}
