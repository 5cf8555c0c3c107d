/**
 * The printed (official) layout of tables 二, 三 and 四 as data: header rows with their merged
 * cells and labelled rows of canonical keys, for the review screen and for documents that redraw
 * the tables. Built from keys.ts, so the layout and the keys cannot disagree.
 */
import { T2_LAYOUTS, T3_COLUMN_LABELS, T3_COLUMNS, T3_ROW_GROUPS, T3_NOTE, T3_ROW_LABELS, T4_COLUMN_LABELS, T4_COLUMNS, T4_GROUPS, t3Rows, type Template } from './keys'

export interface HeaderCell {
  text: string
  colSpan?: number
  rowSpan?: number
}

export interface TableLayout {
  table: 't2' | 't3' | 't4'
  title: string
  header: HeaderCell[][]
  /** depth 0: a numbered item (一、…), 1: （一）…, 2: 1. … under a group; keys [] for a group line. */
  rows: Array<{ label: string; depth: number; keys: Array<string | null> }>
}

function t2Layout(template: Template): TableLayout[] {
  return T2_LAYOUTS[template].map((b) => ({
    table: 't2' as const,
    title: `表二 ${b.caption}`,
    header: [[{ text: '信息内容' }, ...b.columns.map((c) => ({ text: c.label }))]],
    rows: b.rows.map((r) => ({ label: r.label, depth: 0, keys: b.columns.map((c) => `t2.${r.key}.${c.key}`) }))
  }))
}

function t3Layout(template: Template): TableLayout {
  const rows: TableLayout['rows'] = []
  let group: string | null = null
  for (const r of t3Rows(template)) {
    const g = T3_ROW_GROUPS[r] ?? null
    if (g && g !== group) rows.push({ label: g, depth: 1, keys: [] })
    group = g
    const label = T3_ROW_LABELS[r]
    const depth = g ? 2 : /^（/.test(label) ? 1 : 0
    if (r === 'open') rows.push({ label: '三、本年度办理结果', depth: 0, keys: [] })
    rows.push({ label, depth, keys: T3_COLUMNS.map((c) => `t3.${r}.${c}`) })
  }
  const org = T3_COLUMNS.filter((c) => c !== 'natural' && c !== 'total')
  return {
    table: 't3',
    title: '表三 收到和处理政府信息公开申请情况',
    header: [
      [{ text: T3_NOTE, rowSpan: 3 }, { text: '申请人情况', colSpan: 7 }],
      [{ text: T3_COLUMN_LABELS.natural, rowSpan: 2 }, { text: '法人或其他组织', colSpan: org.length }, { text: T3_COLUMN_LABELS.total, rowSpan: 2 }],
      org.map((c) => ({ text: T3_COLUMN_LABELS[c] }))
    ],
    rows
  }
}

function t4Layout(): TableLayout {
  const cols = (g: string) => T4_COLUMNS.map((c) => ({ text: T4_COLUMN_LABELS[c], ...(g === 'review' ? { rowSpan: 2 } : {}) }))
  return {
    table: 't4',
    title: '表四 政府信息公开行政复议、行政诉讼情况',
    header: [
      [{ text: '行政复议', colSpan: 5 }, { text: '行政诉讼', colSpan: 10 }],
      [...cols('review'), { text: '未经复议直接起诉', colSpan: 5 }, { text: '复议后起诉', colSpan: 5 }],
      [...cols('suit_direct'), ...cols('suit_after_review')].map(({ text }) => ({ text }))
    ],
    rows: [{ label: '', depth: 0, keys: T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => `t4.${g}.${c}`)) }]
  }
}

/** Every table of a report in printed order; a missing template falls back to the 2021 format. */
export function reportLayout(t2: Template | null, t3: Template | null): TableLayout[] {
  return [...t2Layout(t2 ?? '2021'), t3Layout(t3 ?? '2021'), t4Layout()]
}
