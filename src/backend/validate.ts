/**
 * Validation of every IPC argument before a handler sees it: the renderer is untrusted.
 */
import { CHANNELS, type AgencyTypeName, type ArgOf, type Channel, type SourceRef } from '../shared/contract'

const AGENCY_TYPES: readonly AgencyTypeName[] = ['province', 'prefecture', 'city', 'county', 'township', 'subdistrict', 'devzone', 'department', 'unknown']

export class InvalidArgument extends Error {
  constructor(channel: string, why: string) {
    super(`参数无效（${channel}）：${why}`)
    this.name = 'InvalidArgument'
  }
}

type Obj = Record<string, unknown>
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A small checker per channel: each throws InvalidArgument naming the channel and the field. */
function fields(channel: string, arg: unknown, allowed: string[]): Obj {
  if (!isObject(arg)) throw new InvalidArgument(channel, '需要一个对象参数')
  const extra = Object.keys(arg).filter((k) => !allowed.includes(k))
  if (extra.length) throw new InvalidArgument(channel, `不认识的字段 ${extra.join('、')}`)
  return arg
}

function id(channel: string, v: unknown, name = 'id'): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) throw new InvalidArgument(channel, `${name} 必须是正整数`)
  return v
}

function text(channel: string, v: unknown, name: string, max: number, optional = false): string | null {
  if (optional && (v === null || v === undefined)) return null
  if (typeof v !== 'string' || v.length > max || v.includes('\0')) throw new InvalidArgument(channel, `${name} 必须是不超过 ${max} 个字符的文本`)
  return v
}

function oneOf<T extends string>(channel: string, v: unknown, name: string, options: readonly T[]): T {
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) throw new InvalidArgument(channel, `${name} 必须是 ${options.join(' / ')} 之一`)
  return v as T
}

function cellKey(channel: string, v: unknown): string {
  if (typeof v !== 'string' || !/^t[234]\.[a-z_]+\.[a-z_]+$/.test(v)) throw new InvalidArgument(channel, `单元格键 ${String(v)} 格式不对`)
  return v
}

function number(channel: string, v: unknown, name: string): number | null {
  if (v === null) return null
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e12) throw new InvalidArgument(channel, `${name} 必须是数值或空`)
  return v
}

function sourceRef(channel: string, v: unknown): SourceRef | null {
  if (v === null || v === undefined) return null
  if (!isObject(v)) throw new InvalidArgument(channel, 'source 格式不对')
  if (v.kind === 'txt') {
    const start = v.start
    const end = v.end
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (end as number) < (start as number)) throw new InvalidArgument(channel, 'source 的字符范围不对')
    return { kind: 'txt', start: start as number, end: end as number }
  }
  if (v.kind === 'pdf') {
    const box = v.box
    if (!Array.isArray(box) || box.length !== 4 || !box.every((x) => typeof x === 'number' && Number.isFinite(x))) throw new InvalidArgument(channel, 'source 的位置框不对')
    return { kind: 'pdf', page: id(channel, v.page, 'page'), box: box as [number, number, number, number] }
  }
  throw new InvalidArgument(channel, 'source.kind 必须是 pdf 或 txt')
}

const SEVERITIES = ['error', 'warning', 'info'] as const
const REVIEWS = ['pending', 'confirmed', 'dismissed', 'fixed'] as const

const byId =
  <K extends Channel>(channel: K) =>
  (arg: unknown): ArgOf<K> =>
    ({ id: id(channel, fields(channel, arg, ['id']).id) }) as ArgOf<K>

const VALIDATORS: { [K in Channel]: (arg: unknown) => ArgOf<K> } = {
  'workspace:info': none('workspace:info'),
  'reports:list': none('reports:list'),
  'documents:list': none('documents:list'),
  'library:list': none('library:list'),
  'ingest:cancel': none('ingest:cancel'),
  'ingest:sample': none('ingest:sample'),
  'ingest:reread': none('ingest:reread'),
  'export:xlsx': none('export:xlsx'),
  'workspace:choose': (arg) => {
    const a = fields('workspace:choose', arg, ['create'])
    if (typeof a.create !== 'boolean') throw new InvalidArgument('workspace:choose', '需要 { create: boolean }')
    return { create: a.create }
  },
  'reviewer:set': (arg) => {
    const name = text('reviewer:set', fields('reviewer:set', arg, ['name']).name, '审查人姓名', 40)!.trim()
    return { name }
  },
  'ingest:choose': (arg) => {
    const a = fields('ingest:choose', arg, ['folder'])
    if (typeof a.folder !== 'boolean') throw new InvalidArgument('ingest:choose', '需要 { folder: boolean }')
    return { folder: a.folder }
  },
  'ingest:paths': (arg) => {
    const a = fields('ingest:paths', arg, ['paths'])
    if (!Array.isArray(a.paths) || a.paths.length === 0 || a.paths.length > 10000) {
      throw new InvalidArgument('ingest:paths', '需要 { paths: string[] }（1 至 10000 项）')
    }
    if (!a.paths.every((p) => typeof p === 'string' && p.length > 0 && p.length < 4096 && !p.includes('\0'))) {
      throw new InvalidArgument('ingest:paths', '路径必须是非空字符串')
    }
    return { paths: a.paths as string[] }
  },
  'report:get': byId('report:get'),
  'report:source': byId('report:source'),
  'report:findings': byId('report:findings'),
  'report:compare': byId('report:compare'),
  'report:corrections': byId('report:corrections'),
  'report:check': byId('report:check'),
  'finding:delete': byId('finding:delete'),
  'finding:events': byId('finding:events'),
  'finding:review': (arg) => {
    const c = 'finding:review'
    const a = fields(c, arg, ['id', 'review', 'comment'])
    if (a.review === undefined && a.comment === undefined) throw new InvalidArgument(c, '至少要给出 review 或 comment')
    return {
      id: id(c, a.id),
      ...(a.review !== undefined ? { review: oneOf(c, a.review, 'review', REVIEWS) } : {}),
      ...(a.comment !== undefined ? { comment: text(c, a.comment, 'comment', 4000, true) } : {})
    }
  },
  'finding:add': (arg) => {
    const c = 'finding:add'
    const a = fields(c, arg, ['reportId', 'severity', 'message', 'cells', 'source', 'quote'])
    const message = text(c, a.message, 'message', 4000)!.trim()
    if (!message) throw new InvalidArgument(c, '问题说明不能为空')
    if (!Array.isArray(a.cells) || a.cells.length > 200) throw new InvalidArgument(c, 'cells 必须是单元格键的数组')
    return {
      reportId: id(c, a.reportId, 'reportId'),
      severity: oneOf(c, a.severity, 'severity', SEVERITIES),
      message,
      cells: a.cells.map((k) => cellKey(c, k)),
      source: sourceRef(c, a.source),
      quote: text(c, a.quote, 'quote', 4000, true)
    }
  },
  'cell:correct': (arg) => {
    const c = 'cell:correct'
    const a = fields(c, arg, ['reportId', 'key', 'value', 'reason'])
    return { reportId: id(c, a.reportId, 'reportId'), key: cellKey(c, a.key), value: number(c, a.value, 'value'), reason: text(c, a.reason, 'reason', 1000, true) }
  },
  'cell:revert': (arg) => {
    const c = 'cell:revert'
    const a = fields(c, arg, ['reportId', 'key'])
    return { reportId: id(c, a.reportId, 'reportId'), key: cellKey(c, a.key) }
  },
  'report:identity': (arg) => {
    const c = 'report:identity'
    const a = fields(c, arg, ['id', 'agency', 'year'])
    if (typeof a.year !== 'number' || !Number.isSafeInteger(a.year)) throw new InvalidArgument(c, 'year 必须是整数')
    return { id: id(c, a.id), agency: text(c, a.agency, 'agency', 200)!, year: a.year }
  },
  'report:meta': (arg) => ({ id: id('report:meta', fields('report:meta', arg, ['id']).id) }),
  'report:setMeta': (arg) => {
    const c = 'report:setMeta'
    const a = fields(c, arg, ['id', 'pubDate', 'pubUrl', 'notFound', 'agencyType'])
    if (typeof a.notFound !== 'boolean') throw new InvalidArgument(c, 'notFound 必须是 true 或 false')
    return {
      id: id(c, a.id),
      pubDate: text(c, a.pubDate, 'pubDate', 10, true),
      pubUrl: text(c, a.pubUrl, 'pubUrl', 500, true),
      notFound: a.notFound,
      agencyType: a.agencyType === null ? null : oneOf(c, a.agencyType, 'agencyType', AGENCY_TYPES)
    }
  },
  'memo:save': (arg) => {
    const c = 'memo:save'
    const a = fields(c, arg, ['reports', 'format', 'pending'])
    let reports: number[] | 'all'
    if (a.reports === 'all') reports = 'all'
    else if (Array.isArray(a.reports) && a.reports.length > 0 && a.reports.length <= 10000) reports = a.reports.map((r) => id(c, r, 'reports[]'))
    else throw new InvalidArgument(c, "reports 必须是报告编号数组或 'all'")
    return { reports, format: oneOf(c, a.format, 'format', ['docx', 'pdf'] as const), pending: oneOf(c, a.pending, 'pending', ['list', 'omit'] as const) }
  }
}

function none<K extends Channel>(channel: K) {
  return (arg: unknown): ArgOf<K> => {
    if (arg !== undefined && arg !== null) throw new InvalidArgument(channel, '不接受参数')
    return undefined as ArgOf<K>
  }
}

export function isChannel(c: unknown): c is Channel {
  return typeof c === 'string' && (CHANNELS as readonly string[]).includes(c)
}

export function validate<K extends Channel>(channel: K, arg: unknown): ArgOf<K> {
  return VALIDATORS[channel](arg) as ArgOf<K>
}

/** Calls a handler with a validated argument. */
export async function dispatch<K extends Channel>(handlers: { [C in Channel]: (arg: never) => Promise<unknown> }, channel: K, arg: unknown): Promise<unknown> {
  if (!isChannel(channel)) throw new InvalidArgument(String(channel), '未知的通道')
  const valid = validate(channel, arg)
  return (handlers[channel] as (a: unknown) => Promise<unknown>)(valid)
}
