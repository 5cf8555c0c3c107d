/**
 * Which cell keys a report has, for what the auditor enters (corrections, own findings): the
 * keys of its templates' tables, and any other cell it printed (group subtotals).
 */
import { allKeys, type Template } from '../model/keys'
import type { Store } from '../store/store'

export function reportTemplates(store: Store, reportId: number): { template: Template | null; t2: Template | null; t3: Template | null } {
  const r = store.stmt('SELECT template, t2_template AS t2, t3_template AS t3 FROM reports WHERE id = ?').get(reportId) as
    | { template: Template | null; t2: Template | null; t3: Template | null }
    | undefined
  if (!r) throw new Error(`工作区中没有编号为 ${reportId} 的报告`)
  return r
}

/** Throws a Chinese message naming the report when `key` is not one of its cells. */
export function assertCellKey(store: Store, reportId: number, key: string): void {
  const r = reportTemplates(store, reportId)
  if (typeof key === 'string' && allKeys(r.t2 ?? r.template, r.t3 ?? r.template).includes(key)) return
  if (store.stmt('SELECT 1 FROM cells WHERE report_id = ? AND key = ?').get(reportId, key)) return
  const tpl = r.template ? `${r.template} 年版格式` : '未识别格式'
  throw new Error(`报告 #${reportId}（${tpl}）没有单元格“${String(key)}”`)
}
