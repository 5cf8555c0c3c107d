/**
 * A PDF saved as text (`pdftotext -layout`, variant t26): labels wrapped around their values
 * and page numbers at the form feeds. The variant's cells are checked with the other variants;
 * here, what the reader and the row builder make of the layout.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { labelText, type LabelPiece } from '../../src/core/extract/tables/rows'
import { txtToDoc } from '../../src/core/text/read-txt'
import { FIXTURES, type Expected } from '../helpers/paths'
import { check } from '../helpers/rules'

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

it('reads the group label column beside the row labels apart from them, as in a PDF', async () => {
  // "本年 （二）部分公开（区分处理" over "度办 的，只计这一情形，不计其": the group label
  // 本年度办理结果 runs down its own column; read line by line, its pieces fell inside the
  // row labels and the label check reported three reworded rows.
  const file = path.join(FIXTURES, 'variants', 't26-pdftotext-layout.txt')
  const report = (await parseDocument(new Uint8Array(fs.readFileSync(file)), 'txt')).report!
  const label = (key: string) => report.labels.find((l) => l.table === 't3' && l.role === 'row' && l.key === key)?.text.replace(/\s+/g, '') ?? ''
  expect(label('partial')).toBe('本年度办（二）部分公开（区分处理的，只计这一情形，不计其他情形）')
  expect(label('unable_create')).toBe('（四）无法提供2.没有现成信息需要另行制作')
  expect(label('other_fee')).toBe('（六）其他处理2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请')
  expect(check(report).filter((f) => f.rule === 'L04')).toEqual([])
  // A header line holding several heads is one label, named after none of them.
  const heads = report.labels.filter((l) => (l.table === 't3' || l.table === 't4') && l.role === 'column' && /\S\s+\S/.test(l.text.trim()))
  expect(heads.length).toBeGreaterThanOrEqual(4)
  expect(heads.map((l) => l.key)).toEqual(heads.map(() => null))
})

it('keeps a numbering with the words after it when the label wraps under the numbering', () => {
  // "  （三）  1. 属于国家秘" over "  不予公  密": 密 stands under "1.", not under 属于.
  const piece = (text: string, line: number, col: number): LabelPiece => ({ text, raw: text, col, source: { kind: 'txt', start: line * 40 + col, end: line * 40 + col + text.length } })
  const pieces = [piece('（三）', 0, 2), piece('1.', 0, 8), piece('属于国家秘', 0, 11), piece('不予公', 1, 2), piece('密', 1, 8)]
  expect(labelText({ pieces })).toBe('（三）不予公1.属于国家秘密')
  // Without columns (tab-separated cells), pieces read in file order.
  expect(labelText({ pieces: pieces.map(({ col: _, ...p }) => p) })).toBe('（三）1.属于国家秘不予公密')
})

it('reads a head with a space inside its brackets as one head (本年收费金额(单位: 万元))', async () => {
  // Seed 004 with its tabs turned into spaces, as some editors save a copied table.
  const seed = fs.readFileSync(path.join(FIXTURES, 'seeds', '004.txt'), 'utf8')
  expect(seed).toContain('本年收费金额(单位: 万元)')
  const report = (await parseDocument(new TextEncoder().encode(seed.replace(/\t/g, '    ')), 'txt')).report!
  const heads = report.labels.filter((l) => l.table === 't2' && l.role === 'column')
  expect(heads.filter((l) => l.key === null)).toEqual([])
  expect(heads.find((l) => l.key === 'amount')?.text.replace(/\s+/g, '')).toBe('本年收费金额(单位:万元)')
  expect(check(report).filter((f) => f.rule === 'L01')).toEqual([])
})

/**
 * `pdftotext -layout` of variants (test/fixtures/converted): labels wrapped over up to nine
 * lines around their values in narrow columns, "2. 其他法律行政" (a row's numbering, a space, its
 * words) under a row, table 2's heads wrapped above and below their 信息内容 line with filling
 * notes (湖北), a page break's form feed before a label, a tall row's values on two lines
 * ("2.没有现成信息 38 14 4 11 8" over "需要另行制作   5 80"). Every cell is the PDF's.
 */
describe.each(['p63-t2-notes', 'o10-office-2019', 'p59-captions-borderless', 'p44-letterhead-notice', 'p51-t4-blocks', 'p52-t4-blocks-borderless', 'g57-generator-glyphs-borderless'])('%s saved with pdftotext -layout', (name) => {
  it('extracts every cell of the PDF, with whole labels and heads', async () => {
    const file = path.join(FIXTURES, 'converted', `${name}.layout.txt`)
    const report = (await parseDocument(new Uint8Array(fs.readFileSync(file)), 'txt')).report!
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'variants', `${name}.expected.json`), 'utf8')) as Expected
    expect(Object.fromEntries(Object.keys(expected.cells).map((k) => [k, report.cells[k]?.value ?? null]))).toEqual(expected.cells)
    expect(report.problems.filter((p) => ['row_extra', 'row_missing', 'row_value_count', 'row_extra_cells'].includes(p.code))).toEqual([])
    // The labels and heads the label rules compare read as the format's (filling notes aside).
    expect(check(report).filter((f) => ['L01', 'L02', 'L04', 'L05', 'L06'].includes(f.rule)).map((f) => f.message)).toEqual([])
  })
})

/**
 * Layout text whose labels come apart, every cell read all the same:
 * - distributed labels (分散对齐): pdftotext sets a wrapped name's last characters apart, some on
 *   the next row's line (“3.要求提供公开出” … “版” … “物”); a row is known by the opening of its name;
 * - p55: the first row's name wrapped over two lines of its own above its values (“一、本年新收政府信”
 *   / “息公开申请数量”), not taken for the header's.
 * Their names and heads come apart, but every glyph stays in the table: L04 does not call a row
 * name reworded, nor L01 a head unknown (p27's heads one glyph a word, p55's unit apart from its head).
 */
it.each(['p22-distributed-labels', 'p27-distributed-heads', 'p55-truetype-borderless'])('%s saved with pdftotext -layout: every cell of the PDF', async (name) => {
  const file = path.join(FIXTURES, 'converted', `${name}.layout.txt`)
  const report = (await parseDocument(new Uint8Array(fs.readFileSync(file)), 'txt')).report!
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'variants', `${name}.expected.json`), 'utf8')) as Expected
  expect(Object.fromEntries(Object.keys(expected.cells).map((k) => [k, report.cells[k]?.value ?? null]))).toEqual(expected.cells)
  expect(report.problems.filter((p) => ['row_extra', 'row_missing', 'row_value_count', 'row_extra_cells'].includes(p.code))).toEqual([])
  expect(check(report).filter((f) => f.rule === 'L01' || f.rule === 'L04').map((f) => f.message)).toEqual([])
})

it('reads table 2 of the 湖北-style variant in layout text as in its PDF', async () => {
  const file = path.join(FIXTURES, 'converted', 'p63-t2-notes.layout.txt')
  const report = (await parseDocument(new Uint8Array(fs.readFileSync(file)), 'txt')).report!
  const t2 = (role: string) => report.labels.filter((l) => l.table === 't2' && l.role === role).map((l) => l.text.replace(/\s+/g, ''))
  expect(t2('column').slice(3, 6)).toEqual(['上一年项目数量（指2019年事项数）', '本年增/减（指2020年增加或减少的事项数，减少的用负数表示，如-8）', '处理决定数量（指2020年办件量）'])
  expect(t2('row')).toContain('其他对外管理服务事项（指行政许可以外的政务服务事项，含行政确认、行政奖励、行政给付、行政处罚、行政强制等）')
  expect(t2('row')).toContain('行政事业性收费')
  expect(check(report).filter((f) => f.rule === 'V06').map((f) => f.message)).toEqual([
    expect.stringMatching(/^表二增加了地方扩展行/),
    expect.stringMatching(/^表二有 12 个行标签或表头附有地方格式的填报说明/)
  ])
})

it('guesses no cell of a table-4 row that lost a whole block of values', async () => {
  // p51 prints table 4 as two blocks; without the second block's values, the first block's
  // five say nothing of which five cells they are (they were once read as 行政复议·结果维持 …
  // 复议后起诉·总计).
  const text = fs.readFileSync(path.join(FIXTURES, 'converted', 'p51-t4-blocks.layout.txt'), 'utf8')
  const second = /\n *4 +5 +6 +5 +20 +0 +0 +0 +0 +0\n/
  expect(text).toMatch(second)
  const report = (await parseDocument(new TextEncoder().encode(text.replace(second, '\n')), 'txt')).report!
  const t4 = Object.values(report.cells).filter((c) => c.key.startsWith('t4.'))
  expect(t4).toHaveLength(15)
  expect(t4.filter((c) => c.value !== null).map((c) => c.key)).toEqual([])
  expect(report.problems.filter((p) => p.table === 't4').map((p) => [p.code, p.message])).toEqual([['row_value_count', '表四数据行有 5 个数值，应为 15 个']])
})

it("reads a short row of layout text by the columns its values end in: a gap is a blank cell, not a lost one", async () => {
  // 000's PDFs leave 其他 blank in table 3's result rows (0 0 0 0 0 _ 0); the layout text keeps
  // the gap, and rows printed under one another end their values in the same columns.
  const file = path.join(FIXTURES, 'converted', '000.ruled.layout.txt')
  const text = fs.readFileSync(file, 'utf8')
  expect(text).toMatch(/1\.属于国家秘密 +0 {3}0 {3}0 {3}0 {3}0 {5}0\n/)
  const report = (await parseDocument(new Uint8Array(fs.readFileSync(file)), 'txt')).report!
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seeds', '000.pdf.expected.json'), 'utf8')) as Expected
  expect(Object.fromEntries(Object.keys(expected.cells).map((k) => [k, report.cells[k]?.value ?? null]))).toEqual(expected.cells)
  expect(report.cells['t3.deny_secret.other_org']).toMatchObject({ value: null, status: 'blank' })
  expect(report.cells['t3.deny_secret.legal']).toMatchObject({ value: 0, raw: '0' })
  expect(report.problems.filter((p) => p.code === 'row_value_count')).toEqual([])
  // A row whose values do not end where a complete row's do says nothing of where its gap is.
  const moved = text.replace(/(1\.属于国家秘密 +0 {3}0 {3}0 {3}0 {3}0) {5}0\n/, '$1    0\n')
  expect(moved).not.toBe(text)
  const off = (await parseDocument(new TextEncoder().encode(moved), 'txt')).report!
  expect(off.problems.filter((p) => p.code === 'row_value_count').map((p) => p.row)).toEqual(['deny_secret'])
  expect(off.cells['t3.deny_secret.other_org']).toMatchObject({ value: null, status: 'lost' })
})

it('starts a row at a numbering spread a glyph a word, and gives the lines before it to the row above', async () => {
  // "新 出 具 已 获 取 信 息" over "（ 六 ）  其 他 处 理  16 0 6 …" (variant t78, labels 分散对齐):
  // the numbering is three words, and the line above it is the tail of 5.要求行政机关确认或重.
  const file = path.join(FIXTURES, 'variants', 't78-pdftotext-spread-2019.txt')
  const report = (await parseDocument(new Uint8Array(fs.readFileSync(file)), 'txt')).report!
  const label = (key: string) => report.labels.find((l) => l.table === 't3' && l.role === 'row' && l.key === key)?.text.replace(/\s+/g, '') ?? ''
  expect(label('other')).toBe('（六）其他处理')
  expect(label('reject_confirm')).toMatch(/5\.要求行政机关确认或重新出具已获取信息$/)
  expect(report.cells['t3.other.total']).toMatchObject({ value: 36, status: 'ok' })
  expect(report.problems.filter((p) => p.code === 'row_extra' || p.code === 'row_missing')).toEqual([])
})

it('reads the heads wrapped around a spread 信息内容 as its header, not as the row under it (t78)', async () => {
  // “采购总金额（单位：” over “信 息 内 容 采 购 项 目 数 量” over “万 元 ）” over the row 政府集中采购.
  const file = path.join(FIXTURES, 'variants', 't78-pdftotext-spread-2019.txt')
  const report = (await parseDocument(new Uint8Array(fs.readFileSync(file)), 'txt')).report!
  const t2 = (role: string, key: string) => report.labels.find((l) => l.table === 't2' && l.role === role && l.key === key)?.text.replace(/\s+/g, '')
  expect(t2('column', 'amount')).toBe('采购总金额（单位：万元）')
  expect(t2('row', 'procurement')).toBe('政府集中采购')
  expect(check(report).filter((f) => f.rule === 'L01' || f.rule === 'L02')).toEqual([])
})

it('starts no row at a group heading on a line of its own among its rows’ names (t85)', async () => {
  // “2.求缴纳费用、行政机关不再处” / “申请人逾期未按收费通知要” / “（六）其他” / “理其政府信息公开申请 13 5 …”:
  // the heading, set low in its cell, named no row, and the name above it became a blank row.
  const file = path.join(FIXTURES, 'variants', 't85-pdftotext-bottom-heading.txt')
  const report = (await parseDocument(new Uint8Array(fs.readFileSync(file)), 'txt')).report!
  expect(report.cells['t3.other_fee.total']).toMatchObject({ value: 32, status: 'ok' })
  expect(report.problems.filter((p) => p.code === 'row_extra' || p.code === 'row_missing')).toEqual([])
  expect(check(report).filter((f) => f.rule === 'L07')).toEqual([])
})
