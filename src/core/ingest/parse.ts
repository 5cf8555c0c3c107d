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
  maxPages: number
}

export const DEFAULT_PARSE_OPTIONS: ParseOptions = { maxPages: 150 }

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
      const decoded = decodeText(bytes)
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
