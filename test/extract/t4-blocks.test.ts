/**
 * Table 4 set as blocks one under another, as a narrow page prints its 15 columns: 行政复议
 * (5 columns) above 行政诉讼 (10), or each of the three groups on its own. The blocks' rows in
 * order are the table's row. Before, the region ended after the first block: 14 cells were
 * lost and 行政复议's 总计 was read as the last column of 行政诉讼 (a wrong value, silently).
 * Variants p51 (ruled), p52 (borderless, labels with spaces), t53 (TXT) and t75 (TXT, one cell a
 * line: each block's row a run of value lines under its twelve header lines) are generated so;
 * here seed 001's TXT is rewritten.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import type { ExtractedReport } from '../../src/core/model/report'
import { expectedFor, SEEDS } from '../helpers/paths'
import { check } from '../helpers/rules'
import { variantReport } from '../helpers/variants'

const seed = fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8')
const expected = expectedFor(path.join(SEEDS, '001.txt'))
const HEAD = '四、政府信息公开行政复议、行政诉讼情况'
const COLS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']

/** Seed 001 with its table 4 replaced by `table` (lines). */
function withT4(table: string[]): string {
  const lines = seed.split('\n')
  const at = lines.indexOf(HEAD)
  const end = lines.findIndex((l, i) => i > at && l.startsWith('五、'))
  return [...lines.slice(0, at + 2), ...table, '', ...lines.slice(end)].join('\n')
}

async function read(text: string): Promise<ExtractedReport> {
  const parsed = await parseDocument(new TextEncoder().encode(text), 'txt')
  if (!parsed.report) throw new Error(parsed.message ?? 'no report')
  return parsed.report
}

const t4 = (r: ExtractedReport) => Object.fromEntries(Object.entries(r.cells).filter(([k]) => k.startsWith('t4.')).map(([k, c]) => [k, c.value]))
const expectedT4 = Object.fromEntries(Object.entries(expected.cells).filter(([k]) => k.startsWith('t4.')))
const row = (keys: string[]) => keys.map((k) => String(expected.cells[k])).join('\t')
const keysOf = (group: string) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `t4.${group}.${c}`)

describe('table 4 in blocks', () => {
  it('reads 行政复议 above 行政诉讼 as one row, with no problem and no finding about its shape', async () => {
    const r = await read(
      withT4([
        '行政复议',
        COLS.join('\t'),
        row(keysOf('review')),
        '',
        '行政诉讼',
        '未经复议直接起诉\t\t\t\t\t复议后起诉',
        [...COLS, ...COLS].join('\t'),
        row([...keysOf('suit_direct'), ...keysOf('suit_after_review')])
      ])
    )
    expect(t4(r)).toEqual(expectedT4)
    expect(r.problems.filter((p) => p.table === 't4')).toEqual([])
    expect(check(r).filter((f) => /^L0[67]/.test(f.rule))).toEqual([])
  })

  it('reads the three groups each on its own', async () => {
    const block = (name: string, group: string) => [name, COLS.join('\t'), row(keysOf(group)), '']
    const r = await read(withT4([...block('行政复议', 'review'), ...block('行政诉讼（未经复议直接起诉）', 'suit_direct'), ...block('行政诉讼（复议后起诉）', 'suit_after_review')]))
    expect(t4(r)).toEqual(expectedT4)
    expect(r.problems.filter((p) => p.table === 't4')).toEqual([])
  })

  it('does not take a note with numbers after the table for another block', async () => {
    const text = withT4([
      '行政复议\t\t\t\t\t行政诉讼',
      `${COLS.join('\t')}\t未经复议直接起诉\t\t\t\t\t复议后起诉`,
      `\t\t\t\t\t${[...COLS, ...COLS].join('\t')}`,
      row([...keysOf('review'), ...keysOf('suit_direct'), ...keysOf('suit_after_review')]),
      '',
      '本年度行政诉讼案件均已审结，详见下表说明。',
      '注：以上数据统计截至 12 月 31 日'
    ])
    const r = await read(text)
    expect(t4(r)).toEqual(expectedT4)
    expect(r.problems.filter((p) => p.table === 't4')).toEqual([])
  })

  it.each([
    ['with a group column', ['\t\t' + COLS.join('\t'), `行政复议\t\t${row(keysOf('review'))}`, `行政诉讼\t未经复议直接起诉\t${row(keysOf('suit_direct'))}`, `\t复议后起诉\t${row(keysOf('suit_after_review'))}`]],
    ['named in one column', ['项目\t' + COLS.join('\t'), `行政复议\t${row(keysOf('review'))}`, `行政诉讼（未经复议直接起诉）\t${row(keysOf('suit_direct'))}`, `行政诉讼（复议后起诉）\t${row(keysOf('suit_after_review'))}`]]
  ])('reads the table turned, each group a row under one header (%s), and says so once', async (_, table) => {
    const r = await read(withT4(table))
    expect(t4(r)).toEqual(expectedT4)
    expect(r.labels.filter((l) => l.table === 't4' && l.role === 'row').map((l) => l.key)).toEqual(['review', 'suit_direct', 'suit_after_review'])
    const l06 = check(r).filter((f) => /^L0[67]$|^T4-0[1-3]$/.test(f.rule))
    expect(l06.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['L06', 'info', '表四按“行政复议、行政诉讼·未经复议直接起诉、行政诉讼·复议后起诉”分行排列、共用一行表头（结果维持、结果纠正、其他结果、尚未审结、总计），与格式规定的一行 15 列排法不同；数值已按行读取，请对照原文核对']
    ])
  })

  it('reads the turned variants, a group name wrapped over two lines included, and says so once', async () => {
    // p61 (ruled) wraps 行政诉讼（未经复议直接起 | 诉） around its values; p62 is borderless.
    for (const name of ['p61-t4-turned.pdf', 'p62-t4-turned-borderless.pdf']) {
      const r = await variantReport(name)
      expect(r.problems.filter((p) => p.table === 't4'), name).toEqual([])
      expect(r.labels.filter((l) => l.table === 't4' && l.role === 'row').map((l) => l.key), name).toEqual(['review', 'suit_direct', 'suit_after_review'])
      expect(check(r).filter((f) => /^L0[67]$/.test(f.rule)).map((f) => [f.rule, f.severity]), name).toEqual([['L06', 'info']])
    }
  })

  it('reads the generated variants exactly, with every column label of both blocks', async () => {
    for (const name of ['p51-t4-blocks.pdf', 'p52-t4-blocks-borderless.pdf', 't53-space-t4-blocks.txt', 't75-cells-t4-blocks.txt']) {
      const r = await variantReport(name)
      expect(r.problems.filter((p) => p.table === 't4'), name).toEqual([])
      expect(check(r).filter((f) => /^L0[67]/.test(f.rule)), name).toEqual([])
    }
  })
})
