/**
 * Workspace settings for the checks (rules on/off, severity overrides, local deadlines) and
 * what the auditor records per report (publication date, availability, agency type).
 */
import type { AgencyType } from '../rules/agency'
import { DEFAULT_RULES_CONFIG, type ReportMeta, type RulesConfig, type Severity } from '../rules/types'
import type { Store } from '../store/store'

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
  const row = store.stmt('SELECT pub_date, pub_url, not_found, agency_type FROM report_meta WHERE report_id = ?').get(reportId) as
    | { pub_date: string | null; pub_url: string | null; not_found: number; agency_type: string | null }
    | undefined
  return {
    pubDate: row?.pub_date ?? null,
    pubUrl: row?.pub_url ?? null,
    notFound: !!row?.not_found,
    agencyType: (row?.agency_type as AgencyType | null) ?? null
  }
}

export function setReportMeta(store: Store, reportId: number, patch: Partial<ReportMeta>, actor: string | null): ReportMeta {
  if (patch.pubDate !== undefined && patch.pubDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(patch.pubDate)) {
    throw new Error(`发布日期格式应为 YYYY-MM-DD：${patch.pubDate}`)
  }
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
