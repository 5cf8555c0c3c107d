/**
 * Reading imported files again with the current extractor, in place: after an upgrade that
 * reads tables better, the reports already in a workspace get the new reading without losing
 * the auditor's work on them (corrections, reviews, comments stay: see Store.rereadDocument).
 * A file that has moved or changed since it was imported is left as it is, and said so.
 */
import { fsReason } from '../errors'
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import type { DocumentKind, ParsedDocument } from '../model/report'
import { BatchCheck } from '../review/check'
import { EXTRACTOR_VERSION, type Store } from '../store/store'
import { internalError, itemOf, type IngestItem } from './ingest'
import { DEFAULT_PARSE_OPTIONS, parseDocument, type ParseOptions } from './parse'
import type { ParsePool } from './pool'

export interface RereadOptions {
  store: Store
  pool?: ParsePool
  parse?: ParseOptions
  /** Every report, not only those read by an older extractor. */
  all?: boolean
  onItem?: (item: IngestItem, index: number, total: number) => void
}

export interface RereadSummary {
  items: IngestItem[]
  /** Documents read again: updated in place. */
  reread: number
  /** Documents left as they were (file missing or changed, or no report in the new reading). */
  kept: number
  elapsedMs: number
}

interface Target {
  id: number
  path: string
  fileName: string
  sha256: string
  kind: DocumentKind
}

/**
 * Documents whose report was read by an older extractor (all documents with a report when
 * `all`). A file that could not be read at all is read again by importing it again.
 */
export function staleDocuments(store: Store, all = false): Target[] {
  return store
    .stmt(
      `SELECT d.id, d.path, d.file_name AS fileName, d.sha256, d.kind
       FROM documents d JOIN reports r ON r.document_id = d.id
       WHERE ? OR r.extractor_version < ? ORDER BY d.id`
    )
    .all(all ? 1 : 0, EXTRACTOR_VERSION) as Target[]
}

/** How many reports an older extractor read (what staleDocuments lists, counted). */
export function countStale(store: Store): number {
  return (store.stmt('SELECT COUNT(*) AS n FROM reports WHERE extractor_version < ?').get(EXTRACTOR_VERSION) as { n: number }).n
}

export async function rereadDocuments(options: RereadOptions): Promise<RereadSummary> {
  const started = performance.now()
  const { store, pool } = options
  const parseOptions = options.parse ?? DEFAULT_PARSE_OPTIONS
  const targets = staleDocuments(store, options.all)
  const items: IngestItem[] = []
  const checks = new BatchCheck(store)
  let reread = 0
  let kept = 0
  const keep = (t: Target, why: string): IngestItem => {
    kept++
    return { path: t.path, fileName: t.fileName, status: 'error', message: `${why}，保留原有读取结果`, documentId: t.id }
  }

  const read = async (t: Target): Promise<{ bytes: Uint8Array } | { item: IngestItem }> => {
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await fs.readFile(t.path))
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      return { item: keep(t, code === 'ENOENT' ? `原文件已不在导入时的位置（${t.path}）` : `无法读取原文件：${fsReason(err)}`) }
    }
    if (createHash('sha256').update(bytes).digest('hex') !== t.sha256) return { item: keep(t, '原文件在导入后已被改动（内容不同），请作为新文件导入') }
    return { bytes }
  }
  const parse = (bytes: Uint8Array, kind: DocumentKind): Promise<ParsedDocument> =>
    pool ? pool.parse(bytes, kind, parseOptions) : parseDocument(bytes, kind, parseOptions)

  // Parsed ahead in the pool, saved in document order.
  const window = pool?.lookAhead ?? 1
  const pending = new Map<number, Promise<{ parsed: ParsedDocument } | { item: IngestItem }>>()
  const launch = (i: number) =>
    pending.set(
      i,
      read(targets[i]).then(async (r) => ('item' in r ? r : { parsed: await parse(r.bytes, targets[i].kind).catch((err: Error) => internalError(targets[i].kind, err)) }))
    )
  let next = 0
  while (next < targets.length && pending.size < window) launch(next++)
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]
    const got = await pending.get(i)!
    pending.delete(i)
    if (next < targets.length) launch(next++)
    let item: IngestItem
    if ('item' in got) item = got.item
    else if (!got.parsed.report) item = keep(t, `新版本未能读出报告（${got.parsed.message ?? '无法读取'}）`)
    else {
      try {
        const saved = store.rereadDocument(t.id, got.parsed)
        item = itemOf(t.path, t.fileName, got.parsed, t.id, saved.reportId, saved.version)
        item.message = `已重新读取：${item.message}`
        reread++
        if (saved.reportId !== null) checks.saved(saved.reportId)
      } catch (err) {
        item = keep(t, `保存失败（未写入任何内容）：${(err as Error).message}`)
      }
    }
    items.push(item)
    options.onItem?.(item, i, targets.length)
  }
  // As after an import: own rules ran as each was saved; comparisons once all are in.
  checks.finish(store.resolveIdentities())
  return { items, reread, kept, elapsedMs: performance.now() - started }
}
