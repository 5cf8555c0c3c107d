/**
 * The handlers behind the IPC contract, free of Electron: the app registers them with
 * ipcMain, the browser tests call them over a loopback bridge, both in plain Node.
 */
import path from 'node:path'
import { ingestPaths, type IngestItem, type IngestSummary } from '../core/ingest/ingest'
import type { ParsePool } from '../core/ingest/pool'
import { listDocuments } from '../core/store/read'
import type { Store } from '../core/store/store'
import type { Api, EventName, Events, IngestItemDto, IngestResultDto, ReportSummary } from '../shared/contract'

/** What only the host can do: dialogs, and pushing events to the window. */
export interface Host {
  choosePaths(folder: boolean): Promise<string[] | null>
  emit<E extends EventName>(event: E, payload: Events[E]): void
}

export interface BackendOptions {
  store: Store
  host: Host
  /** Parse workers; without one, files are parsed in the calling thread. */
  pool?: ParsePool
}

function itemDto(i: IngestItem): IngestItemDto {
  return { path: i.path, fileName: i.fileName, status: i.status, message: i.message, ...(i.reportId ? { reportId: i.reportId } : {}) }
}

function resultDto(s: IngestSummary): IngestResultDto {
  return { items: s.items.map(itemDto), counts: s.counts, cancelled: s.cancelled, elapsedMs: Math.round(s.elapsedMs) }
}

export function createHandlers({ store, host, pool }: BackendOptions): Api {
  let running: AbortController | null = null

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

  return {
    'workspace:info': async () => {
      const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n
      return { file: store.file, reports: count('SELECT COUNT(*) AS n FROM reports'), documents: count('SELECT COUNT(*) AS n FROM documents') }
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
    'ingest:choose': async ({ folder }) => {
      const paths = await host.choosePaths(folder)
      return paths && paths.length ? ingest(paths) : null
    },
    'ingest:paths': async ({ paths }) => ingest(paths),
    'ingest:cancel': async () => {
      running?.abort()
    }
  }
}
