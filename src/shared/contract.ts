/**
 * The one IPC contract between the renderer and the main process. The preload exposes exactly
 * these channels; the main process (and the browser-test bridge) registers a handler for each.
 * Only plain, structured-cloneable data crosses it. No Node or DOM imports here.
 */

export type TemplateName = '2019' | '2021'

export interface WorkspaceInfo {
  file: string
  reports: number
  documents: number
}

export interface ReportSummary {
  id: number
  documentId: number
  file: string
  kind: 'pdf' | 'txt'
  agency: string | null
  year: number | null
  template: TemplateName | null
  pages: number | null
  version: number
  identity: 'title' | 'sibling' | 'manual' | 'none'
  /** Cells read / cells of the layout. */
  cellsRead: number
  cellsTotal: number
  /** Structural problems found while reading the tables. */
  problems: number
}

export interface DocumentSummary {
  id: number
  file: string
  path: string
  kind: 'pdf' | 'txt'
  status: 'ok' | 'needs_ocr' | 'error'
  error: string | null
  pages: number | null
  reportId: number | null
}

export interface IngestItemDto {
  path: string
  fileName: string
  status: 'ok' | 'needs_ocr' | 'error' | 'skipped'
  message: string
  reportId?: number
}

export interface IngestResultDto {
  items: IngestItemDto[]
  counts: Record<'ok' | 'needs_ocr' | 'error' | 'skipped', number>
  cancelled: boolean
  elapsedMs: number
}

export interface IngestProgress {
  done: number
  total: number
  current: string | null
  item?: IngestItemDto
}

/** Request → response handlers. Every handler takes at most one argument object. */
export interface Api {
  'workspace:info': () => Promise<WorkspaceInfo>
  'reports:list': () => Promise<ReportSummary[]>
  'documents:list': () => Promise<DocumentSummary[]>
  /** Asks the host for files or a folder to import (a dialog in the app), then imports them. */
  'ingest:choose': (args: { folder: boolean }) => Promise<IngestResultDto | null>
  'ingest:paths': (args: { paths: string[] }) => Promise<IngestResultDto>
  'ingest:cancel': () => Promise<void>
}

/** Main → renderer notifications. */
export interface Events {
  'ingest:progress': IngestProgress
  /** The app menu asks the page to start an import. */
  'menu:import': { folder: boolean }
}

export type Channel = keyof Api
export type EventName = keyof Events

export const CHANNELS = ['workspace:info', 'reports:list', 'documents:list', 'ingest:choose', 'ingest:paths', 'ingest:cancel'] as const satisfies readonly Channel[]
export const EVENTS = ['ingest:progress', 'menu:import'] as const satisfies readonly EventName[]

// Compile-time check that CHANNELS lists every handler exactly.
type Missing = Exclude<Channel, (typeof CHANNELS)[number]>
const _complete: Missing extends never ? true : never = true
void _complete

export type ArgOf<K extends Channel> = Parameters<Api[K]> extends [infer A] ? A : undefined
export type ResultOf<K extends Channel> = Awaited<ReturnType<Api[K]>>

/** What the preload exposes as `window.api`. */
export interface Bridge {
  invoke<K extends Channel>(channel: K, arg?: ArgOf<K>): Promise<ResultOf<K>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
