/**
 * A PDF saved as text (`pdftotext -layout`, variant t26): labels wrapped around their values
 * and page numbers at the form feeds. The variant's cells are checked with the other variants;
 * here, what the reader and the row builder make of the layout.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { txtToDoc } from '../../src/core/text/read-txt'
import { FIXTURES } from '../helpers/paths'

it('drops the page numbers printed next to page breaks, and only those', () => {
  const text = '一、总体情况\n  本年 12 件。\n\n                 3\n\f二、主动公开政府信息情况\n5\n\n— 4 —\n\f第 5 页\n三、收到和处理政府信息公开申请情况\n'
  expect(txtToDoc(text).lines.map((l) => l.text.replace(/\f/g, '').trim())).toEqual([
    '一、总体情况',
    '本年 12 件。',
    '二、主动公开政府信息情况',
    '5', // inside a page, a bare number is content
    '三、收到和处理政府信息公开申请情况'
  ])
})

it('gives a wrapped label the lines above and below its values', async () => {
  const file = path.join(FIXTURES, 'variants', 't26-pdftotext-layout.txt')
  const report = (await parseDocument(new Uint8Array(fs.readFileSync(file)), 'txt')).report!
  const label = (key: string) => report.labels.find((l) => l.table === 't3' && l.role === 'row' && l.key === key)?.text ?? ''
  expect(label('reject_confirm').replace(/\s+/g, '')).toMatch(/5\.要求行政机关确认或重新出具已获取信息$/)
  expect(label('other_overdue').replace(/\s+/g, '')).toMatch(/1\.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请$/)
  expect(report.problems.filter((p) => p.code === 'row_extra' || p.code === 'row_missing')).toEqual([])
})
