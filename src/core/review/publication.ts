/**
 * A report's publication, for the deadline checks (D01–D06): what the auditor recorded (date,
 * address, not found, type of body) beside what the document itself shows and what the
 * agency's name gives. Recording re-runs the report's checks in the same transaction.
 */
import { printedPublication, type PrintedPublication } from '../extract/publication'
import { classifyAgency, type AgencyType } from '../rules/agency'
import type { ReportMeta } from '../rules/types'
import type { Store } from '../store/store'
import { checkReport } from './check'
import { getReportMetaRecord, setReportMeta } from './settings'

export interface Publication {
  meta: ReturnType<typeof getReportMetaRecord>
  agencyTypeFromName: AgencyType
  printed: PrintedPublication
}

export function reportPublication(store: Store, reportId: number): Publication | null {
  const row = store.stmt('SELECT r.agency, d.text FROM reports r JOIN documents d ON d.id = r.document_id WHERE r.id = ?').get(reportId) as
    | { agency: string | null; text: string }
    | undefined
  if (!row) return null
  return { meta: getReportMetaRecord(store, reportId), agencyTypeFromName: classifyAgency(row.agency), printed: printedPublication(row.text) }
}

/** Records the auditor's publication facts and checks the report again; throws the reason in Chinese. */
export function setReportPublication(store: Store, reportId: number, input: ReportMeta, actor: string): Publication {
  if (!actor?.trim()) throw new Error('录入发布信息须注明操作人')
  const pubUrl = input.pubUrl?.trim() || null
  store.db.transaction(() => {
    if (!store.stmt('SELECT 1 FROM reports WHERE id = ?').get(reportId)) throw new Error(`工作区中没有编号为 ${reportId} 的报告`)
    setReportMeta(store, reportId, { ...input, pubDate: input.pubDate?.trim() || null, pubUrl }, actor)
    checkReport(store, reportId)
  })()
  return reportPublication(store, reportId)!
}
