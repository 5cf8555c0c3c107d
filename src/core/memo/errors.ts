/** A memo or export that cannot be made, with a message in Chinese for the user. */
export class MemoError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'MemoError'
  }
}
