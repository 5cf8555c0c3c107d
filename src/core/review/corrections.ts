/**
 * The auditor's corrections of extracted cell values. Each correction is a new row (history is
 * never overwritten); the active one of a (report, key) is the latest not reverted. Corrected
 * values are what the checks, the comparison and the export use (loadReport `corrected`);
 * the extracted value stays in `cells` and in each correction's `original`.
 */
import { describeKey } from '../model/keys'
import { IS_ACTIVE_CORRECTION, type ActiveCorrection } from '../store/read'
import type { Store } from '../store/store'
import { assertCellKey, reportTemplates } from './cell-keys'
import { affectedBy, checkReports } from './check'

/** A correction in the history of a cell: the stored fields, whether reverted, whether in force. */
export interface CellCorrection extends ActiveCorrection {
  reportId: number
  revertedAt: string | null
  revertedBy: string | null
  /** Whether this is the correction in force for its cell. */
  active: boolean
}

const SELECT = `SELECT c.id, c.report_id AS reportId, c.key, c.value, c.original, c.reason, c.actor, c.at,
                  c.reverted_at AS revertedAt, c.reverted_by AS revertedBy, ${IS_ACTIVE_CORRECTION} AS active
                FROM cell_corrections c`

/** A row of SELECT: the fields as named, `active` as SQLite's 0/1. */
type CorrectionRow = Omit<CellCorrection, 'active'> & { active: number }

function toCorrection(r: CorrectionRow): CellCorrection {
  return { ...r, active: r.active === 1 }
}

/** Re-runs the checks of a report and of the reports that are compared with it. */
function recheck(store: Store, reportId: number): void {
  checkReports(store, affectedBy(store, [reportId]))
}

/**
 * Records the auditor's value for a cell (null: blank) and re-runs the checks it may change,
 * all in one transaction: the correction never stands without the findings it implies.
 */
export function correctCell(store: Store, reportId: number, key: string, value: number | null, actor: string, reason?: string): CellCorrection {
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
    throw new Error(`${describeKey(key)}的更正值应为数字或留空（表示空白），收到：${String(value)}`)
  }
  if (!actor?.trim()) throw new Error('更正单元格须注明操作人')
  assertCellKey(store, reportId, key)
  const id = store.db.transaction((): number => {
    const cell = store.stmt('SELECT value FROM cells WHERE report_id = ? AND key = ?').get(reportId, key) as { value: number | null } | undefined
    const res = store
      .stmt('INSERT INTO cell_corrections (report_id, key, value, original, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(reportId, key, value, cell?.value ?? null, reason?.trim() || null, actor, new Date().toISOString())
    recheck(store, reportId)
    return Number(res.lastInsertRowid)
  })()
  return toCorrection(store.stmt(`${SELECT} WHERE c.id = ?`).get(id) as CorrectionRow)
}

/**
 * Withdraws the correction of a cell: the cell goes back to its extracted value. Corrections
 * made earlier on the same cell (superseded by the active one) are withdrawn with it, so that
 * an older value does not silently come back. The rows stay, marked reverted, by whom, when.
 */
export function revertCorrection(store: Store, reportId: number, key: string, actor: string): void {
  reportTemplates(store, reportId) // throws when there is no such report
  if (!actor?.trim()) throw new Error('撤销更正须注明操作人')
  store.db.transaction(() => {
    const res = store
      .stmt('UPDATE cell_corrections SET reverted_at = ?, reverted_by = ? WHERE report_id = ? AND key = ? AND reverted_at IS NULL')
      .run(new Date().toISOString(), actor, reportId, key)
    if (res.changes === 0) throw new Error(`报告 #${reportId} 的${describeKey(key)}（${key}）没有可撤销的更正`)
    recheck(store, reportId)
  })()
}

/** Every correction of a report, newest first, reverted ones included. */
export function listCorrections(store: Store, reportId: number): CellCorrection[] {
  return (store.stmt(`${SELECT} WHERE c.report_id = ? ORDER BY c.id DESC`).all(reportId) as CorrectionRow[]).map(toCorrection)
}
