/**
 * Reads a PDF into the common document shape, and tells apart PDFs without a text layer (page
 * images of a scan, or text turned into outlines) that need OCR.
 */
import { mostlyGarbled } from '../text/garble'
import type { TextItem } from 'pdfjs-dist/types/src/display/api'
import { ReadError } from '../errors'
import type { DocLine, PageInfo, Segment, SourceDoc } from '../extract/doc'
import { loadPdfjs, openPdf, type PDFDocumentProxy } from './pdfjs'
import { boxesToShown, multiply, pageSpace, type Matrix, type PageSpace } from './page-space'
import { pageGraphics, type PageGraphics } from './rulings'
import { buildLines, dropPageFurniture, dropRunningHeads, dropWatermarks } from './words'

type PageProxy = Awaited<ReturnType<PDFDocumentProxy['getPage']>>

export interface PdfReadResult {
  doc: SourceDoc
  pageCount: number
  /** Non-space characters of text found on all pages. */
  textChars: number
  /**
   * Why the document needs OCR, when its pages carry (almost) no text: they are page images (a
   * scan), or their text was turned into outlines (vector glyphs: a converter that could not
   * embed the fonts). Null when it has text, or nothing at all.
   */
  needsOcr: 'images' | 'outlines' | 'garbled' | null
  /** For 'garbled': a sample of the text as it decodes, to show the auditor. */
  garbledSample?: string
  close(): Promise<void>
}

export interface PdfReadOptions {
  /** Refuse documents longer than this (an annual report is a few dozen pages at most). */
  maxPages: number
}

/** pdfjs's own wording for the common structural failures, in Chinese. */
const PDFJS_MESSAGES: Record<string, string> = {
  'Invalid PDF structure.': '文件结构无效',
  'Invalid Root reference.': '缺少文档目录',
  'Invalid XRef stream header': '交叉引用表无效',
  'Invalid XRef stream': '交叉引用表无效'
}

/** pdfjs's words for damaged content, by pattern (its messages vary with the detail). */
const PDFJS_DAMAGE: Array<[RegExp, string]> = [
  [/flate stream|FlateDecode/i, '压缩数据损坏'],
  [/LZW|ASCII85|ASCIIHex|RunLength|CCITT|JBIG2|JPX|DCT/i, '编码数据损坏'],
  [/XRef|xref/, '交叉引用表无效'],
  [/Unknown command|Invalid object|Unterminated|End of file/i, '内容语法错误']
]

/** The reason pdfjs gave, in Chinese where it is a known one, else quoted as pdfjs gave it. */
function pdfjsReason(err: unknown): string {
  const msg = (err as Error)?.message ?? String(err)
  const known = PDFJS_MESSAGES[msg] ?? PDFJS_DAMAGE.find(([re]) => re.test(msg))?.[1]
  return known ?? `pdfjs 报告：${msg}`
}

/** Translates pdfjs failures into messages an auditor can act on. */
function openError(err: unknown): ReadError {
  const name = (err as { name?: string })?.name ?? ''
  if (name === 'PasswordException') return new ReadError('encrypted', 'PDF 已加密（需要密码才能打开），无法读取内容；请取得未加密的文件后再导入', err)
  return new ReadError('corrupt', `PDF 文件已损坏，无法解析（${pdfjsReason(err)}）；请重新获取原文件`, err)
}

/** A page whose content cannot be read: named, so that the auditor knows where the file is damaged. */
function pageError(page: number, err: unknown): ReadError {
  return new ReadError('corrupt', `PDF 第 ${page} 页已损坏，无法读取（${pdfjsReason(err)}）；请重新获取原文件`, err)
}

/** Pixels from which a picture may be a scanned page (A4 at 72 dpi is 595 × 842). */
const PAGE_PICTURE_PIXELS = 400_000

/**
 * Whether the file holds a picture large enough to be a scanned page, from the bytes alone: an
 * image is a stream, and a stream's dictionary is never compressed into an object stream, so
 * its /Subtype /Image with /Width and /Height is there to read. A size given by reference counts
 * as large. Lets a text PDF skip the operator lists the OCR-layer check needs (0 of the seeds'
 * 15 PDFs needs one for anything else).
 */
export function hasPagePicture(bytes: Uint8Array): boolean {
  // Only the bytes around each "/Image" are decoded: the file may be tens of megabytes.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let at = buf.indexOf('/Image'); at >= 0; at = buf.indexOf('/Image', at + 6)) {
    const near = buf.subarray(Math.max(0, at - 2000), Math.min(buf.length, at + 2000)).toString('latin1')
    const m = Math.min(at, 2000)
    if (!/\/Subtype\s*$/.test(near.slice(0, m)) || /^\/Image[A-Za-z]/.test(near.slice(m))) continue
    // The dictionary around the match: from its opening << to the stream keyword.
    const from = near.lastIndexOf('<<', m)
    const end = near.indexOf('stream', m)
    const dict = near.slice(from < 0 ? m : from, end < 0 ? m + 400 : end)
    const w = /\/Width\s+(\d+)(\s+\d+\s+R)?/.exec(dict)
    const h = /\/Height\s+(\d+)(\s+\d+\s+R)?/.exec(dict)
    if (!w || !h || w[2] || h[2]) return true
    if (Number(w[1]) * Number(h[1]) >= PAGE_PICTURE_PIXELS) return true
  }
  return false
}

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions): Promise<PdfReadResult> {
  if (bytes.length === 0) throw new ReadError('empty', '文件为空（0 字节）')
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1024)))
  if (!head.includes('%PDF-')) throw new ReadError('not_pdf', '不是 PDF 文件（缺少 %PDF 文件头），可能是改了扩展名的其他文件')
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 4096)))
  // pdfjs can often rebuild a cut file and return part of it; a partial report must not pass
  // as a complete one, so a missing end marker is an error the auditor has to fix at the source.
  if (!tail.includes('%%EOF')) throw new ReadError('truncated', 'PDF 文件不完整（缺少结尾标记 %%EOF），可能下载或复制时中断；请重新获取原文件')

  let pdf: PDFDocumentProxy
  try {
    pdf = await openPdf(bytes)
  } catch (err) {
    throw openError(err)
  }
  try {
    const pageCount = pdf.numPages
    if (pageCount > options.maxPages) {
      throw new ReadError(
        'too_many_pages',
        `页数过多（${pageCount} 页，上限 ${options.maxPages} 页）：年度报告一般只有十几页，这可能不是单份年报；如确需导入，请调高页数上限`
      )
    }
    let lines: DocLine[] = []
    const pages: PageInfo[] = []
    const pageProxies = new Map<number, PageProxy>()
    const spaces = new Map<number, PageSpace>()
    let textChars = 0
    for (let p = 1; p <= pageCount; p++) {
      let page: PageProxy
      let content: Awaited<ReturnType<PageProxy['getTextContent']>>
      try {
        page = await pdf.getPage(p)
        content = await page.getTextContent()
      } catch (err) {
        throw pageError(p, err)
      }
      pageProxies.set(p, page)
      let items = content.items.filter((it): it is TextItem => 'str' in it)
      const space = pageSpace(page, items)
      spaces.set(p, space)
      pages.push({ page: p, width: space.width, height: space.height })
      const m = space.matrix
      if (m) items = items.map((it) => ({ ...it, transform: multiply(m, it.transform as Matrix) }))
      textChars += space.chars
      let pageLines = dropPageFurniture(buildLines(items, p), space.readHeight)
      if (space.toShown) {
        // Stored boxes are in the page as shown; the lines stay laid out as read. A page number
        // printed upright below a sideways table stands in the shown page's margin.
        boxesToShown(pageLines, space.toShown)
        pageLines = dropPageFurniture(pageLines, space.height, (l) => (l.source.kind === 'pdf' ? (l.source.box[1] + l.source.box[3]) / 2 : 0))
      }
      lines.push(...pageLines)
    }
    lines = dropWatermarks(dropRunningHeads(lines, new Map([...spaces].map(([p, s]) => [p, s.readHeight]))))

    let needsOcr: PdfReadResult['needsOcr'] = null
    if (textChars < 20 * pageCount) {
      // Little or no text: a scan if the pages paint images; text as outlines if they paint
      // many paths (a page of outlined text has one per glyph; ruled tables alone a few dozen).
      const { OPS } = await loadPdfjs()
      let images = 0
      let paths = 0
      for (const page of pageProxies.values()) {
        const ops = await page.getOperatorList()
        for (const fn of ops.fnArray) {
          if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++
          else if (fn === OPS.constructPath) paths++
        }
      }
      needsOcr = images > 0 ? 'images' : paths > 150 * pageCount ? 'outlines' : null
    }
    const garbled = needsOcr ? null : mostlyGarbled(lines)
    if (garbled) needsOcr = 'garbled'

    // Computed for a page on first use, once: only table pages need rulings (and are checked
    // for an OCR layer), and pictures are looked for only where a table is missing.
    const cache = new Map<number, Promise<PageGraphics>>()
    const graphics = (p: number): Promise<PageGraphics> => {
      let r = cache.get(p)
      if (!r) {
        const page = pageProxies.get(p)
        // The drawing of a page is read apart from its text: it may be damaged where the text is not.
        r = page ? pageGraphics(page, spaces.get(p)?.matrix ?? null).catch((err: unknown) => Promise.reject(pageError(p, err))) : Promise.resolve({ rulings: [], ocrLayer: false, pictures: 0 })
        cache.set(p, r)
      }
      return r
    }
    const doc: SourceDoc = {
      kind: 'pdf',
      lines,
      pages,
      rulings: async (p) => (await graphics(p)).rulings,
      // Only a file with a page-sized picture can be a scan under an OCR layer.
      ocrLayer: hasPagePicture(bytes) ? async (p) => (await graphics(p)).ocrLayer : undefined,
      pictures: async (p) => (await graphics(p)).pictures
    }
    return {
      doc,
      pageCount,
      textChars,
      needsOcr,
      garbledSample: garbled ?? undefined,
      close: async () => {
        await pdf.destroy()
      }
    }
  } catch (err) {
    await pdf.destroy()
    if (err instanceof ReadError) throw err
    throw openError(err)
  }
}
