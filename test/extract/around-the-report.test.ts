/**
 * What comes before and after a report: a red letterhead with a covering notice (variants p44,
 * and p73, whose notice title wraps inside the quoted report name),
 * a cover page and a table of contents (variant p45, and a TXT copy with one), the tables moved
 * to an appendix after the sign-off (variant p46, and a TXT copy). The report's own title gives
 * agency and year; the contents' entries ("一、总体情况……1") and the appendix's captions
 * ("一、主动公开政府信息情况") are not its sections: read as headings, each section would be
 * reported twice (S02) and misnamed (S03). Tables in an appendix are read, and S11 says where they are.
 * A table of the office's own after table 2 or 3 (variant p47, and TXT copies) is not read as
 * more rows of the official table: its rows would each be an L07 error.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { SECTION_TITLES } from '../../src/core/model/keys'
import type { ExtractedReport } from '../../src/core/model/report'
import { SEEDS } from '../helpers/paths'
import { check } from '../helpers/rules'
import { variantReport } from '../helpers/variants'

const HEADINGS = [...SECTION_TITLES]

function expectPlainStructure(report: ExtractedReport, problems: string[] = []): void {
  expect(report.sections.map((s) => s.heading.replace(/\s+/g, ''))).toEqual(HEADINGS)
  expect(report.problems.map((p) => p.code)).toEqual(problems)
  expect(check(report).filter((f) => /^S0[1-4]$/.test(f.rule) || f.rule.startsWith('Y') || f.rule.startsWith('L'))).toEqual([])
}

/** Seed 001 (TXT) with its three tables cut out of sections 二、三、四 and put after 六 under 附表. */
function withAppendix(seed: string): string {
  const lines = seed.split('\n')
  const caption = (i: number) => lines.findIndex((l, n) => n > i && /^(第二十条|\(本列数据|行政复议\t)/.test(l))
  // Each table runs from its first caption line to the blank lines before the next section.
  const at = (heading: string) => lines.findIndex((l) => l.startsWith(heading))
  const blocks: Array<[number, number]> = []
  for (const [here, next] of [HEADINGS.slice(1, 3), HEADINGS.slice(2, 4), HEADINGS.slice(3, 5)]) {
    const start = caption(at(here))
    let end = at(next)
    while (lines[end - 1] === '') end--
    blocks.push([start, end])
  }
  const inTable = (n: number) => blocks.some(([a, b]) => n >= a && n < b)
  const names = ['一、主动公开政府信息情况', '二、收到和处理政府信息公开申请情况', '三、政府信息公开行政复议、行政诉讼情况']
  return [...lines.filter((_, n) => !inTable(n)), '附表：', ...blocks.flatMap(([a, b], k) => [names[k], ...lines.slice(a, b)])].join('\n')
}

describe('front matter before the report', () => {
  it('a letterhead and covering notice (p44): the report is titled by its own title', async () => {
    const report = await variantReport('p44-letterhead-notice.pdf')
    expect(report.title).toBe('南漳县人民政府2023年政府信息公开工作年度报告')
    expect(report.titleSource?.kind === 'pdf' && report.titleSource.page).toBe(2)
    expectPlainStructure(report)
  })

  it('p73: the notice’s title wrapped inside the quoted name (《上饶市信州区 / 卫生健康委员会…》) does not name the agency', async () => {
    const report = await variantReport('p73-letterhead-quote-wrapped.pdf')
    expect(report.agency).toBe('上饶市信州区卫生健康委员会')
    expect(report.title).toBe('上饶市信州区卫生健康委员会2024年政府信息公开工作年度报告')
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

describe('tables in an appendix after the report', () => {
  const s11 = (r: ExtractedReport) => check(r).filter((f) => f.rule === 'S11').map((f) => f.message)
  const inAppendix = ['表二', '表三', '表四'].map((t, i) => `${t}放在报告正文之后的附件（附表）中，应在第${'二三四'[i]}部分按表格形式填报`)

  it('p46: the tables are read; S11 says they are in the appendix; the captions are no sections', async () => {
    const report = await variantReport('p46-appendix-tables.pdf')
    expectPlainStructure(report, ['table_appendix', 'table_appendix', 'table_appendix'])
    expect(s11(report)).toEqual(inAppendix)
    // Section 六 ends where the appendix begins.
    expect(report.sections[5].text).not.toContain('附表')
  })

  it('the same in a TXT: every cell as in the report with its tables in place', async () => {
    const seed = fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8')
    const moved = withAppendix(seed)
    expect(moved).not.toEqual(seed)
    const [appendix, plain] = await Promise.all([moved, seed].map((t) => parseDocument(new TextEncoder().encode(t), 'txt')))
    const values = (r: ExtractedReport) => Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value]))
    expect(values(appendix.report!)).toEqual(values(plain.report!))
    expect(s11(appendix.report!)).toEqual(inAppendix)
    expect(appendix.report!.sections.map((x) => x.heading)).toEqual(plain.report!.sections.map((x) => x.heading))
    expect(appendix.report!.sections[5].text).toBe(plain.report!.sections[5].text)
    // Nothing else changes: the findings are the plain report's, S11 aside.
    const rules = (r: ExtractedReport) => check(r).filter((f) => f.rule !== 'S11').map((f) => `${f.rule} ${f.message}`)
    expect(rules(appendix.report!)).toEqual(rules(plain.report!))
  })
})

describe("a table of the office's own after an official one", () => {
  // p82: table 2's last row name wraps (行政事业性收 / 费) just above the office's table.
  it.each(['p47-own-tables.pdf', 'p82-own-tables-fee-wrapped.pdf'])('%s: no row of the own tables is read into table 2 or 3; their text stays in the sections', async (name) => {
    const report = await variantReport(name)
    expectPlainStructure(report)
    expect(check(report).filter((f) => f.rule === 'L07')).toEqual([])
    expect(report.sections[1].text).toContain('本机关主动公开信息分类统计')
    expect(report.sections[2].text).toContain('依申请公开申请方式统计')
  })

  it.each([
    ['after table 2', HEADINGS[2], '2023年主动公开信息统计\n类别\t条数\n政策文件\t56\n规划计划\t12'],
    ['after table 3, under a note', HEADINGS[3], '注：本表统计口径为本机关。\n依申请公开办理情况补充统计\n项目\t件数\n当面申请\t12\n网上申请\t109\n信函申请\t0']
  ])('in a TXT, %s', async (_where, before, table) => {
    const seed = fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8')
    const [own, plain] = await Promise.all([seed.replace(before, `${table}\n\n${before}`), seed].map((t) => parseDocument(new TextEncoder().encode(t), 'txt')))
    const values = (r: ExtractedReport) => Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value]))
    expect(values(own.report!)).toEqual(values(plain.report!))
    const rules = (r: ExtractedReport) => check(r).map((f) => `${f.rule} ${f.message}`)
    expect(rules(own.report!)).toEqual(rules(plain.report!))
  })
})
