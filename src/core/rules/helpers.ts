/**
 * Small helpers shared by the rules: arithmetic that refuses to treat a blank as 0, and the
 * wording of cells in messages.
 */
import { describeKey } from '../model/keys'
import type { Provenance } from '../model/report'
import type { Draft, RuleContext } from './types'

export interface Term {
  key: string
  label: string
}

export interface SumResult {
  /** The keys that are null (blank, lost, unreadable): the identity cannot be checked. */
  missing: string[]
  sum: number
  text: string
}

/** "自然人 3 + 商业企业 0 + …"; terms equal to 0 are dropped when `compact` and there are many. */
export function sumOf(ctx: RuleContext, terms: Term[], compact = false): SumResult {
  const missing = terms.filter((t) => ctx.v(t.key) === null).map((t) => t.key)
  const sum = terms.reduce((s, t) => s + (ctx.v(t.key) ?? 0), 0)
  const shown = compact ? terms.filter((t) => (ctx.v(t.key) ?? 0) !== 0) : terms
  const text = shown.length === 0 ? '各项均为 0' : shown.map((t) => `${t.label} ${fmt(ctx.v(t.key))}`).join(' + ')
  return { missing, sum, text: compact && shown.length < terms.length && shown.length > 0 ? `${text}（其余各项为 0）` : text }
}

export function fmt(v: number | null): string {
  if (v === null) return '（空）'
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000)
}

/** The provenance of the first of these cells that has one. */
export function sourceOfCells(ctx: RuleContext, keys: string[]): Provenance | null {
  for (const k of keys) {
    const s = ctx.report.cells[k]?.source
    if (s) return s
  }
  return null
}

export function describe(key: string): string {
  return describeKey(key)
}

/** Difference wording: "相差 2 件". */
export function diff(a: number, b: number, unit = '件'): string {
  return `相差 ${fmt(Math.abs(a - b))} ${unit}`
}

/** One "cannot check" finding listing the identities whose cells are blank. */
export function cannotCheck(what: string, items: Array<{ name: string; missing: string[] }>): Draft[] {
  if (items.length === 0) return []
  const cells = [...new Set(items.flatMap((i) => i.missing))]
  const list = items
    .slice(0, 8)
    .map((i) => `${i.name}（${i.missing.map((k) => describe(k)).join('、')}为空）`)
    .join('；')
  return [
    {
      key: 'incomplete',
      cells,
      severity: 'warning',
      message: `${what}有 ${items.length} 处因单元格为空或缺失无法核对（空白不等于 0，未按 0 计算）：${list}${items.length > 8 ? ' 等' : ''}`
    }
  ]
}
