/**
 * Scans made searchable by OCR (Acrobat, ABBYY, ocrmypdf): a page image with the recognised
 * text drawn invisible on top. Such a file is read from its text layer, but every table read
 * from it says so, and so does each finding about those tables: a lost cell or a sum that does
 * not add up may be the recognition's error. The real fixture is seed 001's scan run through
 * ocrmypdf/Tesseract (test/fixtures/ocr/README.md); the small PDFs vary how the layer is drawn.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { kindOf, parseDocument } from '../../src/core/ingest/parse'
import type { ParsedDocument } from '../../src/core/model/report'
import { OCR_NOTE } from '../../src/core/rules/engine'
import { loadPdfjs, openPdf } from '../../src/core/pdf/pdfjs'
import { hasPagePicture } from '../../src/core/pdf/read-pdf'
import { pageGraphics } from '../../src/core/pdf/rulings'
import { runCli } from '../helpers/cli'
import { makePdf, type MakePdfOptions } from '../helpers/make-pdf'
import { expectedFor, FIXTURES, PDF_KINDS, SEED_IDS, SEEDS, tempDir } from '../helpers/paths'
import { check } from '../helpers/rules'

const OCR_FILE = path.join(FIXTURES, 'ocr/001.ocr.pdf')

async function parse(file: string): Promise<ParsedDocument> {
  return parseDocument(new Uint8Array(fs.readFileSync(file)), kindOf(file)!)
}

async function firstPageOcr(options: MakePdfOptions): Promise<boolean> {
  await loadPdfjs()
  const pdf = await openPdf(new Uint8Array(makePdf([['Table 3 of the annual report', 'new requests 26 0 0 0 0 5 31']], options)))
  try {
    return (await pageGraphics(await pdf.getPage(1))).ocrLayer
  } finally {
    await pdf.destroy()
  }
}

describe('a scan with an OCR text layer', () => {
  it('is read from its text layer, and each table says its text is a recognition result', async () => {
    const parsed = await parse(OCR_FILE)
    expect(parsed.status).toBe('ok')
    const report = parsed.report!
    const expected = expectedFor(path.join(SEEDS, '001.txt'))
    expect(report.agency).toBe(expected.agency)
    expect(report.year).toBe(expected.year)
    const ocr = report.problems.filter((p) => p.code === 'ocr_text')
    expect(ocr.map((p) => p.table)).toEqual(['t2', 't3', 't4'])
    expect(ocr.find((p) => p.table === 't3')?.message).toMatch(/^表三的文字取自扫描图像上的 OCR 识别层（第 3–4 页）/)
    // Tesseract lost many small digits in the ruled cells; what it read is right.
    const read = Object.entries(report.cells).filter(([, c]) => c.value !== null)
    expect(read.length).toBeGreaterThan(100)
    for (const [key, c] of read) expect(c.value, key).toBe(expected.cells[key])
  })

  it('adds the OCR note to the findings about its tables, and to no finding of a PDF with real text', async () => {
    const findings = check((await parse(OCR_FILE)).report!)
    const l08 = findings.filter((f) => f.rule === 'L08')
    expect(l08.length).toBeGreaterThan(0)
    for (const f of l08) expect(f.message.endsWith(OCR_NOTE)).toBe(true)
    // A finding about the report as a whole (a section's wording) is not about OCR.
    expect(findings.filter((f) => f.rule.startsWith('S')).every((f) => !f.message.includes(OCR_NOTE))).toBe(true)

    const seed = await parse(path.join(SEEDS, '001.ruled.pdf'))
    expect(seed.report!.problems.some((p) => p.code === 'ocr_text')).toBe(false)
    expect(check(seed.report!).some((f) => f.message.includes(OCR_NOTE))).toBe(false)
  })

  it('is said in the import line of the CLI', () => {
    const dir = tempDir('dra-ocr-')
    const r = runCli(['ingest', OCR_FILE, path.join(SEEDS, '001.ruled.pdf'), '--db', path.join(dir, 'w.sqlite')])
    expect(r.status, r.stderr).toBe(0)
    const line = (name: string) => r.stdout.split('\n').find((l) => l.includes(name)) ?? ''
    expect(line('001.ocr.pdf')).toContain('表格文字取自扫描件上的 OCR 识别层，数值须对照原件核对')
    expect(line('001.ruled.pdf')).not.toContain('OCR')
  })

  it('is told by invisible text over a page-sized picture, however the layer is drawn', async () => {
    expect(await firstPageOcr({ picture: 'page', renderMode: 3 })).toBe(true)
    expect(await firstPageOcr({ picture: 'page', renderMode: 7, pictureInForm: true })).toBe(true)
    // Visible text over a picture (a background), invisible text beside a logo, or without any
    // picture: not a scan.
    expect(await firstPageOcr({ picture: 'page', renderMode: 0 })).toBe(false)
    expect(await firstPageOcr({ picture: 'page' })).toBe(false)
    expect(await firstPageOcr({ picture: 'logo', renderMode: 3 })).toBe(false)
    expect(await firstPageOcr({ picture: 'logo', renderMode: 3, pictureInForm: true })).toBe(false)
    expect(await firstPageOcr({ renderMode: 3 })).toBe(false)
  })

  it('is looked for only in files with a picture the size of a page, told from the bytes', () => {
    const bytes = (f: string) => new Uint8Array(fs.readFileSync(f))
    expect(hasPagePicture(bytes(OCR_FILE))).toBe(true)
    expect(hasPagePicture(bytes(path.join(SEEDS, '001.scanned.pdf')))).toBe(true)
    for (const id of SEED_IDS) for (const kind of PDF_KINDS) expect(hasPagePicture(bytes(path.join(SEEDS, `${id}.${kind}.pdf`))), `${id}.${kind}`).toBe(false)
    const image = (dict: string) => new TextEncoder().encode(`%PDF-1.4\n5 0 obj\n<< ${dict} >>\nstream\nxx\nendstream\nendobj\n%%EOF\n`)
    expect(hasPagePicture(image('/Type /XObject /Subtype /Image /Width 1240 /Height 1754 /DecodeParms << /Columns 1240 >>'))).toBe(true)
    expect(hasPagePicture(image('/Subtype/Image/Width 300/Height 120'))).toBe(false) // a seal or a logo
    expect(hasPagePicture(image('/Subtype /Image /Width 9 0 R /Height 10 0 R'))).toBe(true) // sizes elsewhere: looked at
  })

  it('is not claimed for any seed PDF with real text', async () => {
    for (const id of SEED_IDS) {
      for (const kind of PDF_KINDS) {
        const parsed = await parse(path.join(SEEDS, `${id}.${kind}.pdf`))
        expect(parsed.report!.problems.filter((p) => p.code === 'ocr_text'), `${id}.${kind}`).toEqual([])
      }
    }
  })
})
