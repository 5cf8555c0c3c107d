/**
 * Landscape pages stored as portrait pages with /Rotate (Acrobat's auto-rotate and some PDF
 * printers write them so): the content stream draws table 3 turned a quarter, and the viewer
 * turns the page back. Variants p38 (/Rotate 90, ruled) and p39 (/Rotate 270, borderless) put
 * table 3 on such a page. Words, ruling lines and boxes are read in the page as shown, so the
 * table reads across and each box lands where the source view draws the cell. Their cells are
 * checked with the other variants.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { t3Rows } from '../../src/core/model/keys'
import { openPdf } from '../../src/core/pdf/pdfjs'
import { pageSpace } from '../../src/core/pdf/page-space'
import { pageRulings } from '../../src/core/pdf/rulings'
import { expectWholeT3Labels } from '../helpers/labels'
import { FIXTURES } from '../helpers/paths'
import { check } from '../helpers/rules'
import { variantReport } from '../helpers/variants'

// A4 landscape as the reader sees it (Chromium's A4: 595.92 × 842.88 pt).
const SHOWN = { width: 842.88, height: 595.92 }
const T3_COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total']

describe.each([
  ['p38-rotated-landscape-t3.pdf', 90],
  ['p39-rotated270-borderless.pdf', 270]
])('%s', (name, rotate) => {
  it(`reads table 3 on the page turned by /Rotate ${rotate} as the page is shown`, async () => {
    const report = await variantReport(name)
    expectWholeT3Labels(report)
    expect(check(report).filter((f) => f.rule.startsWith('L') || f.rule.startsWith('S'))).toEqual([])

    // Every table-3 value sits on the landscape pages as shown: across by column, down by row.
    const boxes = t3Rows('2021').map((row) =>
      T3_COLS.map((col) => {
        const src = report.cells[`t3.${row}.${col}`].source
        if (src?.kind !== 'pdf') throw new Error(`t3.${row}.${col}: no PDF source`)
        return src
      })
    )
    for (const row of boxes) {
      for (const { page, box } of row) {
        expect(page).toBe(row[0].page)
        expect(box[0]).toBeGreaterThanOrEqual(0)
        expect(box[2]).toBeLessThanOrEqual(SHOWN.width)
        expect(box[1]).toBeGreaterThanOrEqual(0)
        expect(box[3]).toBeLessThanOrEqual(SHOWN.height)
      }
      const xs = row.map((s) => s.box[0])
      expect(xs).toEqual([...xs].sort((a, b) => a - b))
    }
    // Down the rows: page by page, and on each page from the top (y up) to the bottom.
    const order = boxes.map((row) => [row[0].page, -row[0].box[3]])
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]))
    expect(new Set(order.map(([p]) => p)).size).toBeGreaterThan(1)
  })

  it('reads the turned page at its shown size, with its ruling lines across it', async () => {
    const pdf = await openPdf(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'variants', name))))
    try {
      const report = await variantReport(name)
      const src = report.cells['t3.new.total'].source
      const page = await pdf.getPage(src?.kind === 'pdf' ? src.page : 0)
      expect(page.rotate).toBe(rotate)
      const space = pageSpace(page)
      expect(space.width).toBeCloseTo(SHOWN.width, 1)
      expect(space.height).toBeCloseTo(SHOWN.height, 1)
      expect(space.matrix).not.toBeNull()
      const rules = await pageRulings(page, space.matrix)
      // Chromium draws a ruled table's borders: its rows' lines run across the landscape page.
      const longest = Math.max(0, ...rules.filter((r) => r.orient === 'h').map((r) => r.to - r.from))
      if (rotate === 90) expect(longest).toBeGreaterThan(0.7 * SHOWN.width)
      for (const r of rules) expect(r.orient === 'h' ? r.to : r.at).toBeLessThanOrEqual(SHOWN.width + 1)
      // Upright pages keep PDF space as it is.
      expect(pageSpace(await pdf.getPage(1)).matrix).toBeNull()
    } finally {
      await pdf.destroy()
    }
  })
})
