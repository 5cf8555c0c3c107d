/**
 * Page furniture: running heads and page numbers printed in the margins are not read as the
 * report's title or as table rows (generated variants p17–p19), and a watermark drawn across
 * every page, slanted (p34) or level (p48), is not read at all. Read through pdfjs; their cells
 * are checked with the other variants.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DocLine } from '../../src/core/extract/doc'
import { parseDocument } from '../../src/core/ingest/parse'
import { readPdf } from '../../src/core/pdf/read-pdf'
import { buildLines, dropWatermarks } from '../../src/core/pdf/words'
import type { TextItem } from 'pdfjs-dist/types/src/display/api'
import { FIXTURES } from '../helpers/paths'

const variant = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'variants', name)))
const compact = (s: string) => s.replace(/\s+/g, '')

async function linesOf(name: string): Promise<DocLine[]> {
  const read = await readPdf(variant(name), { maxPages: 150 })
  try {
    expect(read.pageCount).toBeGreaterThanOrEqual(3)
    return read.doc.lines
  } finally {
    await read.close()
  }
}

describe('running heads and feet in PDFs', () => {
  it('drops a header repeated on every page and "第 N 页 共 M 页" footers', async () => {
    const lines = await linesOf('p19-2019-pageof.pdf')
    expect(lines.filter((l) => compact(l.text) === '大理市人民政府政务公开')).toEqual([])
    expect(lines.filter((l) => /^第\d+页共\d+页$/.test(compact(l.text)))).toEqual([])
    // The body's own mentions of the agency stay.
    expect(lines.some((l) => compact(l.text).startsWith('大理市人民政府2019年'))).toBe(true)
  })

  it('keeps the printed title once when the running head repeats it, and takes the title from the body', async () => {
    const title = '九江市濂溪区交通运输局2022年政府信息公开工作年度报告'
    const lines = await linesOf('p18-borderless-header-footer.pdf')
    const same = lines.filter((l) => compact(l.text) === title)
    expect(same).toHaveLength(1)
    expect(same[0].page).toBe(1)
    expect(lines.filter((l) => /^—\d+—$/.test(compact(l.text)))).toEqual([])

    const parsed = await parseDocument(variant('p18-borderless-header-footer.pdf'), 'pdf')
    const src = parsed.report!.titleSource
    expect(src?.kind === 'pdf' && src.page).toBe(1)
    // The header sits in the top margin (8 % of the page); the title below it, in larger type.
    expect(src?.kind === 'pdf' && src.box).toEqual(same[0].source.kind === 'pdf' && same[0].source.box)
    expect(same[0].fontSize).toBeGreaterThan(12)
  })
})

describe('watermarks', () => {
  it('drops a slanted watermark, which would otherwise fall among table 4\'s values', async () => {
    const lines = await linesOf('p34-shaded-watermark.pdf')
    expect(lines.filter((l) => /仅|供参|参考/.test(l.text))).toEqual([])
    const parsed = await parseDocument(variant('p34-shaded-watermark.pdf'), 'pdf')
    const report = parsed.report!
    expect(report.sections.map((s) => s.text).join('')).not.toContain('仅供参考')
    expect(report.problems).toEqual([])
    // The letter-spaced title still names agency and year.
    expect(report.title).toBe('南平市延平区农业农村局2022年政府信息公开工作年度报告')
  })

  it('drops a level watermark, whose glyphs stand on table rows\' baselines on every page', async () => {
    const lines = await linesOf('p48-level-watermark.pdf')
    expect(lines.filter((l) => /[征稿]/.test(l.text))).toEqual([])
    const parsed = await parseDocument(variant('p48-level-watermark.pdf'), 'pdf')
    const report = parsed.report!
    expect(report.sections.map((s) => s.text).join('')).not.toMatch(/征|意见稿/)
    expect(report.problems).toEqual([])
    expect(report.labels.filter((l) => /[征稿]/.test(l.text))).toEqual([])
  })

  it('keeps a row\'s words on one line when a large glyph stands between them on its baseline', () => {
    const run = (str: string, x: number, size: number): TextItem => ({ str, dir: 'ltr', width: size * str.length, height: size, transform: [size, 0, 0, size, x, 500], fontName: 'f', hasEOL: false })
    const lines = buildLines([run('行政规范性文件', 60, 10.5), run('征', 101, 60), run('16', 300, 10.5), run('稿', 413, 60), run('103', 480, 10.5)], 1)
    expect(lines.map((l) => l.words.map((w) => w.text))).toEqual(expect.arrayContaining([['行政规范性文件', '16', '103'], ['征', '稿']]))
    expect(lines).toHaveLength(2)
  })

  it('drops large text only where it recurs at the same height on another page: a cover title stays', () => {
    const run = (str: string, y: number, size: number): TextItem => ({ str, dir: 'ltr', width: size * str.length, height: size, transform: [size, 0, 0, size, 60, y], fontName: 'f', hasEOL: false })
    const body = (y: number) => run('正文正文正文正文正文正文正文正文正文正文', y, 10.5)
    const page1 = buildLines([run('某县2023年政府信息公开工作年度报告', 700, 36), body(600), body(580), run('草稿', 400, 60)], 1)
    const page2 = buildLines([body(600), body(580), run('草稿', 400, 60)], 2)
    const kept = dropWatermarks([...page1, ...page2]).map((l) => `${l.page}:${l.text}`)
    expect(kept).toContain('1:某县2023年政府信息公开工作年度报告')
    expect(kept.filter((t) => t.includes('草稿'))).toEqual([])
    expect(kept).toHaveLength(5)
  })
})
