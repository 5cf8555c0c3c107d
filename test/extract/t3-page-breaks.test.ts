/**
 * Table 3 over a page break. In a TXT copied from a paginated report (a PDF viewer's text, a
 * Word document saved as text) its header is printed again, under 续表 or 表三（续） or alone, and
 * the page number stands between two rows ("— 3 —", "第 3 页 共 6 页") with no form feed to mark
 * the break. Neither is a row: every cell and every finding is the report's without them
 * (before: a header read as an unmatched row, L07, and a page number read as values of the row
 * above, five cells lost). In a PDF (variants p04 and p19 repeat the header, p50 cuts the table
 * by hand under 续表 and leaves the cut group cells blank), the caption and the repeated note's
 * wrapped tail (…之和）) are no part of the last row's label on the page before. In o69 (cut by
 * LibreOffice, ruled) the group's （三） stands a few points left of the last glyph of a leaf name
 * wrapped over three lines (开): it is read as the group's, not as the numbering of 开.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import type { ExtractedReport } from '../../src/core/model/report'
import { SEEDS } from '../helpers/paths'
import { check } from '../helpers/rules'
import { expectWholeT3Labels } from '../helpers/labels'
import { variantReport } from '../helpers/variants'

const seed = fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8')
const lines = seed.split('\n')
const header = lines.slice(lines.findIndex((l) => l.startsWith('(本列数据')), lines.findIndex((l) => l.startsWith('一、本年新收')))
const breakAfter = lines.findIndex((l) => l.includes('4. 保护第三方合法权益'))

async function read(text: string): Promise<ExtractedReport> {
  const parsed = await parseDocument(new TextEncoder().encode(text), 'txt')
  if (!parsed.report) throw new Error(parsed.message ?? 'no report')
  return parsed.report
}

const values = (r: ExtractedReport) => Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value]))
const findings = (r: ExtractedReport) => check(r).map((f) => `${f.rule} ${f.message}`)

describe('table 3 over a page break, in a TXT', () => {
  it('has the header this test repeats', () => {
    expect(header).toHaveLength(3)
    expect(breakAfter).toBeGreaterThan(0)
  })

  it.each([
    ['the header again', header],
    ['续表 and the header', ['续表', ...header]],
    ['表三（续） and the header', ['表三（续）', ...header]],
    ['a page number, 续表 and the header', ['— 3 —', '续表', ...header]],
    ['a page number alone', ['第 3 页 共 6 页']],
    ['a page number in dashes alone', ['- 3 -']]
  ])('%s', async (_what, inserted) => {
    const broken = [...lines.slice(0, breakAfter + 1), ...inserted, ...lines.slice(breakAfter + 1)].join('\n')
    const [got, plain] = await Promise.all([read(broken), read(seed)])
    expect(values(got)).toEqual(values(plain))
    expect(findings(got)).toEqual(findings(plain))
    expect(got.problems).toEqual(plain.problems)
  })
})

describe('table 3 over a page break, in a PDF', () => {
  it.each(['p04-t3-split-thead.pdf', 'p50-t3-continued.pdf', 'o69-office-group-beside-leaf.pdf'])('%s: every row keeps its own label, nothing of the header', async (name) => {
    const report = await variantReport(name)
    const rows = expectWholeT3Labels(report)
    for (const l of rows) expect(l.text, l.key!).not.toMatch(/续表|之和|和）$/)
    expect(check(report).filter((f) => f.rule.startsWith('L') || f.rule.startsWith('S'))).toEqual([])
  })

  it('p19 (2019 format, header repeated): the note\'s tail is not read into a row label', async () => {
    const report = await variantReport('p19-2019-pageof.pdf')
    const rows = report.labels.filter((l) => l.table === 't3' && l.role === 'row')
    expect(rows.filter((l) => /和）$/.test(l.text))).toEqual([])
  })
})
