/** Chinese labels and colours of the interface, in one place. */
import type { DocumentStatus, IdentitySource, ReviewState, SeverityName } from '../../shared/contract'

export const SEVERITY_LABEL: Record<SeverityName, string> = { error: '错误', warning: '警告', info: '提示' }
export const SEVERITY_COLOR: Record<SeverityName, string> = { error: 'red', warning: 'orange', info: 'blue' }
export const SEVERITY_RANK: Record<SeverityName, number> = { error: 0, warning: 1, info: 2 }

export const REVIEW_LABEL: Record<ReviewState, string> = { pending: '待复核', confirmed: '确认', dismissed: '驳回', fixed: '已整改' }
export const REVIEW_COLOR: Record<ReviewState, string> = { pending: 'gray', confirmed: 'red', dismissed: 'gray', fixed: 'green' }

export const STATUS_LABEL: Record<DocumentStatus, string> = { ok: '已读取', needs_ocr: '需 OCR', error: '错误' }
export const STATUS_COLOR: Record<DocumentStatus, string> = { ok: 'green', needs_ocr: 'yellow', error: 'red' }

/** Agency and year the auditor should still confirm: none found, or taken from a file with the same content. */
export const toConfirm = (source: IdentitySource | null | undefined): boolean => source === 'none' || source === 'sibling'

export function fmtNumber(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, '').replace(/\.$/, '')
}

export function fmtTime(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}
