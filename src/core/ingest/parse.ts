/**
 * Reading one file into a ParsedDocument: decode or open it, extract the report, and decide
 * its status (ok / needs OCR / error) with a Chinese message. Pure of any store: it runs in
 * worker threads.
 */
import { describeError, ReadError } from '../errors'
import type { DocLine } from '../extract/doc'
import { documentText, extractReport } from '../extract/extract'
import { findReportStarts, type ReportStart } from '../extract/structure'
import type { DocumentKind, ExtractedReport, ParsedDocument } from '../model/report'
import { readPdf, type PdfReadResult } from '../pdf/read-pdf'
import { decodeText } from '../text/decode'
import { txtToDoc } from '../text/read-txt'
import { contentSignature, signatureText } from '../extract/signature'

export interface ParseOptions {
  /** Longer documents are not a single report; for a text file counted as below. */
  maxPages: number
}

export const DEFAULT_PARSE_OPTIONS: ParseOptions = { maxPages: 150 }

/**
 * The page limit applied to a text file: a printed page of a report holds at most about 2,000
 * characters besides spaces (the seeds hold 600 a page, tables included). A text longer than
 * the limit allows is refused before it is read into lines: a 50 MB log saved as .txt took
 * 23 s and 1.7 GB to be found no report.
 */
const TXT_CHARS_PER_PAGE = 2000
/**
 * The same limit in bytes, checked before decoding: loose enough for a page laid out with
 * spaces (pdftotext -layout pads a page to about 10 KB), so that only files far too long for
 * any report are refused unread.
 */
const TXT_BYTES_PER_PAGE = 16 * 1024

function assertTextSize(bytes: Uint8Array, maxPages: number): void {
  const limit = maxPages * TXT_BYTES_PER_PAGE
  if (bytes.length > limit) {
    throw new ReadError(
      'too_many_pages',
      `文本文件过大（${(bytes.length / 1048576).toFixed(1)} MB，按每页 ${TXT_BYTES_PER_PAGE / 1024} KB 计超过 ${maxPages} 页的上限）：年度报告的文本一般只有几十 KB，这可能不是单份年报；如确需导入，请调高页数上限`
    )
  }
}

function assertTextLength(text: string, maxPages: number): void {
  const limit = maxPages * TXT_CHARS_PER_PAGE
  // Counted without whitespace: text laid out with spaces (pdftotext -layout) pads every line.
  let chars = 0
  for (let i = 0; i < text.length && chars <= limit; i++) if (text.charCodeAt(i) > 32) chars++
  if (chars > limit) {
    throw new ReadError(
      'too_many_pages',
      `文本过长（超过 ${limit / 10000} 万字，按每页 ${TXT_CHARS_PER_PAGE} 字计超过 ${maxPages} 页的上限）：年度报告一般只有几千字，这可能不是单份年报；如确需导入，请调高页数上限`
    )
  }
}

export function kindOf(fileName: string): DocumentKind | null {
  const ext = fileName.toLowerCase().split('.').pop()
  return ext === 'pdf' ? 'pdf' : ext === 'txt' ? 'txt' : null
}

/** Why a PDF needs OCR, as the auditor reads it. */
const OCR_REASON: Record<NonNullable<PdfReadResult['needsOcr']>, (pages: number, sample: string) => string> = {
  images: (n) => `扫描件（${n} 页均为图像，没有可读取的文字层），需要先做文字识别（OCR）`,
  outlines: (n) => `文字已转为曲线（${n} 页均为矢量图形，没有可读取的文字层，常见于无法嵌入字体时的转换），需要先做文字识别（OCR），或向发布单位索取带文字的 PDF`,
  garbled: (n, sample) =>
    `文字层无法正确解码（${n} 页的文字读出来是乱码，如“${sample}”，字体缺少 Unicode 映射），需要先做文字识别（OCR），或向发布单位索取可正常复制文字的 PDF`
}

/**
 * One file, one report: a compilation of several offices' reports (汇编) would be read as one
 * report with its cells mixed. Reports of the same agency and year (a file saved twice in one)
 * are not told apart here.
 */
function assertSingleReport(lines: DocLine[], text?: string): void {
  const starts = findReportStarts(lines)
  const distinct = new Map(starts.map((s) => [`${s.agency ?? ''}|${s.year ?? ''}`, s]))
  if (distinct.size < 2) return
  const lineNo = (offset: number) => (text?.slice(0, offset).match(/\n/g)?.length ?? 0) + 1
  const where = (s: ReportStart) => (s.source?.kind === 'pdf' ? `第 ${s.source.page} 页` : s.source?.kind === 'txt' ? `第 ${lineNo(s.source.start)} 行` : '')
  const list = [...distinct.values()].slice(0, 5).map((s) => `${s.agency ?? '（机关不详）'}${s.year ?? ''}年（${where(s)}起）`)
  throw new ReadError(
    'several_reports',
    `文件中有 ${distinct.size} 份年度报告：${list.join('、')}${distinct.size > 5 ? ' 等' : ''}。请拆分为每份报告一个文件后再导入`
  )
}

/** A report must at least read like one: a title, some of the six sections, or a table. */
function assertReport(report: ExtractedReport): void {
  const found = new Set(report.sections.map((s) => s.index)).size
  if (!report.title && report.tables.length === 0 && found < 3) {
    throw new ReadError(
      'not_report',
      '不是政府信息公开工作年度报告：没有找到报告标题、规定的章节（一、总体情况 … 六、其他需要报告的事项）或统计表格'
    )
  }
}

export async function parseDocument(bytes: Uint8Array, kind: DocumentKind, options: ParseOptions = DEFAULT_PARSE_OPTIONS): Promise<ParsedDocument> {
  const started = performance.now()
  const base = { kind, pages: null as number | null, encoding: null as string | null, text: '', pageOffsets: null as number[] | null, signature: null }
  try {
    if (kind === 'txt') {
      assertTextSize(bytes, options.maxPages)
      const decoded = decodeText(bytes)
      assertTextLength(decoded.text, options.maxPages)
      const doc = txtToDoc(decoded.text)
      assertSingleReport(doc.lines, decoded.text)
      const report = await extractReport(doc)
      assertReport(report)
      const signature = contentSignature(signatureText(report, decoded.text))
      return { ...base, status: 'ok', encoding: decoded.encoding, message: null, text: decoded.text, report, signature, elapsedMs: performance.now() - started }
    }
    const pdf = await readPdf(bytes, options)
    try {
      base.pages = pdf.pageCount
      if (pdf.needsOcr) {
        return {
          ...base,
          status: 'needs_ocr',
          message: OCR_REASON[pdf.needsOcr](pdf.pageCount, pdf.garbledSample ?? ''),
          report: null,
          elapsedMs: performance.now() - started
        }
      }
      if (pdf.pageCount === 0) throw new ReadError('empty', 'PDF 没有任何页面（0 页）')
      if (pdf.textChars === 0) throw new ReadError('empty', `PDF 共 ${pdf.pageCount} 页，但没有任何文字或图像内容`)
      assertSingleReport(pdf.doc.lines)
      const report = await extractReport(pdf.doc)
      assertReport(report)
      const { text, pageOffsets } = documentText(pdf.doc.lines)
      const signature = contentSignature(signatureText(report, text))
      return { ...base, status: 'ok', message: null, text, pageOffsets, report, signature, elapsedMs: performance.now() - started }
    } finally {
      await pdf.close()
    }
  } catch (err) {
    const { message } = describeError(err)
    return { ...base, status: 'error', message, report: null, elapsedMs: performance.now() - started }
  }
}
