/**
 * PDFs written by a report generator (ReportLab here, as iText-based web systems write them):
 * strings at absolute positions and a CJK font that is only named, not embedded (STSong-Light,
 * encoding UniGB-UCS2-H), so the text reads only through pdfjs's bundled CMaps (variant g56);
 * and every character drawn as its own text object (variant g57). Their cells are checked with
 * the other variants; here, what makes them different, and that labels read whole.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { SECTION_TITLES } from '../../src/core/model/keys'
import { loadPdfjs, openPdf } from '../../src/core/pdf/pdfjs'
import { check } from '../helpers/rules'
import { FIXTURES } from '../helpers/paths'
import { variantReport } from '../helpers/variants'

const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'variants', name)))

it('reads a CJK font that is named but not embedded, through the bundled CMaps', async () => {
  const raw = Buffer.from(bytesOf('g56-generator-ruled.pdf')).toString('latin1')
  // The fixture is what it claims: a predefined CMap, and no font program in the file.
  expect(raw).toContain('/Encoding /UniGB-UCS2-H')
  expect(raw).toContain('/BaseFont /STSong-Light')
  expect(raw).not.toMatch(/\/FontFile[23]?\b/)

  const report = await variantReport('g56-generator-ruled.pdf')
  expect(report.title).toBe('荆门市掇刀区人民政府2023年政府信息公开工作年度报告')
  expect(report.sections.map((s) => s.heading)).toEqual([...SECTION_TITLES])
  // Table 3 crosses a page, its merged group cell cut between rows: both parts are read.
  const source = (key: string) => report.cells[key].source
  expect(source('t3.new.total')).toMatchObject({ kind: 'pdf', page: 1 })
  expect(source('t3.carried.total')).toMatchObject({ kind: 'pdf', page: 2 })
  expect(report.problems).toEqual([])
  expect(check(report).filter((f) => f.rule.startsWith('L'))).toEqual([])
})

it('reads text drawn one character at a time as whole words and labels', async () => {
  const file = 'g57-generator-glyphs-borderless.pdf'
  const pdf = await openPdf(bytesOf(file))
  try {
    const page = await pdf.getPage(1)
    const ops = await page.getOperatorList()
    const { OPS } = await loadPdfjs()
    const shown = ops.fnArray.flatMap((fn, i) => (fn === OPS.showText ? [(ops.argsArray[i] as unknown[][])[0].length] : []))
    // The fixture is what it claims: every show-text operation draws one glyph.
    expect(shown.length).toBeGreaterThan(300)
    expect(shown.every((n) => n === 1)).toBe(true)
  } finally {
    await pdf.destroy()
  }
  const report = await variantReport(file)
  expect(report.title).toBe('襄阳市襄州区财政局2020年政府信息公开工作年度报告')
  const row = (key: string) => report.labels.find((l) => l.table === 't3' && l.role === 'row' && l.key === key)?.text
  expect(row('new')).toBe('一、本年新收政府信息公开申请数量')
  expect(report.cells['t2.regulations.made'].raw).not.toMatch(/\s/)
  expect(report.problems).toEqual([])
  expect(check(report).filter((f) => f.rule.startsWith('L'))).toEqual([])
})
