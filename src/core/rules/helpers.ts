/**
 * Small helpers shared by the rules: arithmetic that refuses to treat a blank as 0, and the
 * wording of cells in messages.
 */
import { describeKey } from '../model/keys'
import type { Provenance } from '../model/report'
import type { Draft, Implied, RuleContext } from './types'

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

/** The value an identity gives its one blank cell, and the computation that gives it. */
export type Solved = Omit<Implied, 'identity'>

/**
 * Solves `left = right` (sums of terms) for its cell that is blank, when it is the only one:
 * the value an auditor checks against the source and writes in (a cell lost in extraction is
 * recoverable this way). Null with more than one blank cell, or when the value would be
 * negative or fractional (then the other cells are wrong too).
 */
export function solveForBlank(ctx: RuleContext, left: Term[], right: Term[]): Solved | null {
  const blank = [...left, ...right].filter((t) => ctx.v(t.key) === null)
  if (blank.length !== 1) return null
  const [b] = blank
  const onLeft = left.includes(b)
  const beside = (onLeft ? left : right).filter((t) => t !== b)
  const across = onLeft ? right : left
  const total = (ts: Term[]) => ts.reduce((s, t) => s + ctx.v(t.key)!, 0)
  const value = total(across) - total(beside)
  if (value < 0 || !Number.isInteger(value)) return null
  // Terms that are 0 add nothing to the computation: left out, and said so.
  const shown = (ts: Term[]) => ts.filter((t) => ctx.v(t.key) !== 0)
  const a = shown(across)
  const minus = shown(beside).map((t) => ` − ${t.label} ${fmt(ctx.v(t.key))}`).join('')
  const dropped = a.length + shown(beside).length < across.length + beside.length
  const how =
    a.length + shown(beside).length === 0
      ? '其余各项均为 0'
      : `${a.length ? a.map((t) => `${t.label} ${fmt(ctx.v(t.key))}`).join(' + ') : '0'}${minus} = ${fmt(value)}${dropped ? '，其余为 0' : ''}`
  return { key: b.key, value, how }
}

/** An identity that cannot be checked: its blank cells, and what it gives the one blank cell. */
export interface Blank {
  name: string
  missing: string[]
  solved?: Solved | null
}

/** One "cannot check" finding listing the identities whose cells are blank. */
export function cannotCheck(what: string, items: Blank[]): Draft[] {
  if (items.length === 0) return []
  const cells = [...new Set(items.flatMap((i) => i.missing))]
  const list = items
    .slice(0, 8)
    .map((i) => `${i.name}（${i.missing.map((k) => describe(k)).join('、')}为空${i.solved ? `，按此关系推算为 ${fmt(i.solved.value)}：${i.solved.how}` : ''}）`)
    .join('；')
  const implied = items.flatMap((i) => (i.solved ? [{ ...i.solved, identity: what }] : []))
  return [
    {
      key: 'incomplete',
      cells,
      ...(implied.length ? { implied } : {}),
      severity: 'warning',
      message: `${what}有 ${items.length} 处因单元格为空或缺失无法核对（空白不等于 0，未按 0 计算）：${list}${items.length > 8 ? ' 等' : ''}`
    }
  ]
}
