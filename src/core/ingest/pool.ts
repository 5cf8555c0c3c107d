/**
 * A small pool of worker threads for parsing. The host supplies how to start a worker
 * (in Node the worker entry bundled from source, in the Electron app the bundled file), so
 * this module knows nothing about either.
 *
 * Every worker first loads pdfjs and, when the host gives sample documents, parses them once
 * to warm up V8's compilers (see `PoolOptions.warmUp`); then it takes files from the queue.
 */
import type { Worker } from 'node:worker_threads'
import type { DocumentKind, ParsedDocument } from '../model/report'
import type { ParseOptions } from './parse'

export interface ParseTask {
  id: number
  bytes: Uint8Array
  kind: DocumentKind
  options: ParseOptions
}

/** The first message a worker gets: the documents to warm up on before any file. */
export interface WorkerInit {
  warmUp: Uint8Array[]
}

export type WorkerRequest = ({ type: 'init' } & WorkerInit) | ({ type: 'parse' } & ParseTask)

export interface ParseReply {
  id: number
  result?: ParsedDocument
  error?: string
}

/** Sent once pdfjs is loaded and the warm-up documents are parsed. */
export interface ReadyReply {
  /** Time spent loading pdfjs and warming up, in milliseconds. */
  ms: number
  warmedUp: number
  /** Why pdfjs could not load (each PDF will then fail with the reason). */
  error?: string
}

export type WorkerReply = ({ type: 'ready' } & ReadyReply) | ({ type: 'parsed' } & ParseReply)

export type SpawnWorker = () => Worker

export interface PoolOptions {
  /**
   * Sample PDFs each worker parses once when it starts, results discarded. V8 compiles pdfjs
   * and the extractor separately in every worker thread; until it has, the first documents of
   * a batch parse at about half speed (two interleaved A/B runs on the bench corpus of 210
   * documents: two workers used 29.6–31.0 CPU seconds warm, 33.6–37.4 cold). The app warms its
   * pool at launch, while the auditor looks at the library; a one-shot CLI batch gains nothing.
   */
  warmUp?: Uint8Array[]
}

interface Slot {
  worker: Worker
  busy: boolean
  task: { id: number; resolve: (r: ParsedDocument) => void; reject: (e: Error) => void } | null
  ready: Promise<ReadyReply>
  markReady: (r: ReadyReply) => void
}

/**
 * Options for every parse worker (app and Node alike). A young generation of 24 MB instead of
 * V8's default keeps two workers' peak under 500 MB (bench: 412–479 MB) while scavenges stay
 * rare; at 8 MB the workers spent 5.2 s in GC per 210 documents instead of 3.3 s.
 */
export const PARSE_WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 24 } } as const

export class ParsePool {
  private slots: Slot[] = []
  private queue: Array<{ task: ParseTask; resolve: (r: ParsedDocument) => void; reject: (e: Error) => void }> = []
  private nextId = 1
  private closed = false

  constructor(
    private readonly spawn: SpawnWorker,
    readonly size: number,
    options: PoolOptions = {}
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.start(options.warmUp ?? []))
  }

  /** Resolves when every worker has loaded pdfjs and finished its warm-up. */
  async ready(): Promise<ReadyReply[]> {
    return Promise.all(this.slots.map((s) => s.ready))
  }

  private start(warmUp: Uint8Array[]): Slot {
    let markReady!: (r: ReadyReply) => void
    const ready = new Promise<ReadyReply>((resolve) => (markReady = resolve))
    const slot: Slot = { worker: this.spawn(), busy: false, task: null, ready, markReady }
    slot.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        const { type: _, ...r } = reply
        slot.markReady(r)
        return
      }
      const t = slot.task
      slot.task = null
      slot.busy = false
      if (t) {
        if (reply.result) t.resolve(reply.result)
        else t.reject(new Error(reply.error ?? '解析线程没有返回结果'))
      }
      this.pump()
    })
    slot.worker.on('error', (err) => this.replace(slot, err))
    slot.worker.on('exit', (code) => {
      if (!this.closed && code !== 0) this.replace(slot, new Error(`解析线程意外退出（代码 ${code}）`))
    })
    // Copies, not transfers: the same samples warm every worker.
    slot.worker.postMessage({ type: 'init', warmUp } satisfies WorkerRequest)
    return slot
  }

  /** A crashed worker fails its task and is replaced, so one bad file cannot stop a batch. */
  private replace(slot: Slot, err: Error): void {
    const t = slot.task
    slot.task = null
    if (t) t.reject(err)
    const i = this.slots.indexOf(slot)
    if (i >= 0 && !this.closed) {
      void slot.worker.terminate()
      // No warm-up for a replacement: the batch is waiting for it. Whoever awaits the old
      // worker's readiness gets the new one's.
      const fresh = this.start([])
      void fresh.ready.then(slot.markReady)
      this.slots[i] = fresh
      this.pump()
    }
  }

  parse(bytes: Uint8Array, kind: DocumentKind, options: ParseOptions): Promise<ParsedDocument> {
    if (this.closed) return Promise.reject(new Error('解析线程池已关闭'))
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, bytes, kind, options }, resolve, reject })
      this.pump()
    })
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue
      const job = this.queue.shift()!
      slot.busy = true
      slot.task = { id: job.task.id, resolve: job.resolve, reject: job.reject }
      // Transfer the bytes: the main thread does not need them after hashing. A worker still
      // warming up takes the task when it is done (messages are handled in order).
      slot.worker.postMessage({ type: 'parse', ...job.task } satisfies WorkerRequest, [job.task.bytes.buffer as ArrayBuffer])
    }
  }

  async close(): Promise<void> {
    this.closed = true
    for (const q of this.queue) q.reject(new Error('导入已取消'))
    this.queue = []
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
  }
}
