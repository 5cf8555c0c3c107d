/**
 * A report converted to Markdown (variant t24): "#" title, "## **一、…**" headings and pipe tables
 * read like the plain text they mark up, and every value's character range still points into
 * the file as it is. Its cells are checked with the other variants.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { SECTION_TITLES } from '../../src/core/model/keys'
import { txtToDoc } from '../../src/core/text/read-txt'
import { FIXTURES } from '../helpers/paths'

it('reads the title, headings and pipe tables of a Markdown report, with ranges into the file', async () => {
  const file = path.join(FIXTURES, 'variants', 't24-markdown.txt')
  const text = fs.readFileSync(file, 'utf8')
  const parsed = await parseDocument(new Uint8Array(fs.readFileSync(file)), 'txt')
  const report = parsed.report!
  expect(report.title).toBe('绵阳市涪城区教育和体育局2023年政府信息公开工作年度报告')
  expect(report.sections.map((s) => s.heading)).toEqual([...SECTION_TITLES])
  expect(report.problems.filter((p) => p.code !== 'cell_blank')).toEqual([])
  for (const key of ['t2.regulations.issued', 't3.new.total', 't4.review.total']) {
    const cell = report.cells[key]
    const src = cell.source
    expect(src?.kind).toBe('txt')
    if (src?.kind === 'txt') expect(text.slice(src.start, src.end)).toBe(cell.raw)
  }
})

it('keeps the markers in the raw text and drops the table rule lines', () => {
  const doc = txtToDoc('## **一、总体情况**\n| 信息内容 | 本年制发件数 |\n| --- | :---: |\n| 规章 | 3 |\n')
  expect(doc.lines.map((l) => l.raw)).toEqual(['## **一、总体情况**', '| 信息内容 | 本年制发件数 |', '| 规章 | 3 |'])
  expect(doc.lines[0].words.map((w) => w.text)).toEqual(['一、总体情况'])
  expect(doc.lines[2].cells?.map((c) => c.trim())).toEqual(['规章', '3'])
  // Inside a sentence, emphasis is the report's own text (S12 reports it).
  expect(txtToDoc('主要表现在：**一是**规范性有待加强。\n').lines[0].text).toContain('**一是**')
})
