/**
 * The one IPC contract between the renderer and the main process. The preload exposes exactly
 * these channels; the main process (and the browser-test bridge) registers a handler for each.
 * Only plain, structured-cloneable data crosses it. No Node or DOM imports here.
 */

export type TemplateName = '2019' | '2021'
export type SeverityName = 'error' | 'warning' | 'info'
export type ReviewState = 'pending' | 'confirmed' | 'dismissed' | 'fixed'
export type DocumentStatus = 'ok' | 'needs_ocr' | 'error'

/** A box [x0, y0, x1, y1] on a page as shown (points, y up; see core/model/report.ts Box), or a character range of a TXT's decoded text. */
export type SourceRef = { kind: 'pdf'; page: number; box: [number, number, number, number] } | { kind: 'txt'; start: number; end: number }

export interface WorkspaceInfo {
  file: string
  reports: number
  documents: number
  /** The bundled sample (the five seed reports) can be imported. */
  sampleAvailable: boolean
  reviewer: string
  /** Reports read by an older version of the program, which 'ingest:reread' reads again. */
  stale: number
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
  status: DocumentStatus
  error: string | null
  pages: number | null
  reportId: number | null
}

/** One line of the library: a document and, when it was read, its report and review progress. */
export interface LibraryRowDto {
  documentId: number
  reportId: number | null
  file: string
  path: string
  kind: 'pdf' | 'txt'
  agency: string | null
  year: number | null
  template: TemplateName | null
  pages: number | null
  status: DocumentStatus
  error: string | null
  version: number | null
  errors: number
  warnings: number
  infos: number
  /** Open findings reviewed (not 待复核) / open findings. */
  reviewed: number
  total: number
  importedAt: string
  /** The report's tables were read from a scan's OCR text layer: values to check against the image. */
  ocrLayer: boolean
  /** Where the agency and year came from (title, a file with the same content, the auditor, nowhere); null without a report. */
  identity: IdentitySource | null
  /** The publication date the auditor recorded (YYYY-MM-DD), and whether the report was not found on the site. */
  pubDate: string | null
  notFound: boolean
}

export interface CellDto {
  key: string
  /** The value the checks use: the auditor's correction when there is one. */
  value: number | null
  status: 'ok' | 'blank' | 'unreadable' | 'lost'
  raw: string
  source: SourceRef | null
  correction: { original: number | null; by: string; at: string; reason: string | null } | null
  /**
   * For a blank cell: the value each table identity it is the only blank cell of implies, with
   * the computation (offered as a correction, never taken by itself).
   */
  implied: Array<{ value: number; how: string; identity: string }>
}

/** A header cell of a table drawn in the official layout. */
export interface HeaderCellDto {
  text: string
  colSpan?: number
  rowSpan?: number
}

/** One table (or one block of table 二) in the official layout: header rows, then labelled rows of keys. */
export interface TableLayoutDto {
  table: 't2' | 't3' | 't4'
  title: string
  header: HeaderCellDto[][]
  rows: Array<{ label: string; depth: number; keys: Array<string | null> }>
}

export interface SectionDto {
  index: number
  heading: string
  text: string
  source: SourceRef | null
}

export interface ReportDetail {
  id: number
  documentId: number
  file: string
  path: string
  kind: 'pdf' | 'txt'
  pages: number | null
  title: string | null
  agency: string | null
  year: number | null
  template: TemplateName | null
  version: number
  /** Where the agency and year come from: the title, a file of the same content, the auditor. */
  identity: IdentityDto
  /**
   * Agency and year the file's name gives, offered (never taken) when the report itself names
   * neither or only one of them; null otherwise.
   */
  nameFromFile: { agency: string | null; year: number } | null
  cells: Record<string, CellDto>
  layout: TableLayoutDto[]
  sections: SectionDto[]
  /** Describes a canonical key for people: 表三“（七）总计”行“总计”列. */
  keyLabels: Record<string, string>
}

/** Where a report's agency and year came from: its title, a file with the same content, the auditor, nowhere yet. */
export type IdentitySource = 'title' | 'sibling' | 'manual' | 'none'

export interface IdentityDto {
  source: IdentitySource
  /** 'sibling': the file the agency and year were taken from. */
  fromFile: string | null
  /** 'manual': who set them, and when (ISO time). */
  by: string | null
  at: string | null
}

export interface FindingDto {
  id: number
  reportId: number
  rule: string
  origin: 'rule' | 'auditor'
  severity: SeverityName
  title: string
  message: string
  cells: string[]
  source: SourceRef | null
  page: number | null
  status: 'open' | 'resolved'
  review: ReviewState
  comment: string | null
  reviewer: string | null
  reviewedAt: string | null
}

export interface FindingEventDto {
  at: string
  actor: string | null
  action: string
  detail: unknown
}

export interface CorrectionDto {
  id: number
  key: string
  value: number | null
  original: number | null
  reason: string | null
  actor: string
  at: string
  revertedAt: string | null
  active: boolean
}

export interface ComparisonDto {
  current: { id: number; agency: string | null; year: number | null; file: string }
  previous: { id: number; agency: string | null; year: number | null; file: string } | null
  rows: Array<{ key: string; label: string; table: 't2' | 't3' | 't4'; current: number | null; previous: number | null; delta: number | null }>
  findings: FindingDto[]
}

/** The source of a document for the viewer: the PDF's bytes, or the decoded text of a TXT. */
export type SourceDto = { kind: 'pdf'; bytes: Uint8Array; missing: null } | { kind: 'txt'; text: string; missing: null } | { kind: 'pdf' | 'txt'; text: string; missing: string }

export interface IngestItemDto {
  path: string
  fileName: string
  status: 'ok' | 'needs_ocr' | 'error' | 'skipped'
  message: string
  reportId?: number
  /** Read, but from a scan's OCR text layer (the message says so). */
  ocrLayer?: boolean
  /** In the summary: a report whose agency or year is still unknown after the batch (no title, no file of the same content). */
  nameless?: boolean
  /** For such a report, what its file name gives when it reads as the title: to check, not taken. */
  nameFromFile?: { agency: string | null; year: number }
}

export interface IngestResultDto {
  items: IngestItemDto[]
  counts: Record<'ok' | 'needs_ocr' | 'error' | 'skipped', number>
  /** Files in the folders not imported: of another type, or hidden and system files (._name.pdf …). */
  ignored: number
  /** Of those, files in a format reports also come in (Word, OFD, archives), with what to do. */
  convertible: Array<{ fileName: string; what: string; todo: string }>
  hidden: number
  cancelled: boolean
  elapsedMs: number
  /** Set when this was a re-reading of imported files ('ingest:reread'), not an import. */
  reread?: { reread: number; kept: number }
}

/** What the folders of an import held besides reports, as the summary says it ('' when nothing). */
export function notImportedText({ ignored, hidden, convertible = [] }: { ignored: number; hidden: number; convertible?: Array<{ fileName: string; what: string; todo: string }> }): string {
  // Files that may be reports in another format are named, with what to do; the rest counted.
  const kinds = [...new Set(convertible.map((c) => c.what))].map((what) => {
    const of = convertible.filter((c) => c.what === what)
    const names = of.slice(0, 3).map((c) => c.fileName).join('、') + (of.length > 3 ? ` 等` : '')
    return `${of.length} 个${/^[A-Za-z]/.test(what) ? ' ' : ''}${what}（${names}；${of[0].todo}）`
  })
  const rest = ignored - convertible.length
  const parts = [...kinds, rest ? `${rest} 个${kinds.length ? '其他' : '非 PDF/TXT '}文件` : '', hidden ? `${hidden} 个隐藏或系统文件（如 Mac 附带的 ._ 文件）` : ''].filter(Boolean)
  return parts.length ? `另有 ${parts.join('、')}未导入` : ''
}

export interface IngestProgress {
  done: number
  total: number
  current: string | null
  item?: IngestItemDto
}

export interface SavedFileDto {
  path: string
  bytes: number
}

/** Kinds of publishing body, as the deadline rules tell them apart (core rules/agency.ts). */
export type AgencyTypeName = 'province' | 'prefecture' | 'city' | 'county' | 'township' | 'subdistrict' | 'devzone' | 'department' | 'unknown'

/** What the auditor records about a report's publication, and what the document itself shows. */
export interface ReportMetaDto {
  /** YYYY-MM-DD, as the auditor verified it; null: not verified (D05). */
  pubDate: string | null
  pubUrl: string | null
  /** Not found on the agency's site, or hard to find (D06). */
  notFound: boolean
  /** The type the auditor set; null when the type the agency's name gives stands. */
  agencyType: AgencyTypeName | null
  agencyTypeFromName: AgencyTypeName
  /** Every type with its label, in the order to offer them. */
  agencyTypes: Array<{ value: AgencyTypeName; label: string }>
  /** The date and address the document shows (a copy of the web page): offered, never taken. */
  printed: { date: string | null; dateQuote: string | null; url: string | null }
  updatedBy: string | null
  updatedAt: string | null
}

export interface ReportMetaInput {
  id: number
  pubDate: string | null
  pubUrl: string | null
  notFound: boolean
  agencyType: AgencyTypeName | null
}

/** Request → response handlers. Every handler takes at most one argument object. */
export interface Api {
  'workspace:info': () => Promise<WorkspaceInfo>
  /** Asks the host for a workspace file to open or create, then switches to it. */
  'workspace:choose': (args: { create: boolean }) => Promise<WorkspaceInfo | null>
  'reviewer:set': (args: { name: string }) => Promise<WorkspaceInfo>
  'reports:list': () => Promise<ReportSummary[]>
  'documents:list': () => Promise<DocumentSummary[]>
  'library:list': () => Promise<LibraryRowDto[]>
  /** Asks the host for files or a folder to import (a dialog in the app), then imports them. */
  'ingest:choose': (args: { folder: boolean }) => Promise<IngestResultDto | null>
  'ingest:paths': (args: { paths: string[] }) => Promise<IngestResultDto>
  'ingest:cancel': () => Promise<void>
  /** Imports the bundled sample reports. */
  'ingest:sample': () => Promise<IngestResultDto>
  /** Reads the reports of older versions again, in place (corrections and reviews stay). */
  'ingest:reread': () => Promise<IngestResultDto>
  'report:get': (args: { id: number }) => Promise<ReportDetail>
  'report:source': (args: { id: number }) => Promise<SourceDto>
  'report:findings': (args: { id: number }) => Promise<FindingDto[]>
  'report:compare': (args: { id: number }) => Promise<ComparisonDto | null>
  'report:corrections': (args: { id: number }) => Promise<CorrectionDto[]>
  'report:check': (args: { id: number }) => Promise<FindingDto[]>
  'finding:review': (args: { id: number; review?: ReviewState; comment?: string | null }) => Promise<FindingDto>
  'finding:add': (args: { reportId: number; severity: SeverityName; message: string; cells: string[]; source: SourceRef | null; quote: string | null }) => Promise<FindingDto>
  'finding:delete': (args: { id: number }) => Promise<void>
  'finding:events': (args: { id: number }) => Promise<FindingEventDto[]>
  'cell:correct': (args: { reportId: number; key: string; value: number | null; reason: string | null }) => Promise<ReportDetail>
  'cell:revert': (args: { reportId: number; key: string }) => Promise<ReportDetail>
  /** The auditor names the report's agency and year (kept through re-reads); checks re-run. */
  'report:identity': (args: { id: number; agency: string; year: number }) => Promise<ReportDetail>
  /** Publication facts of a report (for the deadline checks D01–D06). */
  'report:meta': (args: { id: number }) => Promise<ReportMetaDto>
  /** Records them and checks the report again; returns them as stored. */
  'report:setMeta': (args: ReportMetaInput) => Promise<ReportMetaDto>
  /** Writes a memo (one report, several, or the batch summary) where the user chooses. */
  'memo:save': (args: { reports: number[] | 'all'; format: 'docx' | 'pdf'; pending: 'list' | 'omit' }) => Promise<SavedFileDto | null>
  /** Writes the Excel workbook of every cell and finding where the user chooses. */
  'export:xlsx': () => Promise<SavedFileDto | null>
}

/** Main → renderer notifications. */
export interface Events {
  'ingest:progress': IngestProgress
  /** The app menu asks the page to start an import. */
  'menu:import': { folder: boolean }
  /** Another workspace was opened (from the menu): reload everything. */
  'workspace:changed': WorkspaceInfo
}

export type Channel = keyof Api
export type EventName = keyof Events

export const CHANNELS = [
  'workspace:info',
  'workspace:choose',
  'reviewer:set',
  'reports:list',
  'documents:list',
  'library:list',
  'ingest:choose',
  'ingest:paths',
  'ingest:cancel',
  'ingest:sample',
  'ingest:reread',
  'report:get',
  'report:source',
  'report:findings',
  'report:compare',
  'report:corrections',
  'report:check',
  'finding:review',
  'finding:add',
  'finding:delete',
  'finding:events',
  'cell:correct',
  'cell:revert',
  'report:identity',
  'report:meta',
  'report:setMeta',
  'memo:save',
  'export:xlsx'
] as const satisfies readonly Channel[]
export const EVENTS = ['ingest:progress', 'menu:import', 'workspace:changed'] as const satisfies readonly EventName[]

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
  /** The file-system paths of files dropped on the window (empty where the host has none). */
  pathsOf(files: File[]): string[]
}
