/**
 * The library: every document of the workspace with its report (when one was read) and the
 * review progress of its open findings, in one query so that it stays fast with thousands.
 */
import type { Template } from '../model/keys'
import type { DocumentKind, DocumentStatus } from '../model/report'
import type { IdentitySource } from '../store/read'
import type { Store } from '../store/store'

export interface LibraryRow {
  documentId: number
  reportId: number | null
  file: string
  path: string
  kind: DocumentKind
  agency: string | null
  year: number | null
  template: Template | null
  pages: number | null
  status: DocumentStatus
  error: string | null
  version: number | null
  /** Open findings by severity, leaving out those the auditor dismissed. */
  errors: number
  warnings: number
  infos: number
  /** Open findings the auditor has reviewed (anything but 待复核), of `total` open findings. */
  reviewed: number
  total: number
  importedAt: string
  /** The report's tables were read from a scan's OCR text layer (problem ocr_text). */
  ocrLayer: boolean
  /**
   * Where the report's agency and year came from: its title, another file with the same content
   * (its own title lost), the auditor, or nowhere yet (to be named); null without a report.
   */
  identity: IdentitySource | null
  /** The publication date the auditor recorded, and "not found on the site" (report_meta). */
  pubDate: string | null
  notFound: boolean
}

const LIBRARY_SQL = `
  SELECT d.id AS documentId, r.id AS reportId, d.file_name AS file, d.path, d.kind, r.agency, r.year, r.template, d.pages,
         d.status, d.error, r.version, r.identity_source AS identity,
         COALESCE(f.errors, 0) AS errors, COALESCE(f.warnings, 0) AS warnings, COALESCE(f.infos, 0) AS infos,
         COALESCE(f.reviewed, 0) AS reviewed, COALESCE(f.total, 0) AS total, d.imported_at AS importedAt,
         EXISTS (SELECT 1 FROM problems p WHERE p.report_id = r.id AND p.code = 'ocr_text') AS ocrLayer,
         m.pub_date AS pubDate, COALESCE(m.not_found, 0) AS notFound
  FROM documents d
  LEFT JOIN reports r ON r.document_id = d.id
  LEFT JOIN report_meta m ON m.report_id = r.id
  LEFT JOIN (
    SELECT report_id,
           SUM(severity = 'error' AND review != 'dismissed') AS errors,
           SUM(severity = 'warning' AND review != 'dismissed') AS warnings,
           SUM(severity = 'info' AND review != 'dismissed') AS infos,
           SUM(review != 'pending') AS reviewed,
           COUNT(*) AS total
    FROM findings WHERE status = 'open' GROUP BY report_id
  ) f ON f.report_id = r.id
  ORDER BY d.id`

export function listLibrary(store: Store): LibraryRow[] {
  const rows = store.stmt(LIBRARY_SQL).all() as Array<Omit<LibraryRow, 'ocrLayer' | 'notFound'> & { ocrLayer: number; notFound: number }>
  return rows.map((r) => ({ ...r, ocrLayer: r.ocrLayer === 1, notFound: r.notFound === 1 }))
}

export interface LibraryStats {
  documents: number
  reports: number
  needsOcr: number
  failed: number
  /** Reports with at least one open, not dismissed error. */
  withErrors: number
  /** Open findings, and those reviewed, over the whole workspace. */
  findings: number
  reviewed: number
}

export function libraryStats(store: Store): LibraryStats {
  return store
    .stmt(
      `SELECT (SELECT COUNT(*) FROM documents) AS documents,
              (SELECT COUNT(*) FROM reports) AS reports,
              (SELECT COUNT(*) FROM documents WHERE status = 'needs_ocr') AS needsOcr,
              (SELECT COUNT(*) FROM documents WHERE status = 'error') AS failed,
              (SELECT COUNT(DISTINCT report_id) FROM findings WHERE status = 'open' AND severity = 'error' AND review != 'dismissed') AS withErrors,
              (SELECT COUNT(*) FROM findings WHERE status = 'open') AS findings,
              (SELECT COUNT(*) FROM findings WHERE status = 'open' AND review != 'pending') AS reviewed`
    )
    .get() as LibraryStats
}
