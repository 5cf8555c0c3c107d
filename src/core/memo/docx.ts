/**
 * DOCX rendering of a memo document, in the layout of Chinese official documents (GB/T 9704):
 * A4, 方正小标宋 title, 黑体 / 楷体 headings, 仿宋 body at 三号 on fixed 28-point lines, page
 * numbers "— N —" in the footer, annex tables landscape. Fonts are named, not embedded:
 * offices have them, and Word substitutes on machines that do not.
 */
import type { ISectionOptions, Paragraph, Table, TextRun } from 'docx'
import type { Block, DocSection, MemoDocument } from './document'

/** The docx library, loaded by the first render (a tenth of a second; most commands never render). */
let lib: typeof import('docx')

export interface DocxFonts {
  title: string
  heading: string
  subheading: string
  body: string
}

export const DEFAULT_DOCX_FONTS: DocxFonts = { title: '方正小标宋简体', heading: '黑体', subheading: '楷体_GB2312', body: '仿宋_GB2312' }

// Sizes in half-points (三号 16 pt = 32; 二号 22 pt = 44; 小二 18 pt = 36; 五号 10.5 pt = 21; 小五 9 pt = 18).
const SIZE = { title: 44, annexTitle: 36, body: 32, small: 28, table: 21, annex: 18, footer: 28 }
// Twips: A4 is 11906 × 16838; margins 37/35/28/26 mm as in GB/T 9704.
const A4 = { width: 11906, height: 16838 }
const PORTRAIT_MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 992 }
const LANDSCAPE_MARGIN = { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 }
const LINE = 560 // fixed 28 pt lines for the body

function font(name: string) {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: name }
}

function run(text: string, f: string, size: number, bold = false): TextRun {
  return new lib.TextRun({ text, font: font(f), size, bold })
}

function blockParagraphs(b: Exclude<Block, { type: 'table' }>, fonts: DocxFonts): Paragraph[] {
  const body = { line: LINE, lineRule: lib.LineRuleType.EXACT }
  switch (b.type) {
    case 'title':
      return [
        new lib.Paragraph({
          alignment: lib.AlignmentType.CENTER,
          spacing: { line: 700, lineRule: lib.LineRuleType.EXACT, after: 320 },
          children: [run(b.text, fonts.title, b.small ? SIZE.annexTitle : SIZE.title)]
        })
      ]
    case 'recipient':
      return [new lib.Paragraph({ spacing: body, children: [run(b.text, fonts.body, SIZE.body)] })]
    case 'heading': {
      const f = b.level === 1 ? fonts.heading : b.level === 2 ? fonts.subheading : fonts.body
      return [new lib.Paragraph({ spacing: body, indent: { firstLine: 640 }, keepNext: true, children: [run(b.text, f, SIZE.body, b.level === 3)] })]
    }
    case 'para': {
      const size = b.small ? SIZE.small : SIZE.body
      const children = [...(b.lead ? [run(b.lead, fonts.body, size, true)] : []), run(b.text, fonts.body, size)]
      return [new lib.Paragraph({ spacing: body, indent: b.indent ? { firstLine: 640 } : undefined, alignment: lib.AlignmentType.JUSTIFIED, children })]
    }
    case 'signature':
      return [
        new lib.Paragraph({ spacing: body, children: [] }),
        ...b.lines.map((l) => new lib.Paragraph({ spacing: body, alignment: lib.AlignmentType.RIGHT, indent: { right: 640 }, children: [run(l, fonts.body, SIZE.body)] }))
      ]
  }
}

function table(b: Extract<Block, { type: 'table' }>, width: number, fonts: DocxFonts): Table {
  const size = b.small ? SIZE.annex : SIZE.table
  const total = b.columns.reduce((s, c) => s + c.width, 0)
  const widths = b.columns.map((c) => Math.floor((c.width / total) * width))
  const cell = (text: string, i: number, header: boolean) =>
    new lib.TableCell({
      width: { size: widths[i], type: lib.WidthType.DXA },
      verticalAlign: lib.VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 70, right: 70 },
      children: text.split('\n').map(
        (t) =>
          new lib.Paragraph({
            alignment: header || b.columns[i].center ? lib.AlignmentType.CENTER : lib.AlignmentType.LEFT,
            children: [run(t, header ? fonts.heading : fonts.body, size)]
          })
      )
    })
  return new lib.Table({
    width: { size: width, type: lib.WidthType.DXA },
    columnWidths: widths,
    layout: lib.TableLayoutType.FIXED,
    rows: [
      new lib.TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell(c.title, i, true)) }),
      ...b.rows.map((r) => new lib.TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) }))
    ]
  })
}

function section(s: DocSection, fonts: DocxFonts): ISectionOptions {
  const margin = s.landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN
  const textWidth = (s.landscape ? A4.height : A4.width) - margin.left - margin.right
  const children: Array<Paragraph | Table> = []
  for (const b of s.blocks) {
    if (b.type === 'table') {
      children.push(table(b, textWidth, fonts))
      children.push(new lib.Paragraph({ children: [] }))
    } else children.push(...blockParagraphs(b, fonts))
  }
  return {
    properties: {
      page: {
        size: { ...A4, orientation: s.landscape ? lib.PageOrientation.LANDSCAPE : lib.PageOrientation.PORTRAIT },
        margin
      }
    },
    footers: {
      default: new lib.Footer({
        children: [
          new lib.Paragraph({
            alignment: lib.AlignmentType.CENTER,
            children: [new lib.TextRun({ children: ['— ', lib.PageNumber.CURRENT, ' —'], font: font('宋体'), size: SIZE.footer })]
          })
        ]
      })
    },
    children
  }
}

export async function renderDocx(doc: MemoDocument, fonts: DocxFonts = DEFAULT_DOCX_FONTS): Promise<Buffer> {
  lib ??= await import('docx')
  const d = new lib.Document({
    creator: '年报审查台',
    title: doc.title,
    subject: doc.subject,
    description: `${doc.author} 审查意见`,
    styles: { default: { document: { run: { font: font(fonts.body), size: SIZE.body } } } },
    sections: doc.sections.map((s) => section(s, fonts))
  })
  return lib.Packer.toBuffer(d)
}
