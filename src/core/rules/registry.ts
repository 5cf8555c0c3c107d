/**
 * The rule registry: every rule of the catalogue (domain.md §3), once, with its ID, family,
 * default severity, title and basis. Order here is the order of the catalogue.
 */
import { IDENTITY_RULES } from './families/identity'
import { LABEL_RULES } from './families/labels'
import { NARRATIVE_RULES } from './families/narrative'
import { STRUCTURE_RULES } from './families/structure'
import { TABLE_RULES } from './families/tables'
import type { Family, RuleDef } from './types'

const FAMILY_ORDER: Family[] = ['S', 'V', 'L', 'T3', 'T4', 'T2', 'N', 'Y', 'G', 'X', 'D', 'F']

export const RULES: readonly RuleDef[] = [...STRUCTURE_RULES, ...LABEL_RULES, ...TABLE_RULES, ...NARRATIVE_RULES, ...IDENTITY_RULES].sort(
  (a, b) => FAMILY_ORDER.indexOf(a.family) - FAMILY_ORDER.indexOf(b.family) || a.id.localeCompare(b.id, 'en', { numeric: true })
)

const BY_ID = new Map(RULES.map((r) => [r.id, r]))
if (BY_ID.size !== RULES.length) throw new Error('rule registry: duplicate rule id')

export function ruleById(id: string): RuleDef | undefined {
  return BY_ID.get(id)
}

/**
 * A part of the catalogue: every rule, the rules that read only the report itself ('own'), or
 * those that compare it with other reports of the workspace ('compares', see RuleDef.compares).
 */
export type RulePart = 'all' | 'own' | 'compares'

/** Whether the rule `id` belongs to `part` (unknown ids belong to 'all' only). */
export function inPart(part: RulePart): (id: string) => boolean {
  if (part === 'all') return () => true
  const compares = part === 'compares'
  return (id) => {
    const rule = BY_ID.get(id)
    return rule !== undefined && (rule.compares === true) === compares
  }
}

export const FAMILY_NAMES: Record<Family, string> = {
  S: '结构与章节',
  V: '格式版本',
  L: '标签与表格形状',
  T3: '表三勾稽',
  T4: '表四勾稽',
  T2: '表二合理性',
  N: '文字与表格一致性',
  Y: '年份与统计期',
  G: '机关身份',
  X: '跨年度与跨报告',
  D: '发布时限',
  F: '信息处理费'
}
