/**
 * What the tables' own identities (T3-01…03, T4-01…03) imply for blank cells: a cell lost in
 * extraction, or left empty, that is the only blank one of an identity has one possible value.
 * The review screen offers it with its computation; the auditor checks the source and takes it
 * as a correction or not. The rules compute it as they report the identity unchecked.
 */
import { buildContext, runRules } from './engine'
import type { Implied, ReportView } from './types'

const IDENTITY_RULES = /^T[34]-0[1-3]$/

/** The implied values of a report's blank cells, by cell key (two identities may each give one). */
export function impliedValues(report: ReportView): Record<string, Implied[]> {
  const out: Record<string, Implied[]> = {}
  for (const f of runRules(buildContext({ report }), (id) => IDENTITY_RULES.test(id))) {
    for (const i of f.implied ?? []) (out[i.key] ??= []).push(i)
  }
  return out
}
