/**
 * Errors that carry a stable code and a Chinese message for the auditor. The message never
 * names the file: callers prefix it with the file name, so one message fits CLI, UI and store.
 */

export type ReadErrorCode =
  | 'not_found'
  | 'unsupported'
  | 'unreadable'
  | 'empty'
  | 'not_pdf'
  | 'truncated'
  | 'corrupt'
  | 'encrypted'
  | 'too_many_pages'
  | 'binary'
  | 'not_report'
  | 'several_reports'
  | 'internal'

export class ReadError extends Error {
  readonly code: ReadErrorCode
  constructor(code: ReadErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'ReadError'
    this.code = code
  }
}

/** A message for any thrown value: ReadErrors as they are, anything else as an internal error. */
export function describeError(err: unknown): { code: ReadErrorCode; message: string } {
  if (err instanceof ReadError) return { code: err.code, message: err.message }
  const msg = err instanceof Error ? err.message : String(err)
  return { code: 'internal', message: `处理时发生内部错误：${msg}` }
}

/** What the operating system said when a file or folder could not be read, in Chinese (by errno code). */
const FS_REASONS: Record<string, string> = {
  ENOENT: '文件不存在，可能已被移动、改名或删除',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  EBUSY: '文件正被其他程序占用',
  EISDIR: '这是文件夹，不是文件',
  ENOTDIR: '路径中有一段不是文件夹',
  EMFILE: '同时打开的文件过多，请稍后重试',
  ENFILE: '同时打开的文件过多，请稍后重试',
  ENAMETOOLONG: '路径过长',
  EIO: '磁盘或网络驱动器读写出错',
  ELOOP: '快捷方式（链接）循环指向自身',
  ETIMEDOUT: '网络驱动器响应超时',
  EHOSTDOWN: '网络驱动器无法连接'
}

/** The reason a file-system call failed, for the auditor: known codes in Chinese, others with their code. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code
  if (code && FS_REASONS[code]) return FS_REASONS[code]
  const msg = err instanceof Error ? err.message : String(err)
  return code ? `${code}：${msg}` : msg
}
