/**
 * A TXT copied from a paginated report (a PDF viewer's text, a Word document saved as text):
 * where table 3 went on to the next page, its header is printed again, under 续表 or 表三（续）
 * or alone, and the page number stands between two rows ("— 3 —", "第 3 页 共 6 页") with no
 * form feed to mark the break. Neither is a row: every cell and every finding is the report's
 * without them (before: a header read as an unmatched row, L07, and a page number read as
 * values of the row above, five cells lost).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import type { ExtractedReport } from '../../src/core/model/report'
import { SEEDS } from '../helpers/paths'
import { check } from '../helpers/rules'

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
