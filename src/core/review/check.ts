/**
 * Running the checks over reports in the store: each report with its context (the same
 * agency's previous year, its other versions, member bodies), then persisting the findings.
 */
import { matchForm } from '../text/normalize'
import { classifyAgency, isGovernment, sameAgency } from '../rules/agency'
import { buildContext, runRules } from '../rules/engine'
import type { ReportView } from '../rules/types'
import { loadReport, reportIds } from '../store/read'
import type { Store } from '../store/store'
import { countFindings, persistFindings, type PersistStats, type SeverityCounts } from './findings'
import { getReportMeta, loadRulesConfig } from './settings'

export interface CheckResult {
  reportId: number
  counts: SeverityCounts
  stats: PersistStats
}

interface Brief {
  id: number
  agency: string | null
  year: number | null
  version: number
}

function briefs(store: Store, year: number): Brief[] {
  return store.stmt('SELECT id, agency, year, version FROM reports WHERE year = ?').all(year) as Brief[]
}

/** The same agency's report for the previous year: its latest version. */
function previousReport(store: Store, r: ReportView): ReportView | null {
  if (!r.year || !r.agency) return null
  const candidates = briefs(store, r.year - 1).filter((b) => sameAgency(b.agency, r.agency))
  if (!candidates.length) return null
  const latest = candidates.sort((a, b) => b.version - a.version || b.id - a.id)[0]
  return loadReport(store, latest.id)
}

function otherVersions(store: Store, r: ReportView): ReportView[] {
  if (!r.year || !r.agency) return []
  return briefs(store, r.year)
    .filter((b) => b.id !== r.id && sameAgency(b.agency, r.agency))
    .map((b) => loadReport(store, b.id))
    .filter((x): x is NonNullable<typeof x> => x !== null)
}

/** Bodies under a government (its departments, towns, streets) reporting the same year. */
function memberReports(store: Store, r: ReportView): ReportView[] {
  if (!r.year || !r.agency || !isGovernment(classifyAgency(r.agency))) return []
  const region = matchForm(r.agency).replace(/(人民)?政府$/, '')
  if (region.length < 2) return []
  return briefs(store, r.year)
    .filter((b) => b.id !== r.id && b.agency && matchForm(b.agency).startsWith(region) && !sameAgency(b.agency, r.agency))
    .filter((b) => ['department', 'township', 'subdistrict'].includes(classifyAgency(b.agency)))
    .map((b) => loadReport(store, b.id))
    .filter((x): x is NonNullable<typeof x> => x !== null)
}

export function checkReport(store: Store, id: number): CheckResult | null {
  const report = loadReport(store, id)
  if (!report) return null
  const ctx = buildContext({
    report,
    prev: previousReport(store, report),
    versions: otherVersions(store, report),
    members: memberReports(store, report),
    meta: getReportMeta(store, id),
    config: loadRulesConfig(store)
  })
  const stats = persistFindings(store, id, runRules(ctx))
  return { reportId: id, counts: countFindings(store, id), stats }
}

/** Runs the checks on the given reports (all when omitted). */
export function checkReports(store: Store, ids?: number[]): CheckResult[] {
  const out: CheckResult[] = []
  for (const id of ids ?? reportIds(store)) {
    const r = checkReport(store, id)
    if (r) out.push(r)
  }
  return out
}

/**
 * The reports whose findings may change when these reports arrive: themselves, the same
 * agency's other versions of the year (X07), and its next year's reports (X01–X04, X06).
 */
export function affectedBy(store: Store, ids: number[]): number[] {
  const out = new Set(ids)
  for (const id of ids) {
    const r = store.stmt('SELECT agency, year FROM reports WHERE id = ?').get(id) as { agency: string | null; year: number | null } | undefined
    if (!r?.agency || !r.year) continue
    for (const y of [r.year, r.year + 1]) for (const b of briefs(store, y)) if (sameAgency(b.agency, r.agency)) out.add(b.id)
  }
  return [...out].sort((a, b) => a - b)
}
