/**
 * A count unit printed apart from its number: typed after a space (169 件), or set apart by
 * LibreOffice in a right-aligned cell. The number and its unit are one cell's value, not a
 * value and a stray label; a unit in a cell of its own, or far from the number, stays apart.
 * Every cell of the variants (o66, t67, t68) is checked with the others in variants.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { txtToDoc } from '../../src/core/text/read-txt'
import { check } from '../helpers/rules'
import { variantReport } from '../helpers/variants'

describe.each(['o66-office-units-apart.pdf', 't67-space-units-typed-apart.txt', 't68-tab-units-typed-apart.txt'])('%s', (name) => {
  it('reads each count with its unit apart as one value, the unit kept in the raw text and the source span', async () => {
    const report = await variantReport(name)
    const t3 = Object.entries(report.cells).filter(([k]) => k.startsWith('t3.'))
    expect(t3.length).toBe(175)
    for (const [key, cell] of t3) {
      expect(cell.value, key).not.toBeNull()
      expect(cell.raw, key).toMatch(/^[\d,]+ 件$/)
    }
    // The span covers the unit: for a PDF its box reaches past the digits, for a TXT its range.
    const cell = report.cells['t3.total.total']
    if (cell.source?.kind === 'txt') expect(cell.source.end - cell.source.start).toBe(cell.raw!.length)
    else if (cell.source?.kind === 'pdf') expect(cell.source.box[2] - cell.source.box[0]).toBeGreaterThan(String(cell.value).length * 4 + 8)
    else throw new Error(`t3.total.total has no source: ${JSON.stringify(cell)}`)
    // No row lost its values, none holds a stray 件.
    expect(report.problems.filter((p) => p.code.startsWith('row_') || p.code === 'table_missing')).toEqual([])
    expect(check(report).filter((f) => f.rule.startsWith('L'))).toEqual([])
  })
})

describe('a unit word in TXT', () => {
  const words = (line: string) => txtToDoc(line).lines[0].words.map((w) => w.text)

  it('joins its number one or two spaces before it, in the same cell', () => {
    expect(words('一、本年新收政府信息公开申请数量\t169 件\t47  件')).toEqual(['一、本年新收政府信息公开申请数量', '169件', '47件'])
    expect(words('二、上年结转政府信息公开申请数量  2,295 件  196 件')).toEqual(['二、上年结转政府信息公开申请数量', '2,295件', '196件'])
  })

  it('stays apart in a cell of its own, far from the number, or after a word that is not a number', () => {
    expect(words('合计\t169\t件')).toEqual(['合计', '169', '件'])
    expect(words('合计  169    件')).toEqual(['合计', '169', '件'])
    expect(words('共收到 申请 件')).toEqual(['共收到', '申请', '件'])
    expect(words('行政规范性文 件')).toEqual(['行政规范性文', '件'])
  })
})

// Size in points; how tall a wrapped value's box may be, in ems (its two lines, a line apart);
// the row a page break cut between its numbers and their units (on the next page's first line).
describe.each([
  ['p70-units-wrapped.pdf', 12, 3.4, null],
  ['g72-generator-units-wrapped.pdf', 11, 3.4, null],
  // A line is 3.2 em (LibreOffice at 220 %); LibreOffice breaks （七）总计's row across pages.
  ['o77-office-units-wrapped-wide-spacing.pdf', 14, 4.6, 't3.total.']
])('%s: a unit wrapped under its number', (name, size, tallest, cut) => {
  it('joins the unit to its number, on its row’s line, its box over both lines', async () => {
    const report = await variantReport(name)
    const counts = Object.entries(report.cells).filter(([k, c]) => /^t[34]\./.test(k) && c.status === 'ok')
    expect(counts.length).toBeGreaterThan(180)
    for (const [key, cell] of counts) expect(cell.raw, key).toMatch(cut && key.startsWith(cut) ? /^[\d,]+ ?件?$/ : /^[\d,]+ ?件$/)
    // The wrapped ones: boxes over the number's line and the unit's, not more.
    const height = (c: (typeof counts)[number][1]) => (c.source?.kind === 'pdf' ? c.source.box[3] - c.source.box[1] : 0)
    const tall = counts.filter(([, c]) => height(c) > 1.6 * size)
    expect(tall.length).toBeGreaterThan(0)
    for (const [key, cell] of tall) expect(height(cell), key).toBeLessThan(tallest * size)
    expect(report.problems.filter((p) => p.code !== 'cell_blank')).toEqual([])
  })
})

it('leaves a unit’s glyph inside a spread head to the head, though it stands under a number (p84)', async () => {
  // 上 一 年 项 目 数 量 spread over its cell, three lines under “规范性文件 3 …” of the block above,
  // nothing between them in 项's column: 项 is the head's glyph, not 3's wrapped unit.
  const report = await variantReport('p84-2019-spread-heads-units.pdf')
  const heads = report.labels.filter((l) => l.table === 't2' && l.role === 'column' && l.key === 'prev_items').map((l) => l.text)
  expect(heads).toEqual(['上一年项目数量', '上一年项目数量', '上一年项目数量'])
  for (const [key, cell] of Object.entries(report.cells)) if (key.startsWith('t2.')) expect(cell.raw ?? '', key).not.toMatch(/项/)
  expect(check(report).filter((f) => f.rule.startsWith('L'))).toEqual([])
})
