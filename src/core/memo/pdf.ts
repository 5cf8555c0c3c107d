/**
 * PDF rendering of a memo document with pdfmake (pdfkit underneath), in plain Node. The CJK
 * fonts come from resources/fonts and are embedded as subsets with a ToUnicode map, so the PDF
 * looks the same on any machine and its text can be searched and extracted.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Block, DocSection, MemoDocument } from './document'
import { BODY_FONT_FILE, fontsDir, HEADING_FONT_FILE, inHeadingFont } from './fonts'

type PdfMake = typeof import('pdfmake')

let pdfmake: PdfMake | null = null

/** pdfmake is CommonJS with a singleton export: load it through require in every runtime. */
function load(): PdfMake {
  pdfmake ??= createRequire(import.meta.url)('pdfmake') as PdfMake
  return pdfmake
}

// Points. A4 595 × 842; margins 28/26 mm left/right, 37/35 mm top/bottom as in GB/T 9704.
const MARGINS: [number, number, number, number] = [79, 100, 74, 90]
const TEXT_WIDTH = { portrait: 595 - 79 - 74, landscape: 842 - 79 - 74 }
const SIZE = { title: 22, annexTitle: 18, body: 16, small: 14, table: 10.5, annex: 9, footer: 12 }
const INDENT = 2 * SIZE.body // two characters

/** Text in the heading face, with the characters it lacks (GB2312 only) in the body face. */
function hei(text: string): Content {
  const runs: Array<{ text: string; font: string }> = []
  for (const ch of text) {
    const font = inHeadingFont(ch.codePointAt(0)!) ? 'Hei' : 'Body'
    const last = runs[runs.length - 1]
    if (last?.font === font) last.text += ch
    else runs.push({ text: ch, font })
  }
  return runs.length === 1 ? runs[0] : { text: runs }
}

function block(b: Exclude<Block, { type: 'table' }>): Content {
  switch (b.type) {
    case 'title':
      return { text: [hei(b.text)], fontSize: b.small ? SIZE.annexTitle : SIZE.title, alignment: 'center', lineHeight: 1.25, margin: [0, 0, 0, b.small ? 8 : 14] }
    case 'recipient':
      return { text: b.text, margin: [0, 4, 0, 0] }
    case 'heading':
      return {
        text: [hei(b.text)],
        fontSize: b.level === 3 ? SIZE.small : SIZE.body,
        leadingIndent: INDENT,
        margin: [0, b.level === 3 ? 4 : 6, 0, 0],
        headlineLevel: b.level
      } as Content
    case 'para': {
      const size = b.small ? SIZE.small : SIZE.body
      return { text: [...(b.lead ? [hei(b.lead)] : []), b.text], fontSize: size, leadingIndent: b.indent ? INDENT : 0 }
    }
    case 'signature':
      return { stack: b.lines.map((l) => ({ text: l, alignment: 'right' as const })), margin: [0, 28, INDENT, 0] }
  }
}

function table(b: Extract<Block, { type: 'table' }>, width: number): Content {
  const size = b.small ? SIZE.annex : SIZE.table
  const total = b.columns.reduce((s, c) => s + c.width, 0)
  // pdfmake adds each cell's padding (4 pt) and rules to the given widths.
  const widths = b.columns.map((c) => (c.width / total) * (width - b.columns.length * 8.5))
  const head: TableCell[] = b.columns.map((c) => ({ text: [hei(c.title)], alignment: 'center', fontSize: size }))
  const body: TableCell[][] = b.rows.map((r) => r.map((t, i) => ({ text: t, fontSize: size, alignment: b.columns[i].center ? 'center' : 'left' })))
  return {
    // Rows may break across pages: pdfmake's dontBreakRows leaves half of each landscape page empty.
    table: { headerRows: 1, widths, body: [head, ...body] },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      paddingTop: () => 2,
      paddingBottom: () => 2,
      fillColor: (row: number) => (row === 0 ? '#eeeeee' : null)
    },
    lineHeight: 1.15,
    margin: [0, 4, 0, 8]
  }
}

function sectionContent(s: DocSection, first: boolean): Content[] {
  const width = s.landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait
  const out: Content[] = s.blocks.map((b) => (b.type === 'table' ? table(b, width) : block(b)))
  if (!first && out.length) {
    // Every section starts a new page, in its own orientation.
    out[0] = { stack: [out[0]], pageBreak: 'before', pageOrientation: s.landscape ? 'landscape' : 'portrait' } as Content
  }
  return out
}

export interface PdfResult {
  bytes: Buffer
  pages: number
}

export async function renderPdf(doc: MemoDocument, options: { fontsDir?: string } = {}): Promise<PdfResult> {
  const dir = fontsDir(options.fontsDir)
  const body = path.join(dir, BODY_FONT_FILE)
  const heading = path.join(dir, HEADING_FONT_FILE)
  const pm = load()
  // Fonts are read from the fonts folder only; nothing is ever fetched.
  pm.setUrlAccessPolicy(() => false)
  pm.setLocalAccessPolicy((p) => path.resolve(p) === body || path.resolve(p) === heading)
  pm.setFonts({
    Body: { normal: body, bold: heading, italics: body, bolditalics: heading },
    Hei: { normal: heading, bold: heading, italics: heading, bolditalics: heading }
  })
  let pages = 0
  const dd: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: doc.sections[0]?.landscape ? 'landscape' : 'portrait',
    pageMargins: MARGINS,
    info: { title: doc.title, author: doc.author, subject: doc.subject, creator: '年报审查台', producer: '年报审查台' },
    defaultStyle: { font: 'Body', fontSize: SIZE.body, lineHeight: 1.2 },
    footer: (current: number, count: number) => {
      pages = Math.max(pages, count)
      return { text: `— ${current} —`, alignment: 'center', fontSize: SIZE.footer, margin: [0, 40, 0, 0] }
    },
    content: doc.sections.flatMap((s, i) => sectionContent(s, i === 0))
  }
  const bytes = await pm.createPdf(dd).getBuffer()
  return { bytes, pages }
}
