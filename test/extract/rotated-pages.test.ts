/**
 * Pages turned by /Rotate. Variants put table 3 on a landscape page and store it
 *   - as a portrait page with /Rotate 90 (p38, ruled) or 270 (p39, borderless) whose content
 *     is drawn turned (Acrobat's auto-rotate): shown landscape, as printed;
 *   - as the landscape page with /Rotate 90 (p41, ruled) or 270 (p42, borderless) added in a
 *     viewer: shown sideways on a portrait page, its text running down or up the page;
 *   - or print it sideways on a portrait page without any /Rotate (p43, ruled), with the page
 *     number upright in the footer.
 * Rows are laid out as read, so table 3 reads across; every box is stored in the page as shown,
 * where the source view draws it. Their cells are checked with the other variants.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { TextItem } from 'pdfjs-dist/types/src/display/api'
import { describe, expect, it } from 'vitest'
import { t3Rows } from '../../src/core/model/keys'
import type { Box } from '../../src/core/model/report'
import { openPdf } from '../../src/core/pdf/pdfjs'
import { pageSpace } from '../../src/core/pdf/page-space'
import { readPdf } from '../../src/core/pdf/read-pdf'
import { pageGraphics } from '../../src/core/pdf/rulings'
import { expectWholeT3Labels } from '../helpers/labels'
import { FIXTURES } from '../helpers/paths'
import { check } from '../helpers/rules'
import { variantReport } from '../helpers/variants'

// Chromium's A4 (pt), and table 3's page as printed: landscape.
const [SHORT, LONG] = [595.92, 842.88]
const T3_COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total']

/**
 * How the table's page is shown, and how to turn a shown box to the page as printed
 * (landscape, y up) to compare positions: the identity, or a quarter turn.
 */
// Text running down the shown page: printed x is down from the top, printed y is x.
const down = ([x0, y0, x1, y1]: Box): Box => [LONG - y1, x0, LONG - y0, x1]
// Text running up the page: printed x is up from the bottom, printed y is from the right.
const up = ([x0, y0, x1, y1]: Box): Box => [y0, SHORT - x1, y1, SHORT - x0]
const CASES: Array<[name: string, rotate: number, shown: 'landscape' | 'portrait', toPrinted: (b: Box) => Box, ruled: boolean]> = [
  ['p38-rotated-landscape-t3.pdf', 90, 'landscape', (b) => b, true],
  ['p39-rotated270-borderless.pdf', 270, 'landscape', (b) => b, false],
  ['p41-sideways-t3.pdf', 90, 'portrait', down, true],
  ['p42-sideways270-borderless.pdf', 270, 'portrait', up, false],
  ['p43-t3-printed-sideways.pdf', 0, 'portrait', down, true]
]

describe.each(CASES)('%s', (name, rotate, shown, toPrinted, ruled) => {
  const size = shown === 'landscape' ? { width: LONG, height: SHORT } : { width: SHORT, height: LONG }

  it(`reads table 3 across on its page (/Rotate ${rotate}), boxes where the page shows it`, async () => {
    const report = await variantReport(name)
    expectWholeT3Labels(report)
    expect(check(report).filter((f) => f.rule.startsWith('L') || f.rule.startsWith('S'))).toEqual([])

    const sources = t3Rows('2021').map((row) =>
      T3_COLS.map((col) => {
        const src = report.cells[`t3.${row}.${col}`].source
        if (src?.kind !== 'pdf') throw new Error(`t3.${row}.${col}: no PDF source`)
        return src
      })
    )
    for (const row of sources) {
      for (const { page, box } of row) {
        expect(page).toBe(row[0].page)
        // On the page as shown …
        expect(Math.min(box[0], box[1])).toBeGreaterThanOrEqual(0)
        expect(box[2]).toBeLessThanOrEqual(size.width)
        expect(box[3]).toBeLessThanOrEqual(size.height)
      }
      // … and, turned back to the page as printed, across it by column …
      const xs = row.map((s) => toPrinted(s.box)[0])
      expect(xs).toEqual([...xs].sort((a, b) => a - b))
    }
    // … and down it by row, page by page.
    const order = sources.map((row) => [row[0].page, -toPrinted(row[0].box)[3]])
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]))
    // Table 3 crosses a page, except where it is printed sideways on one page.
    expect(new Set(order.map(([p]) => p)).size).toBe(name.startsWith('p43') ? 1 : 2)
  })

  it('knows the page as shown and as read, with its ruling lines laid out as read', async () => {
    const pdf = await openPdf(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'variants', name))))
    try {
      const report = await variantReport(name)
      const src = report.cells['t3.new.total'].source
      const page = await pdf.getPage(src?.kind === 'pdf' ? src.page : 0)
      expect(page.rotate).toBe(rotate)
      const items = (await page.getTextContent()).items.filter((it): it is TextItem => 'str' in it)
      const space = pageSpace(page, items)
      expect([space.width, space.height]).toEqual([expect.closeTo(size.width, 1), expect.closeTo(size.height, 1)])
      // Read as printed: landscape.
      expect([space.readWidth, space.readHeight]).toEqual([expect.closeTo(LONG, 1), expect.closeTo(SHORT, 1)])
      expect(space.toShown === null).toBe(shown === 'landscape')
      const rules = (await pageGraphics(page, space.matrix)).rulings
      // A ruled table's row lines run across the page as read.
      const longest = Math.max(0, ...rules.filter((r) => r.orient === 'h').map((r) => r.to - r.from))
      if (ruled) expect(longest).toBeGreaterThan(0.7 * LONG)
      for (const r of rules) expect(r.orient === 'h' ? r.to : r.at).toBeLessThanOrEqual(LONG + 1)
      // p43 prints "— N —" upright in every page's footer, also below the sideways table, where
      // the page is read turned: it is not read as a line of the table.
      const read = await readPdf(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'variants', name))), { maxPages: 50 })
      expect(read.doc.lines.filter((l) => /^—\d+—$/.test(l.text.replace(/\s+/g, '')))).toEqual([])
      await read.close()
      // Upright pages keep PDF space as it is.
      const first = await pdf.getPage(1)
      const firstItems = (await first.getTextContent()).items.filter((it): it is TextItem => 'str' in it)
      expect(pageSpace(first, firstItems)).toMatchObject({ matrix: null, toShown: null })
    } finally {
      await pdf.destroy()
    }
  })
})
