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
