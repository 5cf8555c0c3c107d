/**
 * The handlers behind the IPC contract, free of Electron: the app registers them with
 * ipcMain, the browser tests call them over a loopback bridge, both in plain Node.
 */
import { fsReason } from '../core/errors'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ingestPaths, type IngestItem, type IngestSummary } from '../core/ingest/ingest'
import { countStale, rereadDocuments } from '../core/ingest/reread'
import type { ParsePool } from '../core/ingest/pool'
import { writeMemo, writeWorkbook } from '../core/memo'
import { checkReport } from '../core/review/check'
import { compareWithPrevious } from '../core/review/compare'
import { correctCell, listCorrections, revertCorrection } from '../core/review/corrections'
import { addAuditorFinding, deleteAuditorFinding, findingEvents, getFinding, listFindings, reviewFinding } from '../core/review/findings'
import { listLibrary } from '../core/review/library'
import { identityFromFileName, setReportIdentity } from '../core/review/identity'
import { reportPublication, setReportPublication } from '../core/review/publication'
import { listDocuments } from '../core/store/read'
import type { Store } from '../core/store/store'
import type { Api, EventName, Events, IngestItemDto, IngestResultDto, ReportSummary, SavedFileDto, WorkspaceInfo } from '../shared/contract'
import { findingDto, publicationDto, reportDetail } from './dto'

/** What only the host can do: dialogs, and pushing events to the window. */
export interface Host {
  choosePaths(folder: boolean): Promise<string[] | null>
  /** A file to write (a save dialog in the app). */
  chooseSavePath(options: { title: string; defaultName: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<string | null>
  /** A workspace file to open or create. */
  chooseWorkspace(create: boolean): Promise<string | null>
  /** Remembers the workspace in use, for the next start. */
  workspaceOpened?(file: string): void
  emit<E extends EventName>(event: E, payload: Events[E]): void
  /** The folder of the bundled sample reports, when shipped. */
  samplesDir: string | null
}

export interface BackendOptions {
  store: Store
  host: Host
  /** Parse workers; without one, files are parsed in the calling thread. */
  pool?: ParsePool
  /** Opens another workspace file (the app passes the Electron native binding). */
  openStore?: (file: string) => Store
}

const REVIEWER_KEY = 'reviewer'
const DEFAULT_REVIEWER = '审查员'

function itemDto(i: IngestItem): IngestItemDto {
  return {
    path: i.path,
    fileName: i.fileName,
    status: i.status,
    message: i.message,
    ...(i.reportId ? { reportId: i.reportId } : {}),
    ...(i.ocrLayer ? { ocrLayer: true } : {})
  }
}

function resultDto(s: IngestSummary): IngestResultDto {
  // Items are final here: the batch has given title-less reports the names of their twins.
  const nameless = (i: IngestItem) => i.status === 'ok' && i.reportId !== undefined && !(i.agency && i.year)
  const named = (i: IngestItem) => identityFromFileName(i.fileName) ?? undefined
  return { items: s.items.map((i) => ({ ...itemDto(i), ...(nameless(i) ? { nameless: true, nameFromFile: named(i) } : {}) })), counts: s.counts, ignored: s.ignored, convertible: s.convertible.map(({ fileName, what, todo }) => ({ fileName, what, todo })), hidden: s.hidden, cancelled: s.cancelled, elapsedMs: Math.round(s.elapsedMs) }
}

export interface Backend {
  handlers: Api
  /** The workspace in use (it changes when the user opens another). */
  store(): Store
}

export function createBackend({ store: initial, host, pool, openStore }: BackendOptions): Backend {
  let store = initial
  let running: AbortController | null = null

  const reviewer = (): string => {
    const row = store.db.prepare('SELECT value FROM settings WHERE key = ?').get(REVIEWER_KEY) as { value: string } | undefined
    return row?.value || DEFAULT_REVIEWER
  }

  const info = (): WorkspaceInfo => {
    const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n
    return {
      file: store.file,
      reports: count('SELECT COUNT(*) AS n FROM reports'),
      documents: count('SELECT COUNT(*) AS n FROM documents'),
      sampleAvailable: host.samplesDir !== null && fs.existsSync(host.samplesDir),
      reviewer: reviewer(),
      stale: countStale(store)
    }
  }

  const requireReport = (id: number) => {
    const detail = reportDetail(store, id)
    if (!detail) throw new Error(`工作区中没有编号为 ${id} 的报告`)
    return detail
  }

  const ingest = async (paths: string[]): Promise<IngestResultDto> => {
    if (running) throw new Error('已有导入任务正在进行，请等待其完成或先取消')
    running = new AbortController()
    let done = 0
    let total = 0
    try {
      const summary = await ingestPaths(paths, {
        store,
        pool,
        signal: running.signal,
        onEvent: (e) => {
          if (e.type === 'start') {
            total = e.total
            host.emit('ingest:progress', { done: 0, total, current: null })
          } else if (e.type === 'file') {
            done++
            host.emit('ingest:progress', { done, total, current: path.basename(e.item.path), item: itemDto(e.item) })
          }
        }
      })
      return resultDto(summary)
    } finally {
      running = null
    }
  }

  const reread = async (): Promise<IngestResultDto> => {
    if (running) throw new Error('已有导入任务正在进行，请等待其完成或先取消')
    running = new AbortController()
    try {
      host.emit('ingest:progress', { done: 0, total: countStale(store), current: null })
      const summary = await rereadDocuments({
        store,
        pool,
        onItem: (item, i, total) => host.emit('ingest:progress', { done: i + 1, total, current: path.basename(item.path), item: itemDto(item) })
      })
      const counts = { ok: 0, needs_ocr: 0, error: 0, skipped: 0 }
      for (const it of summary.items) counts[it.status]++
      return {
        items: summary.items.map(itemDto),
        counts,
        ignored: 0,
        convertible: [],
        hidden: 0,
        cancelled: false,
        elapsedMs: Math.round(summary.elapsedMs),
        reread: { reread: summary.reread, kept: summary.kept }
      }
    } finally {
      running = null
    }
  }

  const save = async (title: string, defaultName: string, ext: string, label: string, write: (out: string) => Promise<unknown>): Promise<SavedFileDto | null> => {
    const out = await host.chooseSavePath({ title, defaultName, filters: [{ name: label, extensions: [ext] }] })
    if (!out) return null
    await write(out)
    return { path: out, bytes: fs.statSync(out).size }
  }

  const handlers: Api = {
    'workspace:info': async () => info(),
    'workspace:choose': async ({ create }) => {
      if (running) throw new Error('导入进行中，不能切换工作区')
      if (!openStore) throw new Error('此环境不能切换工作区')
      const file = await host.chooseWorkspace(create)
      if (!file) return null
      const next = openStore(file)
      store.close()
      store = next
      host.workspaceOpened?.(file)
      const now = info()
      host.emit('workspace:changed', now)
      return now
    },
    'reviewer:set': async ({ name }) => {
      if (!name) throw new Error('审查人姓名不能为空')
      store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(REVIEWER_KEY, name)
      return info()
    },
    'reports:list': async (): Promise<ReportSummary[]> => {
      const rows = store.db
        .prepare(
          `SELECT r.id, r.document_id AS documentId, d.file_name AS file, d.kind, r.agency, r.year, r.template, d.pages, r.version,
                  r.identity_source AS identity,
                  (SELECT COUNT(*) FROM cells c WHERE c.report_id = r.id AND c.value IS NOT NULL) AS cellsRead,
                  (SELECT COUNT(*) FROM cells c WHERE c.report_id = r.id) AS cellsTotal,
                  (SELECT COUNT(*) FROM problems p WHERE p.report_id = r.id) AS problems
           FROM reports r JOIN documents d ON d.id = r.document_id ORDER BY r.agency_key, r.year, r.id`
        )
        .all() as ReportSummary[]
      return rows
    },
    'documents:list': async () =>
      listDocuments(store).map((d) => ({
        id: d.id,
        file: d.fileName,
        path: d.path,
        kind: d.kind,
        status: d.status,
        error: d.error,
        pages: d.pages,
        reportId: d.reportId
      })),
    'library:list': async () => listLibrary(store),
    'ingest:choose': async ({ folder }) => {
      const paths = await host.choosePaths(folder)
      return paths && paths.length ? ingest(paths) : null
    },
    'ingest:paths': async ({ paths }) => ingest(paths),
    'ingest:reread': async () => reread(),
    'ingest:cancel': async () => {
      running?.abort()
    },
    'ingest:sample': async () => {
      if (!host.samplesDir || !fs.existsSync(host.samplesDir)) throw new Error('没有找到随应用提供的示例报告（resources/samples）')
      return ingest([host.samplesDir])
    },
    'report:get': async ({ id }) => requireReport(id),
    'report:source': async ({ id }) => {
      const d = store.db
        .prepare('SELECT d.kind, d.path, d.sha256, d.text FROM reports r JOIN documents d ON d.id = r.document_id WHERE r.id = ?')
        .get(id) as { kind: 'pdf' | 'txt'; path: string; sha256: string; text: string } | undefined
      if (!d) throw new Error(`工作区中没有编号为 ${id} 的报告`)
      // A TXT's character ranges refer to the decoded text kept in the store: no need for the file.
      if (d.kind === 'txt') return { kind: 'txt', text: d.text, missing: null }
      let bytes: Buffer
      try {
        bytes = fs.readFileSync(d.path)
      } catch (err) {
        return { kind: 'pdf', text: d.text, missing: `找不到原文件 ${d.path}（${fsReason(err)}），以下为导入时读出的文字` }
      }
      if (createHash('sha256').update(bytes).digest('hex') !== d.sha256) {
        return { kind: 'pdf', text: d.text, missing: `原文件 ${d.path} 在导入后已被修改，位置标注可能不准，以下为导入时读出的文字` }
      }
      return { kind: 'pdf', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), missing: null }
    },
    'report:findings': async ({ id }) => {
      requireReport(id)
      return listFindings(store, id).map(findingDto)
    },
    'report:compare': async ({ id }) => {
      requireReport(id)
      const c = compareWithPrevious(store, id)
      return c ? { ...c, findings: c.findings.map(findingDto) } : null
    },
    'report:corrections': async ({ id }) => listCorrections(store, id),
    'report:check': async ({ id }) => {
      if (!checkReport(store, id)) throw new Error(`工作区中没有编号为 ${id} 的报告`)
      return listFindings(store, id).map(findingDto)
    },
    'finding:review': async ({ id, review, comment }) => findingDto(reviewFinding(store, id, { review, comment }, reviewer())),
    'finding:add': async ({ reportId, severity, message, cells, source, quote }) => {
      requireReport(reportId)
      return findingDto(addAuditorFinding(store, reportId, { severity, message, cells, source, quote: quote ?? undefined }, reviewer()))
    },
    'finding:delete': async ({ id }) => deleteAuditorFinding(store, id, reviewer()),
    'finding:events': async ({ id }) => {
      if (!getFinding(store, id)) throw new Error(`没有编号为 ${id} 的问题`)
      return findingEvents(store, id)
    },
    'cell:correct': async ({ reportId, key, value, reason }) => {
      correctCell(store, reportId, key, value, reviewer(), reason ?? undefined)
      return requireReport(reportId)
    },
    'cell:revert': async ({ reportId, key }) => {
      revertCorrection(store, reportId, key, reviewer())
      return requireReport(reportId)
    },
    'report:identity': async ({ id, agency, year }) => {
      setReportIdentity(store, id, { agency, year }, reviewer())
      return requireReport(id)
    },
    'report:meta': async ({ id }) => {
      const p = reportPublication(store, id)
      if (!p) throw new Error(`工作区中没有编号为 ${id} 的报告`)
      return publicationDto(p)
    },
    'report:setMeta': async ({ id, ...input }) => publicationDto(setReportPublication(store, id, input, reviewer())),
    'memo:save': async ({ reports, format, pending }) => {
      const name = reports === 'all' ? '审查意见汇总' : reports.length === 1 ? memoName(store, reports[0]) : `审查意见（${reports.length} 份）`
      return save('保存审查意见', `${name}.${format}`, format, format === 'pdf' ? 'PDF 文档' : 'Word 文档', (out) =>
        writeMemo(store, { reports, format, out, includePending: pending, reviewer: reviewer() })
      )
    },
    'export:xlsx': async () => save('导出 Excel 工作簿', '年报数据与问题.xlsx', 'xlsx', 'Excel 工作簿', (out) => writeWorkbook(store, out))
  }

  return { handlers, store: () => store }
}

/** The handlers alone, for callers that never switch workspaces. */
export function createHandlers(options: BackendOptions): Api {
  return createBackend(options).handlers
}

function memoName(store: Store, id: number): string {
  const r = store.db.prepare('SELECT agency, year FROM reports WHERE id = ?').get(id) as { agency: string | null; year: number | null } | undefined
  return `${r?.agency ?? '报告'}${r?.year ?? ''}年报审查意见`
}
