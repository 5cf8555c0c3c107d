/**
 * A web table copied or saved as text with one cell per line.
 *
 * Variant t15: table 3's header comes as one name per line above the first row. Its last
 * column, 其他, also reads as a row label (（六）其他处理 3.其他), but nothing stands above
 * 一、本年新收: it is the header's, named as the column it heads, and no extra row is reported.
 * The cells are checked with the other variants.
 *
 * The seed texts, their tables rewritten one cell per line the ways web pages come out as text:
 * cells on lines of their own (empty cells dropped, as a copy drops them), a blank line between
 * cells, or each cell after the first opened by a pipe with a lone pipe closing the row (as
 * tools that strip a page's tags save it). The seeds' labels hold spaces ("(二) 部分公开 (区分处理
 * 的, …)", "1. 属于国家秘密"), which text laid out by position also has, with other meanings.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import type { ExtractedReport } from '../../src/core/model/report'
import { expectedFor, SEED_IDS, SEEDS } from '../helpers/paths'
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

const FORMS: Record<string, (cells: string[]) => string> = {
  'a cell per line': (cells) => cells.map((c) => c.trim()).filter(Boolean).join('\n'),
  'a blank line between cells': (cells) => cells.map((c) => c.trim() || '\u00a0').join('\n\n'),
  'cells opened by a pipe': (cells) => cells.map((c, i) => (i ? `| ${c.trim()}` : c.trim())).join('\n') + '\n|'
}

/** The seed's text with every tab-separated line written out one cell per line. */
function rewrite(seed: string, form: (cells: string[]) => string): string {
  const text = fs.readFileSync(path.join(SEEDS, `${seed}.txt`), 'utf8')
  return text
    .split('\n')
    .map((line) => (line.includes('\t') ? form(line.split('\t')) : line))
    .join('\n')
}

const read = async (text: string) => (await parseDocument(new TextEncoder().encode(text), 'txt')).report as ExtractedReport
const findings = (r: ExtractedReport) => check(r).map((f) => `${f.rule} ${f.message}`)

describe.each(Object.keys(FORMS))('seed texts with %s', (formName) => {
  it.each(SEED_IDS)('%s: every cell exact, read from its own place in the file, with the findings of the tabbed text', async (seed) => {
    const text = rewrite(seed, FORMS[formName])
    const report = await read(text)
    const expected = expectedFor(`${seed}.txt`)
    expect([report.agency, report.year, report.template]).toEqual([expected.agency, expected.year, expected.template])
    const values = Object.fromEntries(Object.keys(expected.cells).map((k) => [k, report.cells[k]?.value ?? null]))
    expect(values).toEqual(expected.cells)
    expect(Object.keys(report.cells).sort()).toEqual(Object.keys(expected.cells).sort())
    for (const cell of Object.values(report.cells)) {
      // A lost cell points at its row; a read one at its own characters.
      if (cell.source?.kind !== 'txt' || cell.value === null) continue
      expect(text.slice(cell.source.start, cell.source.end), cell.key).toBe(cell.raw)
    }
    // Nothing is said that the tabbed text does not say, and nothing lost but 004's shifted
    // header (its tabs put 商业企业 under 自然人; one name per line has no columns to shift).
    const tabbed = findings(await read(fs.readFileSync(path.join(SEEDS, `${seed}.txt`), 'utf8')))
    const got = findings(report)
    expect(got.filter((f) => !tabbed.includes(f))).toEqual([])
    expect(tabbed.filter((f) => !got.includes(f))).toEqual(seed === '004' ? [expect.stringMatching(/^L09 表三表头错位/)] : [])
  })
})
