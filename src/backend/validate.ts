/**
 * Validation of every IPC argument before a handler sees it: the renderer is untrusted.
 */
import { CHANNELS, type ArgOf, type Channel } from '../shared/contract'

export class InvalidArgument extends Error {
  constructor(channel: string, why: string) {
    super(`参数无效（${channel}）：${why}`)
    this.name = 'InvalidArgument'
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

const VALIDATORS: { [K in Channel]: (arg: unknown) => ArgOf<K> } = {
  'workspace:info': none('workspace:info'),
  'reports:list': none('reports:list'),
  'documents:list': none('documents:list'),
  'ingest:cancel': none('ingest:cancel'),
  'ingest:choose': (arg) => {
    if (!isObject(arg) || typeof arg.folder !== 'boolean') throw new InvalidArgument('ingest:choose', '需要 { folder: boolean }')
    return { folder: arg.folder }
  },
  'ingest:paths': (arg) => {
    if (!isObject(arg) || !Array.isArray(arg.paths) || arg.paths.length === 0 || arg.paths.length > 10000) {
      throw new InvalidArgument('ingest:paths', '需要 { paths: string[] }（1 至 10000 项）')
    }
    if (!arg.paths.every((p) => typeof p === 'string' && p.length > 0 && p.length < 4096 && !p.includes('\0'))) {
      throw new InvalidArgument('ingest:paths', '路径必须是非空字符串')
    }
    return { paths: arg.paths as string[] }
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
