/**
 * Canonical keys of every table cell (spec/data-model.md): `table.row.column`.
 * This is the single definition used by extraction, the store, the rules, exports and tests.
 */
import { memoizeString } from '../text/memo'

export type Template = '2019' | '2021'
export type TableId = 't2' | 't3' | 't4'

/** How a reader names each table: 表二 主动公开, 表三 依申请公开, 表四 复议与诉讼. */
export const TABLE_NAMES: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' }

export const T3_COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'] as const
export type T3Column = (typeof T3_COLUMNS)[number]

/** Table 3's cross-footing note, printed in its first header cell (in brackets, as a rule). */
export const T3_NOTE = '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和'

export const T3_COLUMN_LABELS: Record<T3Column, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  social: '社会公益组织',
  legal: '法律服务机构',
  other_org: '其他',
  total: '总计'
}

/** Outcome rows (第三项) shared by both templates, before (六). */
const T3_OUTCOMES_COMMON = [
  'open',
  'partial',
  'deny_secret',
  'deny_law',
  'deny_safety',
  'deny_third',
  'deny_internal',
  'deny_process',
  'deny_enforce',
  'deny_query',
  'unable_nohold',
  'unable_create',
  'unable_unclear',
  'reject_petition',
  'reject_repeat',
  'reject_publication',
  'reject_mass',
  'reject_confirm'
] as const

export const T3_OUTCOME_ROWS: Record<Template, readonly string[]> = {
  '2021': [...T3_OUTCOMES_COMMON, 'other_overdue', 'other_fee', 'other_other'],
  '2019': [...T3_OUTCOMES_COMMON, 'other']
}

/** All table-3 rows of a template, in printed order. */
export function t3Rows(template: Template): string[] {
  return ['new', 'carried', ...T3_OUTCOME_ROWS[template], 'total', 'carry_next']
}

export const T4_GROUPS = ['review', 'suit_direct', 'suit_after_review'] as const
export type T4Group = (typeof T4_GROUPS)[number]
export const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const
export type T4Column = (typeof T4_COLUMNS)[number]

export const T4_GROUP_LABELS: Record<T4Group, string> = {
  review: '行政复议',
  suit_direct: '行政诉讼·未经复议直接起诉',
  suit_after_review: '行政诉讼·复议后起诉'
}
export const T4_COLUMN_LABELS: Record<T4Column, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计'
}

export function t4Keys(): string[] {
  return T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => `t4.${g}.${c}`))
}

/** One block of table 2 (a 第二十条 item): its value columns and its rows. */
export interface T2Block {
  item: string // 一 / 五 / 六 / 八 / 九
  caption: string
  columns: Array<{ key: string; label: string; kind: 'count' | 'signed' | 'amount' }>
  rows: Array<{ key: string; label: string }>
}

export const T2_LAYOUTS: Record<Template, T2Block[]> = {
  '2021': [
    {
      item: '一',
      caption: '第二十条第（一）项',
      columns: [
        { key: 'issued', label: '本年制发件数', kind: 'count' },
        { key: 'repealed', label: '本年废止件数', kind: 'count' },
        { key: 'in_force', label: '现行有效件数', kind: 'count' }
      ],
      rows: [
        { key: 'regulations', label: '规章' },
        { key: 'normative_docs', label: '行政规范性文件' }
      ]
    },
    {
      item: '五',
      caption: '第二十条第（五）项',
      columns: [{ key: 'decisions', label: '本年处理决定数量', kind: 'count' }],
      rows: [{ key: 'licensing', label: '行政许可' }]
    },
    {
      item: '六',
      caption: '第二十条第（六）项',
      columns: [{ key: 'decisions', label: '本年处理决定数量', kind: 'count' }],
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'coercion', label: '行政强制' }
      ]
    },
    {
      item: '八',
      caption: '第二十条第（八）项',
      columns: [{ key: 'amount', label: '本年收费金额（单位：万元）', kind: 'amount' }],
      rows: [{ key: 'fees', label: '行政事业性收费' }]
    }
  ],
  '2019': [
    {
      item: '一',
      caption: '第二十条第（一）项',
      columns: [
        { key: 'made', label: '本年新制作数量', kind: 'count' },
        { key: 'published', label: '本年新公开数量', kind: 'count' },
        { key: 'total', label: '对外公开总数量', kind: 'count' }
      ],
      rows: [
        { key: 'regulations', label: '规章' },
        { key: 'normative_docs', label: '规范性文件' }
      ]
    },
    {
      item: '五',
      caption: '第二十条第（五）项',
      columns: [
        { key: 'prev_items', label: '上一年项目数量', kind: 'count' },
        { key: 'change', label: '本年增/减', kind: 'signed' },
        { key: 'decisions', label: '处理决定数量', kind: 'count' }
      ],
      rows: [
        { key: 'licensing', label: '行政许可' },
        { key: 'other_services', label: '其他对外管理服务事项' }
      ]
    },
    {
      item: '六',
      caption: '第二十条第（六）项',
      columns: [
        { key: 'prev_items', label: '上一年项目数量', kind: 'count' },
        { key: 'change', label: '本年增/减', kind: 'signed' },
        { key: 'decisions', label: '处理决定数量', kind: 'count' }
      ],
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'coercion', label: '行政强制' }
      ]
    },
    {
      item: '八',
      caption: '第二十条第（八）项',
      columns: [
        { key: 'prev_items', label: '上一年项目数量', kind: 'count' },
        { key: 'change', label: '本年增/减', kind: 'signed' }
      ],
      rows: [{ key: 'fees', label: '行政事业性收费' }]
    },
    {
      item: '九',
      caption: '第二十条第（九）项',
      columns: [
        { key: 'items', label: '采购项目数量', kind: 'count' },
        { key: 'amount', label: '采购总金额（单位：万元）', kind: 'amount' }
      ],
      rows: [{ key: 'procurement', label: '政府集中采购' }]
    }
  ]
}

export function t2Keys(template: Template): string[] {
  return T2_LAYOUTS[template].flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => `t2.${r.key}.${c.key}`)))
}

export function t3Keys(template: Template): string[] {
  return t3Rows(template).flatMap((r) => T3_COLUMNS.map((c) => `t3.${r}.${c}`))
}

/** Every cell key of a report whose tables follow these templates. */
export function allKeys(t2: Template | null, t3: Template | null): string[] {
  return [...(t2 ? t2Keys(t2) : []), ...(t3 ? t3Keys(t3) : []), ...t4Keys()]
}

const T2_ROW_ORDER = ['regulations', 'normative_docs', 'licensing', 'other_services', 'penalty', 'coercion', 'fees', 'procurement']
const T2_COL_ORDER = ['issued', 'repealed', 'in_force', 'made', 'published', 'total', 'prev_items', 'change', 'decisions', 'items', 'amount']
const T3_ROW_ORDER = [...T3_OUTCOME_ROWS['2021'].slice(0, -3), 'other', ...T3_OUTCOME_ROWS['2021'].slice(-3)]
const ROW_ORDER: Record<string, string[]> = {
  t2: T2_ROW_ORDER,
  t3: ['new', 'carried', ...T3_ROW_ORDER, 'total', 'carry_next'],
  t4: [...T4_GROUPS]
}
const COL_ORDER: Record<string, readonly string[]> = { t2: T2_COL_ORDER, t3: T3_COLUMNS, t4: T4_COLUMNS }

/** A key's place in print: its table, then row and column ranks (unknown ones last). */
const printRank = memoizeString((key: string): [string, number, number] => {
  const [t, r, c] = key.split('.')
  const rank = (list: readonly string[] | undefined, x: string) => {
    const i = list ? list.indexOf(x) : -1
    return i < 0 ? Infinity : i
  }
  return [t, rank(ROW_ORDER[t], r), rank(COL_ORDER[t], c)]
})

/** Sorts keys in printed order (table, then row, then column), for either template. */
export function compareKeys(a: string, b: string): number {
  const [ta, ra, ca] = printRank(a)
  const [tb, rb, cb] = printRank(b)
  if (ta !== tb) return ta.localeCompare(tb)
  return ra - rb || ca - cb || a.localeCompare(b)
}

export const T3_ROW_LABELS: Record<string, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried: '二、上年结转政府信息公开申请数量',
  open: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  deny_secret: '1.属于国家秘密',
  deny_law: '2.其他法律行政法规禁止公开',
  deny_safety: '3.危及“三安全一稳定”',
  deny_third: '4.保护第三方合法权益',
  deny_internal: '5.属于三类内部事务信息',
  deny_process: '6.属于四类过程性信息',
  deny_enforce: '7.属于行政执法案卷',
  deny_query: '8.属于行政查询事项',
  unable_nohold: '1.本机关不掌握相关政府信息',
  unable_create: '2.没有现成信息需要另行制作',
  unable_unclear: '3.补正后申请内容仍不明确',
  reject_petition: '1.信访举报投诉类申请',
  reject_repeat: '2.重复申请',
  reject_publication: '3.要求提供公开出版物',
  reject_mass: '4.无正当理由大量反复申请',
  reject_confirm: '5.要求行政机关确认或重新出具已获取信息',
  other_overdue: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  other_fee: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other_other: '3.其他',
  other: '（六）其他处理',
  total: '（七）总计',
  carry_next: '四、结转下年度继续办理'
}

/** Short names of table-3 rows, for computations in messages (“予以公开 83 + 部分公开 2 …”). */
export const T3_ROW_SHORT: Record<string, string> = {
  new: '本年新收',
  carried: '上年结转',
  open: '予以公开',
  partial: '部分公开',
  deny_secret: '国家秘密',
  deny_law: '法律法规禁止',
  deny_safety: '三安全一稳定',
  deny_third: '第三方合法权益',
  deny_internal: '内部事务信息',
  deny_process: '过程性信息',
  deny_enforce: '行政执法案卷',
  deny_query: '行政查询事项',
  unable_nohold: '本机关不掌握',
  unable_create: '需另行制作',
  unable_unclear: '补正后仍不明确',
  reject_petition: '信访举报投诉',
  reject_repeat: '重复申请',
  reject_publication: '公开出版物',
  reject_mass: '大量反复申请',
  reject_confirm: '确认或重新出具',
  other_overdue: '逾期不补正',
  other_fee: '逾期未缴费',
  other_other: '其他',
  other: '其他处理',
  total: '（七）总计',
  carry_next: '结转下年度'
}

/** The group a table-3 outcome row sits under, as printed: （三）不予公开 … */
export const T3_ROW_GROUPS: Record<string, string> = {
  deny_secret: '（三）不予公开',
  deny_law: '（三）不予公开',
  deny_safety: '（三）不予公开',
  deny_third: '（三）不予公开',
  deny_internal: '（三）不予公开',
  deny_process: '（三）不予公开',
  deny_enforce: '（三）不予公开',
  deny_query: '（三）不予公开',
  unable_nohold: '（四）无法提供',
  unable_create: '（四）无法提供',
  unable_unclear: '（四）无法提供',
  reject_petition: '（五）不予处理',
  reject_repeat: '（五）不予处理',
  reject_publication: '（五）不予处理',
  reject_mass: '（五）不予处理',
  reject_confirm: '（五）不予处理',
  other_overdue: '（六）其他处理',
  other_fee: '（六）其他处理',
  other_other: '（六）其他处理'
}

/** A human label for any canonical key, e.g. 表三“（七）总计”行“总计”列. */
export function describeKey(key: string): string {
  const [table, row, col] = key.split('.')
  if (table === 't3') {
    const group = T3_ROW_GROUPS[row] ? T3_ROW_GROUPS[row] : ''
    return `表三“${group}${T3_ROW_LABELS[row] ?? row}”行“${T3_COLUMN_LABELS[col as T3Column] ?? col}”列`
  }
  if (table === 't4') {
    return `表四“${T4_GROUP_LABELS[row as T4Group] ?? row}·${T4_COLUMN_LABELS[col as T4Column] ?? col}”`
  }
  if (table === 't2') {
    for (const tpl of ['2021', '2019'] as const) {
      for (const b of T2_LAYOUTS[tpl]) {
        const r = b.rows.find((x) => x.key === row)
        const c = b.columns.find((x) => x.key === col)
        if (r && c) return `表二“${r.label}”行“${c.label}”列`
      }
    }
  }
  return key
}

export const SECTION_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项'
] as const
