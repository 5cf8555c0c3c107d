/**
 * Importing a batch of files into the store. Files are hashed in the caller's thread, parsed
 * in worker threads (or in-process when no pool is given), and saved one transaction each.
 * A bad file becomes an error item and the batch goes on; identical content is imported once.
 */
import { fsReason } from '../errors'
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { DocumentKind, ParsedDocument, ProblemCode } from '../model/report'
import { EXTRACTOR_VERSION, type FileInfo, type Store } from '../store/store'
import { BatchCheck } from '../review/check'
import { expandPaths, type Convertible } from './files'
import { DEFAULT_PARSE_OPTIONS, parseDocument, type ParseOptions } from './parse'
import type { ParsePool } from './pool'

export type IngestStatus = 'ok' | 'needs_ocr' | 'error' | 'skipped'

export interface IngestItem {
  path: string
  fileName: string
  status: IngestStatus
  /** Chinese: what happened, or what is wrong with the file. */
  message: string
  documentId?: number
  reportId?: number
  agency?: string | null
  year?: number | null
  template?: string | null
  pages?: number | null
  version?: number | null
  parseMs?: number
  /** Read from a scan's OCR text layer: the values are a recognition result. */
  ocrLayer?: boolean
}

export type IngestEvent =
  | { type: 'start'; total: number }
  | { type: 'file'; index: number; total: number; item: IngestItem }
  | { type: 'identity'; reportId: number; fileName: string; from: string; agency: string | null; year: number | null }
  | { type: 'checked'; reports: number }

export interface IngestOptions {
  store: Store
  pool?: ParsePool
  parse?: ParseOptions
  onEvent?: (e: IngestEvent) => void
  signal?: AbortSignal
  /** Run the rule checks on the new reports and those they affect (default true). */
  check?: boolean
}

export interface IngestSummary {
  items: IngestItem[]
  counts: Record<IngestStatus, number>
  ignored: number
  /** Of the ignored, files in a format reports also come in (Word, OFD, archives), named. */
  convertible: Convertible[]
  /** Hidden and system files in the folders (._name.pdf, .DS_Store, ~$name), skipped. */
  hidden: number
  cancelled: boolean
  elapsedMs: number
}

export async function ingestPaths(inputs: string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now()
  const { store, pool, onEvent, signal } = options
  const parseOptions = options.parse ?? DEFAULT_PARSE_OPTIONS
  const { files, rejected, ignored, convertible, hidden } = expandPaths(inputs)
  const total = files.length + rejected.length
  onEvent?.({ type: 'start', total })

  const items: IngestItem[] = []
  let emitted = 0
  const emit = (item: IngestItem) => {
    items.push(item)
    onEvent?.({ type: 'file', index: emitted++, total, item })
  }
  for (const r of rejected) emit({ path: r.path, fileName: path.basename(r.path), status: 'error', message: r.message })

  // Parse with bounded look-ahead in the pool; save and report in input order, so report
  // numbers, versions and output do not depend on which worker finishes first.
  const window = pool?.lookAhead ?? 1
  const inFlight = new Map<number, Promise<Prepared>>()
  const shasInBatch = new Map<string, string>()
  let next = 0
  let cancelled = false
  const launch = (i: number) => inFlight.set(i, prepare(files[i].path, files[i].kind))

  type Prepared = { item: IngestItem } | { file: FileInfo; parsed: ParsedDocument; replaces?: number }

  const prepare = async (file: string, kind: DocumentKind): Promise<Prepared> => {
    const fileName = path.basename(file)
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await fs.readFile(file))
    } catch (err) {
      return { item: { path: file, fileName, status: 'error', message: `无法读取文件：${fsReason(err)}` } }
    }
    // An empty file has no content to store or to compare: it is only an error.
    if (bytes.length === 0) return { item: { path: file, fileName, status: 'error', message: '文件为空（0 字节）' } }
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const existing = store.documentBySha(sha256)
    // A file that failed before is read again (the program may have been fixed since);
    // its old error row is replaced in the same transaction as the new result.
    if (existing && existing.status !== 'error') {
      return {
        item: {
          path: file,
          fileName,
          status: 'skipped',
          message:
            `已导入过内容相同的文件（${path.basename(existing.path)}），未重复导入` +
            (existing.extractorVersion !== null && existing.extractorVersion < EXTRACTOR_VERSION ? '；它由旧版程序读取，可用“重新读取”（命令行 reread）以当前版本读取' : ''),
          documentId: existing.id
        }
      }
    }
    const twin = shasInBatch.get(sha256)
    if (twin) return { item: { path: file, fileName, status: 'skipped', message: `与本批的 ${path.basename(twin)} 内容相同，未重复导入` } }
    shasInBatch.set(sha256, file)
    const size = bytes.length
    let parsed: ParsedDocument
    try {
      parsed = pool ? await pool.parse(bytes, kind, parseOptions) : await parseDocument(bytes, kind, parseOptions)
    } catch (err) {
      parsed = internalError(kind, err as Error)
    }
    return { file: { path: file, fileName, sha256, size }, parsed, replaces: existing?.id }
  }

  /** The saved file's item, and whether its report took its identity from another as it was saved. */
  const save = (p: Prepared): { item: IngestItem; named: boolean } => {
    if ('item' in p) return { item: p.item, named: false }
    const { file, parsed, replaces } = p
    try {
      const saved = store.saveDocument(file, parsed, replaces)
      return { item: itemOf(file.path, file.fileName, parsed, saved.documentId, saved.reportId, saved.version), named: saved.identityFrom !== undefined }
    } catch (err) {
      return { item: { path: file.path, fileName: file.fileName, status: 'error', message: `保存到工作区失败（未写入任何内容）：${(err as Error).message}` }, named: false }
    }
  }

  /** Says where a title-less report's agency and year came from, and shows them on its item. */
  const identityOf = (item: IngestItem) => {
    const reportId = item.reportId!
    const row = store
      .stmt(
        `SELECT d.file_name AS fileName, r.agency, r.year, src.file_name AS fromFile
         FROM reports r JOIN documents d ON d.id = r.document_id
         JOIN reports sr ON sr.id = r.identity_from JOIN documents src ON src.id = sr.document_id WHERE r.id = ?`
      )
      .get(reportId) as { fileName: string; agency: string | null; year: number | null; fromFile: string }
    onEvent?.({ type: 'identity', reportId, fileName: row.fileName, from: row.fromFile, agency: row.agency, year: row.year })
    item.agency = row.agency
    item.year = row.year
  }

  // Reports given an identity as they were saved: looked at again once the batch is in.
  const namedOnSave: number[] = []
  const checks = options.check !== false ? new BatchCheck(store) : null
  while (next < files.length && inFlight.size < window) launch(next++)
  for (let i = 0; i < files.length; i++) {
    const p = inFlight.get(i)
    if (!p) break // cancelled before this file was started
    const prepared = await p
    inFlight.delete(i)
    const { item, named } = save(prepared)
    // The workers go on parsing meanwhile: this is the part of the checks they do not wait for.
    if (checks && item.reportId !== undefined) checks.saved(item.reportId)
    emit(item)
    if (named) {
      namedOnSave.push(item.reportId!)
      identityOf(item)
    }
    if (signal?.aborted) cancelled = true
    if (!cancelled && next < files.length) launch(next++)
  }

  const resolved = store.resolveIdentities(namedOnSave)
  for (const reportId of resolved) {
    const item = items.find((it) => it.reportId === reportId)
    if (item) identityOf(item)
  }

  if (checks) {
    const checked = checks.finish(resolved)
    if (checked.length) onEvent?.({ type: 'checked', reports: checked.length })
  }

  const counts: Record<IngestStatus, number> = { ok: 0, needs_ocr: 0, error: 0, skipped: 0 }
  for (const it of items) counts[it.status]++
  return { items, counts, ignored, convertible, hidden, cancelled, elapsedMs: performance.now() - started }
}

/** The reading of a file whose parse failed inside the program (a worker crashed, say). */
export function internalError(kind: DocumentKind, err: Error): ParsedDocument {
  return { kind, status: 'error', pages: null, encoding: null, message: `解析时发生内部错误：${err.message}`, text: '', pageOffsets: null, report: null, signature: null, elapsedMs: 0 }
}

/** What the import line adds for a reading whose values need the original (by problem code). */
const READING_NOTES: Partial<Record<ProblemCode, string>> = {
  ocr_text: '表格文字取自扫描件上的 OCR 识别层，数值须对照原件核对',
  text_garbled: 'PDF 文字层有部分字符解码错误，读不出的单元格须对照原件核对',
  table_scrambled: '文本中表格的文字顺序被打乱，多数单元格无法对应，建议改为导入原 PDF'
}

export function itemOf(file: string, fileName: string, parsed: ParsedDocument, documentId: number, reportId: number | null, version: number | null): IngestItem {
  const base = { path: file, fileName, documentId, pages: parsed.pages, parseMs: parsed.elapsedMs }
  if (parsed.status !== 'ok' || !parsed.report) {
    return { ...base, status: parsed.status === 'needs_ocr' ? 'needs_ocr' : 'error', message: parsed.message ?? '无法读取' }
  }
  const r = parsed.report
  const filled = Object.values(r.cells).filter((c) => c.value !== null).length
  const all = Object.keys(r.cells).length
  const who = r.agency && r.year ? `${r.agency} ${r.year} 年` : '未识别标题'
  const tpl = r.template ? `${r.template} 版格式` : '格式未识别'
  const issues = r.problems.length ? `，结构问题 ${r.problems.length} 处` : ''
  const ocrLayer = r.problems.some((p) => p.code === 'ocr_text')
  const notes = Object.entries(READING_NOTES)
    .filter(([code]) => r.problems.some((p) => p.code === code))
    .map(([, note]) => `；${note}`)
    .join('')
  return {
    ...base,
    status: 'ok',
    reportId: reportId ?? undefined,
    agency: r.agency,
    year: r.year,
    template: r.template,
    version,
    ...(ocrLayer ? { ocrLayer } : {}),
    message: `${who}（${tpl}），读出 ${filled}/${all} 个表格单元${issues}${notes}${version && version > 1 ? `；同一机关同一年度的第 ${version} 个版本` : ''}`
  }
}
