/**
 * A web table copied as text with one cell per line (variant t15): table 3's header comes as
 * one name per line above the first row. Its last column, 其他, also reads as a row label
 * (（六）其他处理 3.其他), but nothing stands above 一、本年新收: it is the header's, named as the
 * column it heads, and no extra row is reported. The cells are checked with the other variants.
 */
import { expect, it } from 'vitest'
import { check } from '../helpers/rules'
import { variantReport } from '../helpers/variants'

it('reads a header given one cell per line as named columns, with no extra row', async () => {
  const report = await variantReport('t15-cells-utf16.txt')
  const columns = report.labels.filter((l) => l.table === 't3' && l.role === 'column' && l.key).map((l) => [l.key, l.text])
  expect(columns).toEqual([
    ['natural', '自然人'],
    ['total', '总计'],
    ['commercial', '商业企业'],
    ['research', '科研机构'],
    ['social', '社会公益组织'],
    ['legal', '法律服务机构'],
    ['other_org', '其他']
  ])
  expect(report.labels.find((l) => l.table === 't3' && l.role === 'note')?.text).toMatch(/^（本列数据的勾稽关系为/)
  expect(report.labels.find((l) => l.table === 't3' && l.role === 'row' && l.key === 'new')?.text).toBe('一、本年新收政府信息公开申请数量')
  expect(report.problems.map((p) => p.code)).toEqual(['cell_blank'])
  expect(check(report).filter((f) => f.rule === 'L07')).toEqual([])
})
