/**
 * The memo's fixed wording as data (domain.md §5.2): problem categories by rule family, the
 * 整改建议 of each family (with a few rules that need their own), the conclusion criterion and
 * the legal basis cited at the top of every memo.
 */
import type { Template } from '../model/keys'
import type { Family, Severity } from '../rules/types'

export interface Category {
  id: string
  name: string
  families: Family[]
}

/** Order and names of §5.2 "四、发现的问题（按类别）"; auditor-added problems go last. */
export const CATEGORIES: Category[] = [
  { id: 'format', name: '结构与格式', families: ['S', 'V', 'L'] },
  { id: 'arithmetic', name: '数据勾稽', families: ['T3', 'T4', 'T2'] },
  { id: 'consistency', name: '文字与表格一致性', families: ['N', 'Y', 'G'] },
  { id: 'deadline', name: '发布时效与可获取性', families: ['D'] },
  { id: 'fee', name: '信息处理费等其他事项', families: ['F'] },
  { id: 'cross_year', name: '跨年度比对', families: ['X'] }
]

/** Problems the auditor added by hand, or whose rule is not in the registry. */
export const OTHER_CATEGORY: Category = { id: 'other', name: '审查中发现的其他问题', families: [] }

export function categoryOf(family: Family | null): Category {
  return (family && CATEGORIES.find((c) => c.families.includes(family))) || OTHER_CATEGORY
}

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' }

/** 整改建议 by family: what the agency should do about a problem of that kind. */
export const FAMILY_SUGGESTIONS: Record<Family, string> = {
  S: '对照《中华人民共和国政府信息公开条例》第五十条和年度报告格式，补齐、调整相应部分的内容和标题，删除与年度报告无关的内容，更正后重新发布。',
  V: '按现行年度报告格式（国办公开办函〔2021〕30号）重新编制表格，更正后重新发布。',
  L: '对照年度报告格式核对表头、栏目和行标签，补齐缺失或错位的数据，更正后重新发布。',
  T3: '对照依申请公开台账逐项核对表三数据，使各列、各行勾稽关系成立，更正后重新发布，并在原发布位置说明更正情况。',
  T4: '对照行政复议、行政诉讼案件台账核对表四数据，使各项之和等于总计，更正后重新发布。',
  T2: '对照文件、许可、处罚、强制及收费台账核对表二数据和计量单位，更正后重新发布。',
  N: '核对正文所述数字与表格数据，以台账为准统一更正，确保“数据精确、文字严谨”。',
  Y: '统一报告年度、统计期限及正文中的年份表述，与报告所属年度一致。',
  G: '删除或改写套用其他机关、不符合本机关实际的表述，如实反映本机关工作情况。',
  D: '严格按照《中华人民共和国政府信息公开条例》第四十九条规定的时限公布年度报告，并在本机关政府信息公开专栏显著位置长期保留。',
  F: '在“六、其他需要报告的事项”中说明信息处理费收取情况（发出收费通知的件数、金额及实际收取金额），与表三相关数据保持一致。',
  X: '核对本年度报告与上一年度报告的衔接数据；确因上年数据有误的，应在报告中说明更正情况。'
}

/** Rules whose remedy is more specific than their family's. */
export const RULE_SUGGESTIONS: Record<string, string> = {
  S10: '将报告标题规范为“机关名称＋年度＋政府信息公开工作年度报告”。',
  S12: '删除正文中残留的标记、外文词语、内部审批用语和重复段落，更正后重新发布。',
  S13: '建议在总体情况中写明统计期限（本年度1月1日至12月31日）。',
  D04: '核实发布日期；统计期未结束前发布的，应在年度结束后按完整数据重新编制发布。',
  D05: '请提供年度报告的发布日期和发布网址，以便核对是否按期公布。',
  D06: '在本机关政府信息公开专栏的年度报告栏目显著位置公布年度报告，便于公众查阅。',
  X04: '结合本年度工作实际重新撰写年度报告，避免与往年报告内容雷同。',
  X07: '明确以哪一版本为准，撤下或更正其他版本，并说明更正情况。'
}

export const AUDITOR_SUGGESTION = '请对照审查意见核实并整改，更正后重新发布。'

export type ConclusionLevel = '合格' | '基本合格' | '不合格'

export interface ConclusionRule {
  level: ConclusionLevel
  /** As printed in the memo. */
  label: string
  /** Applies when the confirmed, not yet fixed problems reach these counts (any of them). */
  when: Partial<Record<Severity, number>>
  criterion: string
}

/**
 * The conclusion: first rule that applies wins. Only confirmed problems count (pending ones
 * are the auditor's to decide, fixed ones are done); 提示 never changes the level, because
 * info rules are risk indicators and memo material, not defects (domain.md §3).
 */
export const CONCLUSION_RULES: ConclusionRule[] = [
  {
    level: '不合格',
    label: '不合格（需整改后重新发布）',
    when: { error: 1 },
    criterion: '确认存在“错误”级问题（缺少法定内容、格式版本错误、数据勾稽不成立、正文与表格矛盾、逾期公布等）1 条及以上'
  },
  {
    level: '基本合格',
    label: '基本合格（需更正）',
    when: { warning: 1 },
    criterion: '无“错误”级问题，但确认存在“警告”级问题 1 条及以上'
  },
  { level: '合格', label: '合格', when: {}, criterion: '未确认“错误”“警告”级问题（“提示”类问题不影响结论）' }
]

export function conclude(counts: Record<Severity, number>): ConclusionRule {
  for (const rule of CONCLUSION_RULES) {
    const entries = Object.entries(rule.when) as Array<[Severity, number]>
    if (entries.length === 0 || entries.some(([sev, n]) => counts[sev] >= n)) return rule
  }
  return CONCLUSION_RULES[CONCLUSION_RULES.length - 1]
}

/** 审查依据: the regulation, the format of the report's year, the fee rules from 2021 on. */
export function legalBasis(template: Template | null, year: number | null): string[] {
  const format =
    template === '2019' || (template === null && year !== null && year <= 2020)
      ? '《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）'
      : '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）'
  const out = ['《中华人民共和国政府信息公开条例》第四十九条、第五十条', format]
  if (year === null || year >= 2021) out.push('《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）')
  return out
}

/** 整改要求, as numbered paragraphs; `days` is the feedback deadline in working days. */
export function requirements(days: number): string[] {
  return [
    `请对照本意见及附件问题清单，逐条整改、销号管理，于收到本意见之日起${days}个工作日内完成整改。`,
    '涉及数据、表格和文字的更正，应在更正后重新发布年度报告，并在原发布位置说明更正情况，避免出现“发布后有变动”而无说明的情形。',
    '整改完成后，请以《整改情况报告》（一、存在的问题；二、整改措施；三、下一步打算）书面反馈，问题与措施逐条对应。'
  ]
}
