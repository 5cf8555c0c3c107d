/**
 * Running the checks over reports in the store: each report with its context (the same
 * agency's previous year, its other versions, member bodies), then persisting the findings.
 * Every report is read with the auditor's corrections applied: the checks judge the values
 * the auditor stands behind, in the report itself and in the reports it is compared with.
 */
import { matchForm } from '../text/normalize'
import { classifyAgency, isGovernment, sameAgency } from '../rules/agency'
import { buildContext, runRules } from '../rules/engine'
import { inPart, type RulePart } from '../rules/registry'
import type { ReportView, RulesConfig } from '../rules/types'
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

/**
 * What one run of the checks has read. A batch checks many reports of the same agencies and
 * years, each needing the others as context (versions, last year, member bodies): reading each
 * report, and each year's list of reports, once keeps a batch linear instead of quadratic.
 * Checks only write findings, so what was read stays valid for the whole run.
 */
class Reads {
  private reports = new Map<number, ReportView | null>()
  private years = new Map<number, Brief[]>()
  constructor(readonly store: Store) {}

  /** Bounded: re-checking a whole large workspace must not hold every report in memory. */
  static readonly MAX_REPORTS = 500

  /** Reports that changed since they were read (an import resolving their agency and year). */
  forget(ids: Iterable<number>): void {
    for (const id of ids) this.reports.delete(id)
    this.years.clear()
  }

  report(id: number): ReportView | null {
    if (this.reports.has(id)) return this.reports.get(id)!
    const r = loadReport(this.store, id, { corrected: true })
    if (this.reports.size >= Reads.MAX_REPORTS) this.reports.clear()
    this.reports.set(id, r)
    return r
  }

  briefs(year: number): Brief[] {
    let list = this.years.get(year)
    if (!list) {
      list = this.store.stmt('SELECT id, agency, year, version FROM reports WHERE year = ?').all(year) as Brief[]
      this.years.set(year, list)
    }
    return list
  }
}

function previousIn(reads: Reads, agency: string | null, year: number | null): number | null {
  if (!year || !agency) return null
  const candidates = reads.briefs(year - 1).filter((b) => sameAgency(b.agency, agency))
  if (!candidates.length) return null
  return candidates.sort((a, b) => b.version - a.version || b.id - a.id)[0].id
}

/** The id of the same agency's report for the previous year (its latest version), as the X rules see it. */
export function previousReportId(store: Store, agency: string | null, year: number | null): number | null {
  return previousIn(new Reads(store), agency, year)
}

function previousReport(reads: Reads, r: ReportView): ReportView | null {
  const id = previousIn(reads, r.agency, r.year)
  return id === null ? null : reads.report(id)
}

function otherVersions(reads: Reads, r: ReportView): ReportView[] {
  if (!r.year || !r.agency) return []
  return reads
    .briefs(r.year)
    .filter((b) => b.id !== r.id && sameAgency(b.agency, r.agency))
    .map((b) => reads.report(b.id))
    .filter((x): x is NonNullable<typeof x> => x !== null)
}

/** The name prefix of a government's region (辉县市人民政府 → 辉县市), null when not a government. */
function regionOf(agency: string | null): string | null {
  if (!agency || !isGovernment(classifyAgency(agency))) return null
  const region = matchForm(agency).replace(/(人民)?政府$/, '')
  return region.length < 2 ? null : region
}

const MEMBER_TYPES = ['department', 'township', 'subdistrict']

/** Whether `member` is a body under the government `gov` (its department, town or street). */
function isMemberOf(member: Brief, gov: Brief): boolean {
  // The substring test first: it spares classifying every report of a year that is no government.
  if (!member.agency || !gov.agency?.includes('政府') || member.id === gov.id) return false
  const region = regionOf(gov.agency)
  return (
    region !== null &&
    matchForm(member.agency).startsWith(region) &&
    !sameAgency(member.agency, gov.agency) &&
    MEMBER_TYPES.includes(classifyAgency(member.agency))
  )
}

/** Bodies under a government (its departments, towns, streets) reporting the same year. */
function memberReports(reads: Reads, r: ReportView): ReportView[] {
  if (!r.year || !regionOf(r.agency)) return []
  const gov: Brief = { id: r.id, agency: r.agency, year: r.year, version: r.version }
  return reads
    .briefs(r.year)
    .filter((b) => isMemberOf(b, gov))
    .map((b) => reads.report(b.id))
    .filter((x): x is NonNullable<typeof x> => x !== null)
}

/**
 * Runs the rules of `part` on one report and stores their findings (those of the other rules
 * stay as they are). The 'own' part reads no other report.
 */
export function checkReport(store: Store, id: number, reads = new Reads(store), config = loadRulesConfig(store), part: RulePart = 'all'): CheckResult | null {
  const report = reads.report(id)
  if (!report) return null
  const compares = part !== 'own'
  const ctx = buildContext({
    report,
    prev: compares ? previousReport(reads, report) : null,
    versions: compares ? otherVersions(reads, report) : [],
    members: compares ? memberReports(reads, report) : [],
    meta: getReportMeta(store, id),
    config
  })
  const ran = inPart(part)
  const stats = persistFindings(store, id, runRules(ctx, ran), ran)
  return { reportId: id, counts: countFindings(store, id), stats }
}

/** Runs the checks on the given reports (all when omitted). */
export function checkReports(store: Store, ids?: number[]): CheckResult[] {
  const out: CheckResult[] = []
  const reads = new Reads(store)
  const config = loadRulesConfig(store)
  for (const id of ids ?? reportIds(store)) {
    const r = checkReport(store, id, reads, config)
    if (r) out.push(r)
  }
  return out
}

/**
 * The checks of an import. Each report's own rules run as soon as it is saved, while the other
 * files are still being parsed; the rules that compare reports run once the batch is in, on the
 * new reports and on those they affect. The reports read for the first part are kept for the
 * second, so each is read from the store once.
 */
export class BatchCheck {
  private readonly reads: Reads
  private readonly config: RulesConfig
  private readonly ownChecked = new Set<number>()

  constructor(private readonly store: Store) {
    this.reads = new Reads(store)
    this.config = loadRulesConfig(store)
  }

  /** A report was saved: runs the rules that read only that report. */
  saved(id: number): void {
    if (checkReport(this.store, id, this.reads, this.config, 'own')) this.ownChecked.add(id)
  }

  /**
   * The batch is in. `changed` are reports whose agency or year the import revised after they
   * were saved (Store.resolveIdentities): they are read again and checked in full, as are the
   * older reports the batch affects. Returns the reports checked.
   */
  finish(changed: number[]): number[] {
    const again = new Set(changed)
    // The auditor may have corrected a new report's cells while the rest of the batch came in
    // (the app stays usable during an import): such a report is read again, as it now stands.
    const corrected = this.store.stmt('SELECT DISTINCT report_id AS id FROM cell_corrections').all() as Array<{ id: number }>
    this.reads.forget([...again, ...corrected.map((c) => c.id)])
    const affected = affectedBy(this.store, [...this.ownChecked, ...again])
    for (const id of affected) {
      const part: RulePart = this.ownChecked.has(id) && !again.has(id) ? 'compares' : 'all'
      checkReport(this.store, id, this.reads, this.config, part)
    }
    return affected
  }
}

/**
 * The reports whose findings may change when these reports arrive or change: themselves, the
 * same agency's other versions of the year (X07), its next year's reports (X01–X04, X06) and
 * the governments it is a member body of (X08).
 */
export function affectedBy(store: Store, ids: number[]): number[] {
  const out = new Set(ids)
  const reads = new Reads(store)
  for (const id of ids) {
    const r = store.stmt('SELECT id, agency, year, version FROM reports WHERE id = ?').get(id) as Brief | undefined
    if (!r?.agency || !r.year) continue
    for (const y of [r.year, r.year + 1]) for (const b of reads.briefs(y)) if (sameAgency(b.agency, r.agency)) out.add(b.id)
    if (MEMBER_TYPES.includes(classifyAgency(r.agency))) for (const b of reads.briefs(r.year)) if (isMemberOf(r, b)) out.add(b.id)
  }
  return [...out].sort((a, b) => a - b)
}
