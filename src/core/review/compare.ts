/**
 * Year over year: a report's table values beside the same agency's previous year (the report
 * the X rules compare it with), with corrected values on both sides, and its open X findings.
 */
import { allKeys, compareKeys, describeKey, type TableId, type Template } from '../model/keys'
import { ruleById } from '../rules/registry'
import { loadReport, type StoredReport } from '../store/read'
import type { Store } from '../store/store'
import { previousReportId } from './check'
import { listFindings, type StoredFinding } from './findings'

export interface ComparedReport {
  id: number
  agency: string | null
  year: number | null
  template: Template | null
  file: string
}

export interface ComparisonRow {
  key: string
  label: string
  table: TableId
  current: number | null
  previous: number | null
  /** current − previous, null when either is blank. */
  delta: number | null
}

export interface YearComparison {
  current: ComparedReport
  previous: ComparedReport | null
  rows: ComparisonRow[]
  /** Open findings of the current report's cross-year and cross-report rules (X family). */
  findings: StoredFinding[]
}

const brief = (r: StoredReport): ComparedReport => ({ id: r.id, agency: r.agency, year: r.year, template: r.template, file: r.file })

const templateKeys = (r: StoredReport): string[] => allKeys(r.t2Template ?? r.template, r.t3Template ?? r.template)

/** Differences of 万元 amounts without binary noise (0.1 + 0.2): six decimals are more than any report prints. */
const round = (x: number): number => Math.round(x * 1e6) / 1e6

/** Null when there is no such report; `previous` null when last year's report is not in the workspace. */
export function compareWithPrevious(store: Store, reportId: number): YearComparison | null {
  const current = loadReport(store, reportId, { corrected: true })
  if (!current) return null
  const prevId = previousReportId(store, current.agency, current.year)
  const previous = prevId === null ? null : loadReport(store, prevId, { corrected: true })
  const keys = [...new Set([...templateKeys(current), ...(previous ? templateKeys(previous) : [])])].sort(compareKeys)
  const rows = keys.map((key): ComparisonRow => {
    const a = current.cells[key]?.value ?? null
    const b = previous?.cells[key]?.value ?? null
    return { key, label: describeKey(key), table: key.split('.')[0] as TableId, current: a, previous: b, delta: a === null || b === null ? null : round(a - b) }
  })
  const findings = listFindings(store, reportId).filter((f) => ruleById(f.rule)?.family === 'X')
  return { current: brief(current), previous: previous ? brief(previous) : null, rows, findings }
}
