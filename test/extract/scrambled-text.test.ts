/**
 * A PDF saved as text without its layout (pdftotext without -layout, a viewer's "copy all")
 * lists a table's cells out of order: the rows are found, their numbers are not on their lines.
 * Each row says what it lost (L07); one finding per table says why and what to do. A column lost
 * whole (seed 000's TXT) is another defect and does not get it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { runCli } from '../helpers/cli'
import { expectedFor, FIXTURES, SEEDS, tempDir } from '../helpers/paths'
import { check } from '../helpers/rules'

const read = async (file: string) => (await parseDocument(new Uint8Array(fs.readFileSync(file)), 'txt')).report!

describe.each(['001.ruled.pdftotext.txt', '002.office.pdftotext.txt'])('%s', (name) => {
  it('says that table 3 is out of order, once, as a warning', async () => {
    const report = await read(path.join(FIXTURES, 'converted', name))
    const scrambled = report.problems.filter((p) => p.code === 'table_scrambled')
    expect(scrambled.map((p) => p.table)).toContain('t3')
    const t3 = scrambled.find((p) => p.table === 't3')!
    expect(t3.message).toMatch(/^表三（收到和处理政府信息公开申请情况）有 \d+\/\d+ 个单元格无法与行列对应：文本中表格的文字顺序可能被打乱.*建议改为导入原 PDF 文件/)
    // Most of the table is unplaced, and the finding lists those cells.
    expect(t3.keys.length * 2).toBeGreaterThanOrEqual(Object.keys(report.cells).filter((k) => k.startsWith('t3.')).length)
    const l07 = check(report).filter((f) => f.rule === 'L07' && f.message === t3.message)
    expect(l07.map((f) => f.severity)).toEqual(['warning'])
  })

  it('keeps no guessed number: every table-3 cell read is the PDF’s, the rest are empty', async () => {
    // A row with too few numbers otherwise keeps its first and last (a row that lost inner
    // cells); here they may be other rows' numbers. Before, one such cell of 001 was wrong.
    const report = await read(path.join(FIXTURES, 'converted', name))
    const expected = expectedFor(name)
    const t3 = Object.keys(expected.cells).filter((k) => k.startsWith('t3.'))
    const read_ = t3.filter((k) => report.cells[k]?.value !== null && report.cells[k]?.value !== undefined)
    expect(read_.filter((k) => report.cells[k].value !== expected.cells[k])).toEqual([])
    expect(read_.length).toBeGreaterThan(0)
    // Rows that kept none of their numbers say so.
    const dropped = report.problems.filter((p) => p.table === 't3' && p.code === 'row_value_count' && /表格的文字顺序被打乱，无法确定哪个数值属于哪一列/.test(p.message))
    expect(dropped.length).toBeGreaterThan(0)
    for (const p of dropped) expect(p.keys).toHaveLength(7)
  })
})

it('says so in the import line of the file', () => {
  const r = runCli(['ingest', path.join(FIXTURES, 'converted/001.ruled.pdftotext.txt'), '--db', path.join(tempDir('dra-scrambled-'), 'ws.sqlite')])
  expect(r.status, r.stderr).toBe(0)
  expect(r.stdout).toMatch(/\[成功\] .*001\.ruled\.pdftotext\.txt：辉县市人民政府 2023 年（2021 版格式），读出 \d+\/\d+ 个表格单元，结构问题 \d+ 处；文本中表格的文字顺序被打乱，多数单元格无法对应，建议改为导入原 PDF/)
})

it('does not say so of a text whose tables are in order, nor of one that lost a column whole', async () => {
  for (const seed of ['000.txt', '001.txt', '002.txt', '003.txt', '004.txt']) {
    const report = await read(path.join(SEEDS, seed))
    expect(report.problems.filter((p) => p.code === 'table_scrambled'), seed).toEqual([])
  }
  // 000's TXT lost four columns of table 3's outcome rows: most cells are missing, yet each row is on its line.
  const lost = (await read(path.join(SEEDS, '000.txt'))).problems.filter((p) => p.code === 'row_value_count' && p.table === 't3')
  expect(lost.length).toBeGreaterThan(15)
})

it('keeps no guessed number in table 2 out of order either', async () => {
  // 002's ruled PDF through pdftotext without -layout: 政府集中采购 stands over two numbers that
  // are no row's (its own, 34 and 3755.52, come later under their heads). It kept them before.
  const file = path.join(FIXTURES, 'converted', '002.ruled.pdftotext.txt')
  const report = await read(file)
  expect(report.problems.map((p) => p.code)).toContain('table_scrambled')
  const expected = expectedFor('002.ruled.pdftotext.txt')
  const t2 = Object.keys(expected.cells).filter((k) => k.startsWith('t2.'))
  const read_ = t2.filter((k) => report.cells[k]?.value !== null && report.cells[k]?.value !== undefined)
  expect(read_.filter((k) => report.cells[k].value !== expected.cells[k])).toEqual([])
  // Nothing of table 2 lies on its row's line here: the row that kept two numbers keeps none.
  for (const k of ['t2.procurement.items', 't2.procurement.amount']) expect(report.cells[k]).toMatchObject({ value: null, status: 'lost' })
  const procurement = report.problems.find((p) => p.table === 't2' && p.row === 'procurement')!
  expect(procurement).toMatchObject({ code: 'row_value_count', keys: ['t2.procurement.items', 't2.procurement.amount'] })
  expect(procurement.message).toMatch(/^表二“政府集中采购”行有 \d+ 个数值，而该栏目只有 2 列；表格的文字顺序被打乱，无法确定哪个数值属于哪一列，该行各单元格均记为空$/)
})
