/**
 * Memos and exports for the app and the CLI: write a 审查意见 (one report, several in one
 * document, or the batch 汇总 with annexes) as DOCX or PDF, and the workspace workbook as XLSX.
 * Pure over the store (read only); no Electron.
 */
import fs from 'node:fs'
import path from 'node:path'
import { reportIds } from '../store/read'
import type { Store } from '../store/store'
import { batchDocument, reportDocument, type MemoDocument } from './document'
import type { DocxFonts } from './docx'
import { MemoError } from './errors'
import { buildBatchMemo, buildReportMemo, resolveMeta, type MemoOptions } from './model'

export { MemoError } from './errors'
export { buildBatchMemo, buildReportMemo, type BatchMemo, type MemoOptions, type MemoProblem, type ReportMemo } from './model'
export { CONCLUSION_RULES, CATEGORIES } from './catalog'
export { loadMemoSettings, saveMemoSettings, type MemoSettings } from './settings'

export type MemoFormat = 'docx' | 'pdf'

export interface WriteMemoOptions extends MemoOptions {
  /** Report ids: one → its memo; several → one document, each memo on new pages; 'all' → the batch 汇总. */
  reports: number[] | 'all'
  format: MemoFormat
  out: string
  /** Fonts named in the DOCX (default 仿宋_GB2312 / 黑体 / 楷体_GB2312 / 方正小标宋简体). */
  docxFonts?: Partial<DocxFonts>
  /** Where the bundled PDF fonts are (default: found from the app or the repository). */
  fontsDir?: string
}

export interface WrittenFile {
  path: string
  bytes: number
  /** Pages of a PDF (a DOCX is paginated by the word processor that opens it). */
  pages?: number
  /** Reports covered. */
  reports: number
}

/** The format implied by a file name, or null. */
export function memoFormatOf(file: string): MemoFormat | null {
  const ext = path.extname(file).toLowerCase()
  return ext === '.docx' ? 'docx' : ext === '.pdf' ? 'pdf' : null
}

/**
 * Creates the missing folders of a path one level at a time: Node's recursive mkdir spins
 * forever under a read-only pseudo file system such as /proc.
 */
function ensureDir(dir: string): void {
  const missing: string[] = []
  let at = dir
  while (!fs.existsSync(at)) {
    missing.unshift(at)
    const up = path.dirname(at)
    if (up === at) break
    at = up
  }
  for (const d of missing) fs.mkdirSync(d)
}

function writeFile(out: string, bytes: Buffer): void {
  try {
    ensureDir(path.dirname(path.resolve(out)))
    fs.writeFileSync(out, bytes)
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    const why =
      e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS'
        ? '没有写入权限'
        : e.code === 'EISDIR'
          ? '这是一个文件夹'
          : e.code === 'ENOTDIR'
            ? '路径中有一段不是文件夹'
            : e.code === 'ENOENT'
              ? '无法创建所在的文件夹'
              : e.message
    throw new MemoError(`无法写入 ${out}：${why}`, err)
  }
}

/** The memo document for these reports (validated: every id must exist). */
export function memoDocument(store: Store, options: Omit<WriteMemoOptions, 'format' | 'out'>): { doc: MemoDocument; reports: number } {
  const meta = resolveMeta(store, options)
  if (options.reports === 'all') {
    const ids = reportIds(store)
    return { doc: batchDocument(buildBatchMemo(store, options, ids), meta), reports: ids.length }
  }
  if (options.reports.length === 0) throw new MemoError('请至少指定一份报告')
  const known = new Set(reportIds(store))
  const missing = options.reports.filter((id) => !known.has(id))
  if (missing.length) throw new MemoError(`工作区中没有这些报告：${missing.join('、')}`)
  const ids = [...new Set(options.reports)]
  return { doc: reportDocument(ids.map((id) => buildReportMemo(store, id, options)), meta), reports: ids.length }
}

export async function writeMemo(store: Store, options: WriteMemoOptions): Promise<WrittenFile> {
  if (options.format !== 'docx' && options.format !== 'pdf') throw new MemoError(`不支持的审查意见格式：${String(options.format)}（应为 docx 或 pdf）`)
  const { doc, reports } = memoDocument(store, options)
  // The renderers load their libraries (docx, pdfmake, exceljs: a third of a second) only when
  // a file is written, not in every CLI command and app start.
  if (options.format === 'docx') {
    const { DEFAULT_DOCX_FONTS, renderDocx } = await import('./docx')
    const bytes = await renderDocx(doc, { ...DEFAULT_DOCX_FONTS, ...options.docxFonts })
    writeFile(options.out, bytes)
    return { path: options.out, bytes: bytes.length, reports }
  }
  const { renderPdf } = await import('./pdf')
  const { bytes, pages } = await renderPdf(doc, { fontsDir: options.fontsDir })
  writeFile(options.out, bytes)
  return { path: options.out, bytes: bytes.length, pages, reports }
}

/** Writes the workbook of every report, cell and finding in the workspace. */
export async function writeWorkbook(store: Store, out: string): Promise<WrittenFile> {
  const { workbookBuffer } = await import('./xlsx')
  const bytes = await workbookBuffer(store)
  writeFile(out, bytes)
  return { path: out, bytes: bytes.length, reports: reportIds(store).length }
}
