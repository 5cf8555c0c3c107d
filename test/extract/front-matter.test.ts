/**
 * What comes before a report: a red letterhead with a covering notice (variant p44), a cover
 * page and a table of contents (variant p45, and a TXT copy with one). The report's own title
 * gives agency and year, and the contents' entries ("一、总体情况……1") are not its sections:
 * read as headings, each section would be reported twice (S02) and misnamed (S03).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import type { ExtractedReport } from '../../src/core/model/report'
import { SEEDS } from '../helpers/paths'
import { check } from '../helpers/rules'
import { variantReport } from '../helpers/variants'

const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项'
]

function expectPlainStructure(report: ExtractedReport): void {
  expect(report.sections.map((s) => s.heading.replace(/\s+/g, ''))).toEqual(HEADINGS)
  expect(report.problems).toEqual([])
  expect(check(report).filter((f) => /^S0[1-4]$/.test(f.rule) || f.rule.startsWith('Y') || f.rule.startsWith('L'))).toEqual([])
}

describe('front matter before the report', () => {
  it('a letterhead and covering notice (p44): the report is titled by its own title', async () => {
    const report = await variantReport('p44-letterhead-notice.pdf')
    expect(report.title).toBe('南漳县人民政府2023年政府信息公开工作年度报告')
    expect(report.titleSource?.kind === 'pdf' && report.titleSource.page).toBe(2)
    expectPlainStructure(report)
  })

  it('a cover page and a table of contents with dot leaders (p45)', async () => {
    const report = await variantReport('p45-cover-toc.pdf')
    expect(report).toMatchObject({ agency: '十堰市张湾区住房和城乡建设局', year: 2024 })
    // The sections start after the contents page: on page 3, where the report's text is.
    expect(report.sections.every((s) => s.headingSource?.kind === 'pdf' && s.headingSource.page >= 3)).toBe(true)
    expectPlainStructure(report)
  })

  it('a table of contents in a TXT, entries with leaders or a gap before the page', async () => {
    const seed = fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8')
    const toc = ['目  录', '一、总体情况……………………1', '二、主动公开政府信息情况 ........ 2', '三、收到和处理政府信息公开申请情况\t3', '四、政府信息公开行政复议、行政诉讼情况 5', '五、存在的主要问题及改进情况·····6', '六、其他需要报告的事项……7']
    const withToc = await parseDocument(new TextEncoder().encode(['辉县市人民政府', '2023年政府信息公开工作年度报告', ...toc, '', seed].join('\n')), 'txt')
    const plain = await parseDocument(new TextEncoder().encode(seed), 'txt')
    const sections = (r: ExtractedReport) => r.sections.map((s) => [s.index, s.heading, s.text.length])
    expect(sections(withToc.report!)).toEqual(sections(plain.report!))
    const rules = (r: ExtractedReport) => check(r).map((f) => `${f.rule} ${f.message}`)
    expect(rules(withToc.report!)).toEqual(rules(plain.report!))
  })
})
