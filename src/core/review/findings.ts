/**
 * Findings in the store. A finding is identified within its report by its identity (rule +
 * what it is about), so re-running the checks updates the findings that still stand (their
 * review, comment and reviewer untouched), reopens ones that came back, and marks the others
 * resolved. Every change is written to finding_events.
 */
import type { Provenance } from '../model/report'
import type { Finding, Severity } from '../rules/types'
import type { Store } from '../store/store'
import { assertCellKey, reportTemplates } from './cell-keys'

export type Review = 'pending' | 'confirmed' | 'dismissed' | 'fixed'

export const REVIEW_LABELS: Record<Review, string> = { pending: '待复核', confirmed: '确认', dismissed: '驳回', fixed: '已整改' }

export interface StoredFinding {
  id: number
  reportId: number
  rule: string
  identity: string
  origin: 'rule' | 'auditor'
  severity: Severity
  title: string
  message: string
  cells: string[]
  source: Provenance | null
  page: number | null
  status: 'open' | 'resolved'
  review: Review
  comment: string | null
  reviewer: string | null
  reviewedAt: string | null
  firstSeen: string
  lastSeen: string
  resolvedAt: string | null
  /** For the auditor's own findings: the passage of the source it is about. */
  quote: string | null
}

function rowToFinding(r: Record<string, unknown>): StoredFinding {
  return {
    id: r.id as number,
    reportId: r.report_id as number,
    rule: r.rule as string,
    identity: r.identity as string,
    origin: r.origin as 'rule' | 'auditor',
    severity: r.severity as Severity,
    title: r.title as string,
    message: r.message as string,
    cells: JSON.parse(r.cells as string),
    source: r.source ? JSON.parse(r.source as string) : null,
    page: r.page as number | null,
    status: r.status as 'open' | 'resolved',
    review: r.review as Review,
    comment: r.comment as string | null,
    reviewer: r.reviewer as string | null,
    reviewedAt: r.reviewed_at as string | null,
    firstSeen: r.first_seen as string,
    lastSeen: r.last_seen as string,
    resolvedAt: r.resolved_at as string | null,
    quote: (r.quote as string | null | undefined) ?? null
  }
}

export interface ListOptions {
  /** Include findings that no longer stand. */
  resolved?: boolean
}

export function listFindings(store: Store, reportId: number, opts: ListOptions = {}): StoredFinding[] {
  const rows = store
    .stmt(
      `SELECT * FROM findings WHERE report_id = ? ${opts.resolved ? '' : "AND status = 'open'"}
       ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, id`
    )
    .all(reportId) as Array<Record<string, unknown>>
  return rows.map(rowToFinding)
}

export function getFinding(store: Store, id: number): StoredFinding | null {
  const r = store.stmt('SELECT * FROM findings WHERE id = ?').get(id) as Record<string, unknown> | undefined
  return r ? rowToFinding(r) : null
}

export function logEvent(store: Store, findingId: number, action: string, actor: string | null, detail: unknown): void {
  store.stmt('INSERT INTO finding_events (finding_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)').run(
    findingId,
    new Date().toISOString(),
    actor,
    action,
    detail === undefined ? null : JSON.stringify(detail)
  )
}

export interface PersistStats {
  created: number
  updated: number
  reopened: number
  resolved: number
}

/**
 * Replaces the rule findings of a report by a fresh run's, keeping reviews (one transaction).
 * `ran` says which rules the run covered: findings of the other rules are left as they are.
 * The auditor's own findings (origin 'auditor') are never read, resolved or changed here.
 */
export function persistFindings(store: Store, reportId: number, findings: Finding[], ran: (rule: string) => boolean = () => true): PersistStats {
  const now = new Date().toISOString()
  const stats: PersistStats = { created: 0, updated: 0, reopened: 0, resolved: 0 }
  store.db.transaction(() => {
    const rows = store.stmt("SELECT id, rule, identity, status FROM findings WHERE report_id = ? AND origin = 'rule'").all(reportId) as Array<{
      id: number
      rule: string
      identity: string
      status: string
    }>
    const existing = new Map(rows.filter((r) => ran(r.rule)).map((r) => [r.identity, r]))
    const seen = new Set<string>()
    for (const f of findings) {
      seen.add(f.identity)
      const old = existing.get(f.identity)
      const fields = [f.rule, f.severity, f.title, f.message, JSON.stringify(f.cells), f.source ? JSON.stringify(f.source) : null, f.page]
      if (!old) {
        const res = store
          .stmt(
            `INSERT INTO findings (report_id, rule, identity, origin, severity, title, message, cells, source, page, first_seen, last_seen)
             VALUES (?, ?, ?, 'rule', ?, ?, ?, ?, ?, ?, ?, ?)`
          )
          .run(reportId, f.rule, f.identity, f.severity, f.title, f.message, fields[4], fields[5], f.page, now, now)
        logEvent(store, Number(res.lastInsertRowid), 'created', null, { severity: f.severity })
        stats.created++
      } else {
        store
          .stmt(
            `UPDATE findings SET rule = ?, severity = ?, title = ?, message = ?, cells = ?, source = ?, page = ?, last_seen = ?, status = 'open', resolved_at = NULL WHERE id = ?`
          )
          .run(...fields, now, old.id)
        if (old.status === 'resolved') {
          logEvent(store, old.id, 'reopened', null, null)
          stats.reopened++
        } else stats.updated++
      }
    }
    for (const [identity, old] of existing) {
      if (seen.has(identity) || old.status === 'resolved') continue
      store.stmt("UPDATE findings SET status = 'resolved', resolved_at = ? WHERE id = ?").run(now, old.id)
      logEvent(store, old.id, 'resolved', null, null)
      stats.resolved++
    }
  })()
  return stats
}

export interface SeverityCounts {
  error: number
  warning: number
  info: number
}

/** Open findings by severity, leaving out those the auditor dismissed. */
export function countFindings(store: Store, reportId: number): SeverityCounts {
  const rows = store
    .stmt("SELECT severity, COUNT(*) AS n FROM findings WHERE report_id = ? AND status = 'open' AND review != 'dismissed' GROUP BY severity")
    .all(reportId) as Array<{ severity: Severity; n: number }>
  const out: SeverityCounts = { error: 0, warning: 0, info: 0 }
  for (const r of rows) out[r.severity] = r.n
  return out
}

export interface ReviewPatch {
  review?: Review
  comment?: string | null
}

/** Records the auditor's review of a finding (state and/or comment), with who and when. */
export function reviewFinding(store: Store, id: number, patch: ReviewPatch, reviewer: string): StoredFinding {
  const before = getFinding(store, id)
  if (!before) throw new Error(`没有编号为 ${id} 的问题`)
  if (patch.review !== undefined && !(patch.review in REVIEW_LABELS)) throw new Error(`复核结论应为 ${Object.keys(REVIEW_LABELS).join('、')} 之一，收到：${String(patch.review)}`)
  const now = new Date().toISOString()
  store.db.transaction(() => {
    store
      .stmt('UPDATE findings SET review = ?, comment = ?, reviewer = ?, reviewed_at = ? WHERE id = ?')
      .run(patch.review ?? before.review, patch.comment !== undefined ? patch.comment : before.comment, reviewer, now, id)
    logEvent(store, id, 'reviewed', reviewer, { from: { review: before.review, comment: before.comment }, to: patch })
  })()
  return getFinding(store, id)!
}

export function findingEvents(store: Store, id: number): Array<{ at: string; actor: string | null; action: string; detail: unknown }> {
  return (store.stmt('SELECT at, actor, action, detail FROM finding_events WHERE finding_id = ? ORDER BY id').all(id) as Array<{ at: string; actor: string | null; action: string; detail: string | null }>).map(
    (e) => ({ ...e, detail: e.detail ? JSON.parse(e.detail) : null })
  )
}

/** The rule id of the auditor's own findings: no rule of the catalogue, never run by the engine. */
export const AUDITOR_RULE = 'AUD'
const SEVERITY_NAMES: Record<Severity, true> = { error: true, warning: true, info: true }

export interface AuditorFindingInput {
  severity: Severity
  message: string
  title?: string
  cells?: string[]
  source?: Provenance | null
  quote?: string
}

/**
 * Records a finding the auditor raised: origin 'auditor', rule 'AUD', confirmed by its author
 * (they raised it), with a unique identity so that re-running the rules never matches it.
 */
export function addAuditorFinding(store: Store, reportId: number, input: AuditorFindingInput, actor: string): StoredFinding {
  reportTemplates(store, reportId) // throws when there is no such report
  if (!SEVERITY_NAMES[input.severity]) throw new Error(`问题等级应为 error、warning 或 info，收到：${String(input.severity)}`)
  const message = input.message?.trim()
  if (!message) throw new Error('请填写问题说明')
  if (!actor?.trim()) throw new Error('添加问题须注明审核人')
  const cells = input.cells ?? []
  for (const k of cells) assertCellKey(store, reportId, k)
  const source = input.source ?? null
  const now = new Date().toISOString()
  const id = store.db.transaction((): number => {
    // The next row id makes the identity unique even for two findings added in the same millisecond.
    const next = (store.stmt('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM findings').get() as { n: number }).n
    const res = store
      .stmt(
        `INSERT INTO findings (report_id, rule, identity, origin, severity, title, message, cells, source, page, review, reviewer, reviewed_at,
           first_seen, last_seen, quote)
         VALUES (?, ?, ?, 'auditor', ?, ?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, ?)`
      )
      .run(
        reportId,
        AUDITOR_RULE,
        `${AUDITOR_RULE}:${Date.now()}-${next}`,
        input.severity,
        input.title?.trim() || '审核人发现的问题',
        message,
        JSON.stringify(cells),
        source ? JSON.stringify(source) : null,
        source?.kind === 'pdf' ? source.page : null,
        actor,
        now,
        now,
        now,
        input.quote?.trim() || null
      )
    const fid = Number(res.lastInsertRowid)
    logEvent(store, fid, 'created', actor, { origin: 'auditor', severity: input.severity })
    return fid
  })()
  return getFinding(store, id)!
}

/**
 * Deletes one of the auditor's own findings (with its events). Findings raised by the rules
 * cannot be deleted, only reviewed (dismissed), so that what the checks said stays on record.
 */
export function deleteAuditorFinding(store: Store, id: number, actor: string): void {
  const f = getFinding(store, id)
  if (!f) throw new Error(`没有编号为 ${id} 的问题`)
  if (f.origin !== 'auditor') throw new Error(`问题 #${id}（${f.rule}）由审查规则产生，不能删除，只能复核为“驳回”`)
  if (!actor?.trim()) throw new Error('删除问题须注明操作人')
  store.stmt("DELETE FROM findings WHERE id = ? AND origin = 'auditor'").run(id)
}
