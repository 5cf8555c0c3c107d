/**
 * The memo model: what a 审查意见 says, read from the store, before any layout. One per report
 * (its problems by category, the conclusion) and one per batch (the per-report results, the
 * most frequent problems, who filed late or not at all). Renderers never query the store.
 */
import { localToday } from '../text/dates'
import { sameAgency } from '../model/agency'
import type { Template } from '../model/keys'
import { AGENCY_TYPE_LABELS, classifyAgency } from '../rules/agency'
import { RULES, ruleById } from '../rules/registry'
import type { Family, Severity } from '../rules/types'
import { listFindings, type Review, type StoredFinding } from '../review/findings'
import { getReportMeta } from '../review/settings'
import { activeCorrections, loadReport, reportIds, type StoredReport } from '../store/read'
import { EXTRACTOR_VERSION, type Store } from '../store/store'
import {
  AUDITOR_SUGGESTION,
  CATEGORIES,
  categoryOf,
  conclude,
  FAMILY_SUGGESTIONS,
  legalBasis,
  OTHER_CATEGORY,
  RULE_SUGGESTIONS,
  SEVERITY_LABELS,
  type ConclusionRule
} from './catalog'
import { MemoError } from './errors'
import { loadMemoSettings } from './settings'
import { locate, type Located } from './source'

export type PendingMode = 'list' | 'omit'

export interface MemoOptions {
  /** Findings still pending review: listed as 待复核, or left out. Default 'omit'. */
  includePending?: PendingMode
  /** The reviewer writing the memo (added to the finding reviewers named in the memo). */
  reviewer?: string
  /** 审查单位 in the signature; default: the workspace's memo settings. */
  office?: string
  /** Date of the memo, YYYY-MM-DD; default today. */
  date?: string
  /** 整改反馈期限（工作日）; default: the workspace's memo settings (10). */
  deadlineDays?: number
}

/** A problem as the memo states it, with where it is in the report (`Located`). */
export interface MemoProblem extends Located {
  /** Number in the memo and its annex, continuous across categories. */
  no: number
  findingId: number
  rule: string
  family: Family | null
  severity: Severity
  severityLabel: string
  review: Review
  title: string
  /** The finding's message: what is wrong, with its computation. */
  computation: string
  basis: string
  suggestion: string
  comment: string | null
}

export interface MemoCategory {
  /** （一）, （二）… as numbered among the categories that have problems. */
  ordinal: string
  name: string
  problems: MemoProblem[]
}

export type Counts = Record<Severity, number>

export interface ReportMemo {
  reportId: number
  /** 关于《{机关}{年度}年政府信息公开工作年度报告》的审查意见 */
  title: string
  /** The report's canonical name: {机关}{年度}年政府信息公开工作年度报告. */
  reportName: string
  agency: string | null
  agencyType: string
  year: number | null
  template: Template | null
  version: number
  printedTitle: string | null
  file: string
  kind: 'pdf' | 'txt'
  pages: number | null
  sha256: string
  importedAt: string
  pubDate: string | null
  pubUrl: string | null
  notFound: boolean
  basis: string[]
  reviewers: string[]
  categories: MemoCategory[]
  problems: MemoProblem[]
  /** Confirmed, not yet fixed problems by severity: what the conclusion rests on. */
  confirmed: Counts
  /** Problems listed, by severity (confirmed, fixed and, when listed, pending). */
  listed: Counts
  pending: number
  pendingMode: PendingMode
  /** Cells whose extracted value the auditor corrected (the checks used the corrections). */
  corrections: number
  conclusion: ConclusionRule
  /** Late publication (D01–D03) and not-found (D06) findings that stand. */
  late: string | null
}

export interface MemoMeta {
  office: string
  date: string
  deadlineDays: number
  rulesCount: number
  extractorVersion: number
}

export interface FrequentProblem {
  rule: string
  title: string
  reports: number
  items: number
  agencies: string[]
}

export interface BatchMemo {
  title: string
  years: number[]
  reports: ReportMemo[]
  agencies: number
  byLevel: Record<ConclusionRule['level'], number>
  totals: Counts
  pending: number
  frequent: FrequentProblem[]
  /** Reports whose publication was late, with the finding's message. */
  late: Array<{ agency: string; year: number | null; detail: string }>
  /** Reports the auditor could not find online, and expected agencies with no report. */
  missing: Array<{ agency: string; year: number | null; detail: string }>
  reviewers: string[]
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
export const ordinal = (i: number): string => ORDINALS[i] ?? String(i + 1)

export function resolveMeta(store: Store, options: MemoOptions): MemoMeta {
  const settings = loadMemoSettings(store)
  const date = options.date ?? localToday()
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new MemoError(`日期格式应为 YYYY-MM-DD：${date}`)
  return {
    office: options.office?.trim() || settings.office || '（审查单位）',
    date,
    deadlineDays: options.deadlineDays ?? settings.deadlineDays,
    rulesCount: RULES.filter((r) => r.check && r.severity).length,
    extractorVersion: EXTRACTOR_VERSION
  }
}

/** The canonical name of a report, whatever its printed title says. */
export function reportName(r: Pick<StoredReport, 'agency' | 'year' | 'title' | 'file'>): string {
  if (r.agency && r.year) return `${r.agency}${r.year}年政府信息公开工作年度报告`
  return r.title ?? r.file.replace(/\.[^.]+$/, '')
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

function included(f: StoredFinding, mode: PendingMode): boolean {
  if (f.review === 'dismissed') return false
  if (f.review === 'pending') return mode === 'list'
  return true
}

const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]))
const ruleOrder = (id: string): number => RULE_ORDER.get(id) ?? RULES.length

function position(p: { page: number | null; line: number | null }): number {
  return (p.page ?? 0) * 1e6 + (p.line ?? 0)
}

function documentText(store: Store, documentId: number): { text: string; importedAt: string } {
  return store.stmt('SELECT text, imported_at AS importedAt FROM documents WHERE id = ?').get(documentId) as { text: string; importedAt: string }
}

export function buildReportMemo(store: Store, reportId: number, options: MemoOptions = {}): ReportMemo {
  const report = loadReport(store, reportId)
  if (!report) throw new MemoError(`工作区中没有编号为 ${reportId} 的报告`)
  const mode = options.includePending ?? 'omit'
  const meta = getReportMeta(store, reportId)
  const doc = documentText(store, report.documentId)
  const findings = listFindings(store, reportId)

  const problems: Array<Omit<MemoProblem, 'no'> & { category: string }> = []
  for (const f of findings) {
    if (!included(f, mode)) continue
    const rule = f.origin === 'rule' ? ruleById(f.rule) : undefined
    const family = rule?.family ?? null
    problems.push({
      category: categoryOf(family).id,
      findingId: f.id,
      rule: f.rule,
      family,
      severity: f.severity,
      severityLabel: SEVERITY_LABELS[f.severity],
      review: f.review,
      title: f.title || rule?.title || '审查发现的问题',
      ...locate(f, report, doc),
      computation: f.message,
      basis: rule ? `${rule.basis}（规则 ${rule.id}）` : '审查人员认定',
      suggestion: RULE_SUGGESTIONS[f.rule] ?? (family ? FAMILY_SUGGESTIONS[family] : AUDITOR_SUGGESTION),
      comment: f.comment?.trim() || null
    })
  }

  const categories: MemoCategory[] = []
  let no = 0
  for (const cat of [...CATEGORIES, OTHER_CATEGORY]) {
    // Severity first, then the catalogue's rule order, then where in the report: problems of one
    // rule stay together (the memo groups them) and numbers run in reading order.
    const mine = problems
      .filter((p) => p.category === cat.id)
      .sort(
        (a, b) =>
          SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
          ruleOrder(a.rule) - ruleOrder(b.rule) ||
          position(a) - position(b) ||
          a.findingId - b.findingId
      )
    if (!mine.length) continue
    categories.push({
      ordinal: `（${ordinal(categories.length)}）`,
      name: cat.name,
      problems: mine.map(({ category: _c, ...p }) => ({ ...p, no: ++no }))
    })
  }
  const flat = categories.flatMap((c) => c.problems)

  const zero = (): Counts => ({ error: 0, warning: 0, info: 0 })
  const confirmed = zero()
  const listed = zero()
  for (const p of flat) {
    listed[p.severity]++
    if (p.review === 'confirmed') confirmed[p.severity]++
  }
  const pending = findings.filter((f) => f.review === 'pending').length
  const reviewers = [...new Set([...findings.filter((f) => included(f, mode) && f.review !== 'pending').map((f) => f.reviewer), options.reviewer])].filter(
    (x): x is string => !!x
  )
  const late = findings.find((f) => ['D01', 'D02', 'D03'].includes(f.rule) && f.review !== 'dismissed')?.message ?? null

  return {
    reportId,
    title: `关于《${reportName(report)}》的审查意见`,
    reportName: reportName(report),
    agency: report.agency,
    agencyType: AGENCY_TYPE_LABELS[meta.agencyType ?? classifyAgency(report.agency)],
    year: report.year,
    template: report.template,
    version: report.version,
    printedTitle: report.title,
    file: report.file,
    kind: report.kind,
    pages: report.pages,
    sha256: report.sha256,
    importedAt: doc.importedAt,
    pubDate: meta.pubDate,
    pubUrl: meta.pubUrl,
    notFound: meta.notFound,
    basis: legalBasis(report.template, report.year),
    reviewers,
    categories,
    problems: flat,
    confirmed,
    listed,
    pending,
    pendingMode: mode,
    corrections: activeCorrections(store, reportId).length,
    conclusion: conclude(confirmed),
    late
  }
}

export function buildBatchMemo(store: Store, options: MemoOptions = {}, ids: number[] = reportIds(store)): BatchMemo {
  if (!ids.length) throw new MemoError('工作区中没有报告，无法生成汇总审查意见')
  const reports = ids.map((id) => buildReportMemo(store, id, options))
  const years = [...new Set(reports.map((r) => r.year).filter((y): y is number => y !== null))].sort()
  const span = years.length === 0 ? '' : years.length === 1 ? `${years[0]}年度` : `${years[0]}—${years[years.length - 1]}年度`

  const byLevel = { 合格: 0, 基本合格: 0, 不合格: 0 }
  const totals: Counts = { error: 0, warning: 0, info: 0 }
  for (const r of reports) {
    byLevel[r.conclusion.level]++
    for (const s of ['error', 'warning', 'info'] as const) totals[s] += r.confirmed[s]
  }

  // Most frequent: by the number of reports a rule hits, then by items; pending ones count
  // only when listed, dismissed ones never (the same filter as the per-report memos).
  const byRule = new Map<string, FrequentProblem>()
  for (const r of reports) {
    for (const p of r.problems) {
      if (p.severity === 'info' && p.review !== 'confirmed') continue
      const e = byRule.get(p.rule) ?? { rule: p.rule, title: p.title, reports: 0, items: 0, agencies: [] }
      e.items++
      const name = r.agency ?? r.file
      if (!e.agencies.includes(`${name}${r.year ?? ''}`)) {
        e.agencies.push(`${name}${r.year ?? ''}`)
        e.reports++
      }
      byRule.set(p.rule, e)
    }
  }
  const frequent = [...byRule.values()].sort((a, b) => b.reports - a.reports || b.items - a.items || a.rule.localeCompare(b.rule, 'en', { numeric: true })).slice(0, 10)

  const late = reports.filter((r) => r.late).map((r) => ({ agency: r.agency ?? r.file, year: r.year, detail: r.late! }))
  const missing = reports
    .filter((r) => r.notFound)
    .map((r) => ({ agency: r.agency ?? r.file, year: r.year, detail: '在本机关政府信息公开专栏未找到该报告或难以查找' }))
  const expected = loadMemoSettings(store).expectedAgencies
  for (const y of years.length ? years : [null]) {
    for (const a of expected) {
      if (!reports.some((r) => (y === null || r.year === y) && sameAgency(r.agency, a))) missing.push({ agency: a, year: y, detail: '工作区中没有该机关的年度报告（未公布或未收集到）' })
    }
  }

  return {
    title: `关于${span}政府信息公开工作年度报告审查情况的汇总意见`,
    years,
    reports,
    agencies: new Set(reports.map((r) => r.agency ?? r.file)).size,
    byLevel,
    totals,
    pending: reports.reduce((s, r) => s + r.pending, 0),
    frequent,
    late,
    missing,
    reviewers: [...new Set(reports.flatMap((r) => r.reviewers))]
  }
}
