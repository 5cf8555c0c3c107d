import fs from 'node:fs'
import path from 'node:path'
import { kindOf, parseDocument } from '../../src/core/ingest/parse'
import type { ExtractedReport } from '../../src/core/model/report'
import { buildContext, runRules, type ContextInput } from '../../src/core/rules/engine'
import type { Finding, ReportView } from '../../src/core/rules/types'
import { SEEDS } from './paths'

const cache = new Map<string, ExtractedReport>()

/** The extracted model of a seed document (parsed once per test file). */
export async function seedReport(name: string): Promise<ExtractedReport> {
  let r = cache.get(name)
  if (!r) {
    const file = path.join(SEEDS, name)
    const parsed = await parseDocument(new Uint8Array(fs.readFileSync(file)), kindOf(file)!)
    if (!parsed.report) throw new Error(`${name}: ${parsed.message}`)
    r = parsed.report
    cache.set(name, r)
  }
  return structuredClone(r)
}

export function viewOf(r: ExtractedReport, file = 'test.txt', id = 1): ReportView {
  return { ...r, id, file, kind: file.endsWith('.pdf') ? 'pdf' : 'txt', agencyKey: null, version: 1 }
}

export function check(r: ExtractedReport | ReportView, extra: Omit<ContextInput, 'report'> = {}): Finding[] {
  const view = 'id' in r ? (r as ReportView) : viewOf(r as ExtractedReport)
  return runRules(buildContext({ report: view, ...extra }))
}

export const rulesOf = (findings: Finding[]) => new Set(findings.map((f) => f.rule))
export const errorsOf = (findings: Finding[]) => findings.filter((f) => f.severity === 'error')

/** Sets a cell's value in an extracted model (a mutation for tests). */
export function setCell(r: ExtractedReport, key: string, value: number | null): void {
  const c = r.cells[key]
  if (!c) throw new Error(`no cell ${key}`)
  r.cells[key] = { ...c, value, raw: value === null ? '' : String(value), status: value === null ? 'blank' : 'ok' }
}
