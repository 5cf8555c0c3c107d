/**
 * Distributed alignment (分散对齐): a row label spread over its cell, one glyph per word, still
 * reads in order, and its last wrapped glyph, flush against the values, stays in the label
 * (variant p22; its cells are checked with the other variants).
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { FIXTURES } from '../helpers/paths'

it('reads spread row labels glyph by glyph in reading order', async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'variants', 'p22-distributed-labels.pdf')))
  const report = (await parseDocument(bytes, 'pdf')).report!
  const label = (key: string) => report.labels.find((l) => l.table === 't3' && l.role === 'row' && l.key === key)?.text
  // "（ 五 ）" over "不 予 处": the two lines of the group label do not interleave.
  expect(label('reject_publication')).toBe('（五）不予处3.要求提供公开出版物')
  // "不 予 公" over "开": the group's lines in order beside the leaf label.
  expect(label('deny_internal')).toBe('不予公开5.属于三类内部事务信息')
  // "（ 三 ）" beside "权        益": the numbering stays with its own column.
  expect(label('deny_third')).toBe('（三）4.保护第三方合法权益')
  // "1.信访举报投诉类" over "申        请".
  expect(label('reject_petition')).toBe('1.信访举报投诉类申请')
  expect(report.problems).toEqual([])
})
