/**
 * Bold faked by overprinting: the same text printed twice a fraction of a point apart (WPS and
 * some printer drivers do this for fonts without a bold face). Variant p40 sets the title, the
 * headings, the header cells and table 3's 总计 column so; its cells are checked with the other
 * variants. Here: the text reads once, and the second impression is recognised however the
 * PDF splits it into runs, while equal values side by side in neighbouring cells stay two values.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api'
import { describe, expect, it } from 'vitest'
import { SECTION_TITLES } from '../../src/core/model/keys'
import { buildLines } from '../../src/core/pdf/words'
import { expectWholeT3Labels } from '../helpers/labels'
import { check } from '../helpers/rules'
import { variantReport } from '../helpers/variants'

/** A text run as pdfjs gives it: `str` at (x, y) in a `size`-point font, CJK glyphs one em wide. */
function run(str: string, x: number, y: number, size = 10.5, width?: number): TextItem {
  const w = width ?? [...str].reduce((s, ch) => s + (ch.codePointAt(0)! > 0x2e80 ? 1 : 0.5) * size, 0)
  return { str, dir: 'ltr', width: w, height: size, transform: [size, 0, 0, size, x, y], fontName: 'f1', hasEOL: false }
}

describe('bold printed twice', () => {
  it('reads p40 once: title, headings, header labels and the 总计 column', async () => {
    const report = await variantReport('p40-overprint-bold.pdf')
    expect(report.title).toBe('黄冈市黄州区自然资源和规划局2023年政府信息公开工作年度报告')
    expect(report.sections.map((s) => s.heading.replace(/\s+/g, ''))).toEqual([...SECTION_TITLES])
    expectWholeT3Labels(report)
    expect(check(report).filter((f) => f.rule.startsWith('L') || f.rule.startsWith('S'))).toEqual([])
  })

  it('drops the second impression whether it is one run or a run per glyph', () => {
    const whole = buildLines([run('一、总体情况', 90, 700), run('一、总体情况', 90.35, 700)], 1)
    expect(whole.map((l) => l.text)).toEqual(['一、总体情况'])
    const glyphs = buildLines([run('556', 300, 600), ...[...'556'].map((d, i) => run(d, 300.3 + i * 5.25, 600.1))], 1)
    expect(glyphs.map((l) => l.words.map((w) => w.text))).toEqual([['556']])
    // The same the other way round: glyph runs first, the whole run after them.
    const reversed = buildLines([...[...'556'].map((d, i) => run(d, 300 + i * 5.25, 600)), run('556', 300.3, 600.1)], 1)
    expect(reversed.map((l) => l.words.map((w) => w.text))).toEqual([['556']])
  })

  it('keeps equal values in neighbouring cells, and different text printed over other text', () => {
    const cells = buildLines([run('0', 300, 500), run('0', 340, 500), run('0', 380, 500)], 1)
    expect(cells[0].words.map((w) => w.text)).toEqual(['0', '0', '0'])
    // A different value over another (a correction printed on top) is not a second impression.
    const over = buildLines([run('12', 300, 400), run('13', 300.3, 400)], 1)
    expect(over[0].words.map((w) => w.text).join('')).toContain('13')
    expect(over[0].words.map((w) => w.text).join('')).toContain('12')
  })
})
