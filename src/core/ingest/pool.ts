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

interface Job {
  task: ParseTask
  resolve: (r: ParsedDocument) => void
  reject: (e: Error) => void
}

interface Slot {
  worker: Worker
  /** The jobs posted to this worker, in the order it runs them: the first is running. */
  posted: Job[]
  ready: Promise<ReadyReply>
  markReady: (r: ReadyReply) => void
}

/**
 * Options for every parse worker (app and Node alike): a young generation of 48 MB, V8's own
 * size on 64-bit machines, set here so that it does not depend on how a host configures its
 * threads. With 24 MB a file's short-lived objects outlived more scavenges and were promoted:
 * two workers took 18.1–18.9 s on the bench corpus instead of 16.9–17.3 s, one worker 4–9 %
 * longer. Its memory is paid for by the smaller old generation (see parse-worker.ts): two
 * workers peak at 438–446 MB.
 */
export const PARSE_WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 48 } } as const

export class ParsePool {
  private slots: Slot[] = []
  private queue: Job[] = []
  private nextId = 1
  private closed = false

  constructor(
    private readonly spawn: SpawnWorker,
    readonly size: number,
    options: PoolOptions = {}
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.start(options.warmUp ?? []))
  }

  /**
   * How many files a batch should have in the pool at once (parsed ahead, saved in order): four
   * per worker. With two, a long file at the head of the line left the other worker without
   * work (two workers busy 91–93 % of a batch instead of 95 %).
   */
  get lookAhead(): number {
    return this.size * 4
  }

  /** Resolves when every worker has loaded pdfjs and finished its warm-up. */
  async ready(): Promise<ReadyReply[]> {
    return Promise.all(this.slots.map((s) => s.ready))
  }

  private start(warmUp: Uint8Array[]): Slot {
    let markReady!: (r: ReadyReply) => void
    const ready = new Promise<ReadyReply>((resolve) => (markReady = resolve))
    const slot: Slot = { worker: this.spawn(), posted: [], ready, markReady }
    slot.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        const { type: _, ...r } = reply
        slot.markReady(r)
        return
      }
      const i = slot.posted.findIndex((j) => j.task.id === reply.id)
      if (i >= 0) {
        const [job] = slot.posted.splice(i, 1)
        if (reply.result) job.resolve(reply.result)
        else job.reject(new Error(reply.error ?? '解析线程没有返回结果'))
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

  /**
   * A crashed worker fails the file it was reading and is replaced, so one bad file cannot stop
   * a batch. The files posted to it after that one go back to the head of the queue.
   */
  private replace(slot: Slot, err: Error): void {
    const [running, ...waiting] = slot.posted
    slot.posted = []
    running?.reject(err)
    this.queue.unshift(...waiting)
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

  /**
   * Gives every idle worker a file; then, while at least one file per worker is still waiting,
   * gives each busy worker its next file as well. A worker then starts that file the moment it
   * is done with the current one, instead of after a round trip through this thread, which is
   * meanwhile saving and checking the reports before (on the bench corpus the round trips left
   * each of two workers idle 6–8 % of the batch). Near the end of a batch files are only given
   * to idle workers, so none waits behind another worker's file while a worker is free.
   */
  private pump(): void {
    for (const slot of this.slots) {
      if (slot.posted.length === 0 && this.queue.length > 0) this.post(slot, this.queue.shift()!)
    }
    for (const slot of this.slots) {
      if (slot.posted.length === 1 && this.queue.length >= this.slots.length) this.post(slot, this.queue.shift()!)
    }
  }

  private post(slot: Slot, job: Job): void {
    slot.posted.push(job)
    const message = { type: 'parse', ...job.task } satisfies WorkerRequest
    // The file a worker starts on at once is transferred: the main thread does not need the
    // bytes after hashing. A file queued behind another is copied, so that it can go to another
    // worker if this one crashes on the file before it. A worker still warming up takes its
    // files when it is done (messages are handled in order).
    if (slot.posted.length === 1) slot.worker.postMessage(message, [job.task.bytes.buffer as ArrayBuffer])
    else slot.worker.postMessage(message)
  }

  async close(): Promise<void> {
    this.closed = true
    for (const q of this.queue) q.reject(new Error('导入已取消'))
    this.queue = []
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
  }
}
