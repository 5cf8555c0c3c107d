import { expect } from 'vitest'
import { T3_ROW_LABELS, t3Rows } from '../../src/core/model/keys'
import type { ExtractedReport, TableLabel } from '../../src/core/model/report'
import { matchForm } from '../../src/core/text/normalize'

/** A table-3 row's official label in match form, without the group text before its own numbering. */
export function officialLeaf(rowKey: string): string {
  return matchForm(T3_ROW_LABELS[rowKey]).replace(/^.*?(\d+\.|（[一二三四五六七]）|[一二三四]、)/, '')
}

/**
 * Asserts that a 2021-format report has every table-3 row, in order, each label holding its
 * whole official leaf label (the group label beside it may be shared out between the group's
 * rows), and no structural problem. Returns the row labels.
 */
export function expectWholeT3Labels(report: ExtractedReport): TableLabel[] {
  expect(report.problems).toEqual([])
  const rows = report.labels.filter((l) => l.table === 't3' && l.role === 'row')
  expect(rows.map((l) => l.key)).toEqual(t3Rows('2021'))
  for (const l of rows) expect(matchForm(l.text), l.key!).toContain(officialLeaf(l.key!))
  return rows
}
