/**
 * Workspace settings of the memos, kept in the existing `settings` table under one key (no
 * migration needed): the reviewing office's name, the feedback deadline, and the agencies
 * expected to file (so the batch memo can name those that did not).
 */
import type { Store } from '../store/store'

const MEMO_KEY = 'memo'

export interface MemoSettings {
  /** 审查单位, printed in the signature. */
  office: string | null
  /** 整改反馈期限（工作日）. */
  deadlineDays: number
  /** Agencies that should have filed a report for each year in the batch. */
  expectedAgencies: string[]
}

export const DEFAULT_MEMO_SETTINGS: MemoSettings = { office: null, deadlineDays: 10, expectedAgencies: [] }

export function loadMemoSettings(store: Store): MemoSettings {
  const row = store.stmt('SELECT value FROM settings WHERE key = ?').get(MEMO_KEY) as { value: string } | undefined
  if (!row) return structuredClone(DEFAULT_MEMO_SETTINGS)
  const v = JSON.parse(row.value) as Partial<MemoSettings>
  return {
    office: v.office ?? null,
    deadlineDays: Number.isInteger(v.deadlineDays) && v.deadlineDays! > 0 ? v.deadlineDays! : DEFAULT_MEMO_SETTINGS.deadlineDays,
    expectedAgencies: Array.isArray(v.expectedAgencies) ? v.expectedAgencies.filter((x) => typeof x === 'string' && x.trim()) : []
  }
}

export function saveMemoSettings(store: Store, patch: Partial<MemoSettings>): MemoSettings {
  const next = { ...loadMemoSettings(store), ...patch }
  next.expectedAgencies = [...new Set(next.expectedAgencies.map((x) => x.trim()).filter(Boolean))]
  store
    .stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(MEMO_KEY, JSON.stringify(next))
  return next
}
