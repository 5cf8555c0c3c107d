/**
 * Workspace settings for the checks (rules on/off, severity overrides, local deadlines) and
 * what the auditor records per report (publication date, availability, agency type).
 */
import { AGENCY_TYPE_LABELS, type AgencyType } from '../rules/agency'
import { DEFAULT_RULES_CONFIG, type ReportMeta, type RulesConfig, type Severity } from '../rules/types'
import type { Store } from '../store/store'
import { isoDate, localToday } from '../text/dates'

const RULES_KEY = 'rules'

export function loadRulesConfig(store: Store): RulesConfig {
  const row = store.stmt('SELECT value FROM settings WHERE key = ?').get(RULES_KEY) as { value: string } | undefined
  if (!row) return structuredClone(DEFAULT_RULES_CONFIG)
  const v = JSON.parse(row.value) as Partial<RulesConfig>
  return { disabled: v.disabled ?? [], severity: v.severity ?? {}, localDeadlines: v.localDeadlines ?? {} }
}

export function saveRulesConfig(store: Store, config: RulesConfig): void {
  store.stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(RULES_KEY, JSON.stringify(config))
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']

export function getReportMeta(store: Store, reportId: number): ReportMeta {
  const { pubDate, pubUrl, notFound, agencyType } = getReportMetaRecord(store, reportId)
  return { pubDate, pubUrl, notFound, agencyType }
}

/** The report's meta with who recorded it last, and when (ISO time); nulls when never. */
export function getReportMetaRecord(store: Store, reportId: number): ReportMeta & { updatedBy: string | null; updatedAt: string | null } {
  const row = store.stmt('SELECT pub_date, pub_url, not_found, agency_type, updated_by, updated_at FROM report_meta WHERE report_id = ?').get(reportId) as
    | { pub_date: string | null; pub_url: string | null; not_found: number; agency_type: string | null; updated_by: string | null; updated_at: string | null }
    | undefined
  return {
    pubDate: row?.pub_date ?? null,
    pubUrl: row?.pub_url ?? null,
    notFound: !!row?.not_found,
    agencyType: (row?.agency_type as AgencyType | null) ?? null,
    updatedBy: row?.updated_by ?? null,
    updatedAt: row?.updated_at ?? null
  }
}

export function setReportMeta(store: Store, reportId: number, patch: Partial<ReportMeta>, actor: string | null): ReportMeta {
  if (patch.pubDate !== undefined && patch.pubDate !== null) checkPubDate(patch.pubDate)
  if (patch.pubUrl && patch.pubUrl.length > MAX_URL) throw new Error(`发布网址过长（${patch.pubUrl.length} 个字符，最多 ${MAX_URL} 个）`)
  if (patch.agencyType && !(patch.agencyType in AGENCY_TYPE_LABELS)) throw new Error(`机关类型应为：${Object.values(AGENCY_TYPE_LABELS).join('、')}`)
  const next = { ...getReportMeta(store, reportId), ...patch }
  store
    .stmt(
      `INSERT INTO report_meta (report_id, pub_date, pub_url, not_found, agency_type, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(report_id) DO UPDATE SET pub_date = excluded.pub_date, pub_url = excluded.pub_url, not_found = excluded.not_found,
         agency_type = excluded.agency_type, updated_at = excluded.updated_at, updated_by = excluded.updated_by`
    )
    .run(reportId, next.pubDate, next.pubUrl, next.notFound ? 1 : 0, next.agencyType, new Date().toISOString(), actor)
  return next
}

const MAX_URL = 500

/** A publication date: a real day, written YYYY-MM-DD, not after today. */
function checkPubDate(date: string): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) throw new Error(`发布日期格式应为 YYYY-MM-DD：${date}`)
  if (!isoDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new Error(`发布日期不是有效的日期：${date}`)
  const today = localToday()
  if (date > today) throw new Error(`发布日期 ${date} 晚于今天（${today}）`)
}
