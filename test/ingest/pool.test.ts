/**
 * The parse pool's start-up: every worker loads pdfjs and parses its warm-up samples before
 * any file, files queued meanwhile wait their turn, and a warmed worker reads a report exactly
 * as an in-process parse does. Real worker threads (bundled from source), real seed PDFs.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { ParsePool } from '../../src/core/ingest/pool'
import { readWarmUpSamples } from '../../src/core/ingest/warm-up'
import { createSourcePool } from '../../src/node/workers'
import { expectedFor, ROOT, SEEDS, tempDir } from '../helpers/paths'

const OPTIONS = { maxPages: 150 }
const seed = (name: string) => new Uint8Array(fs.readFileSync(path.join(SEEDS, name)))

let pool: ParsePool | null = null
afterEach(async () => {
  await pool?.close()
  pool = null
})

describe('parse pool start-up', () => {
  it('warms every worker on the samples the app ships, then reads a report exactly as in-process', async () => {
    const samples = readWarmUpSamples(path.join(ROOT, 'resources/samples'), 2)
    expect(samples).toHaveLength(2)
    pool = createSourcePool(2, { warmUp: samples })
    const ready = await pool.ready()
    expect(ready).toHaveLength(2)
    for (const r of ready) {
      expect(r.error).toBeUndefined()
      expect(r.warmedUp).toBe(2)
    }
    await pool.close()
    // Queued before its worker is ready, a file waits for the warm-up. With one worker, "all
    // ready" is that worker's; with two, the other may still be warming when the file is done.
    pool = createSourcePool(1, { warmUp: samples })
    const order: string[] = []
    const early = pool.parse(seed('002.ruled.pdf'), 'pdf', OPTIONS).then((r) => (order.push('parsed'), r))
    await pool.ready().then(() => order.push('ready'))
    const [viaPool, inProcess] = await Promise.all([early, parseDocument(seed('002.ruled.pdf'), 'pdf', OPTIONS)])
    expect(order).toEqual(['ready', 'parsed'])
    expect(viaPool.status).toBe('ok')
    expect(viaPool.report?.agency).toBe(inProcess.report?.agency)
    expect(viaPool.report?.cells).toEqual(inProcess.report?.cells)
  })

  it('starts without samples, and a sample that is not a PDF only warms up less', async () => {
    pool = createSourcePool(1, { warmUp: [new TextEncoder().encode('not a pdf at all')] })
    const [r] = await pool.ready()
    expect(r.error).toBeUndefined()
    expect(r.warmedUp).toBe(1)
    const parsed = await pool.parse(seed('004.office.pdf'), 'pdf', OPTIONS)
    expect(parsed.status).toBe('ok')
    const expected = expectedFor(path.join(SEEDS, '004.office.pdf'))
    expect(parsed.report?.agency).toBe(expected.agency)
    expect(parsed.report?.year).toBe(expected.year)
    await pool.close()

    pool = createSourcePool(1)
    const [cold] = await pool.ready()
    expect(cold.warmedUp).toBe(0)
    expect((await pool.parse(seed('004.office.pdf'), 'pdf', OPTIONS)).report?.cells).toEqual(parsed.report?.cells)
  })

  it('reads the warm-up samples of a folder: PDFs only, in name order, at most the limit', () => {
    const dir = tempDir('warm-up')
    fs.writeFileSync(path.join(dir, 'b.pdf'), 'B')
    fs.writeFileSync(path.join(dir, 'a.PDF'), 'A')
    fs.writeFileSync(path.join(dir, 'c.pdf'), 'C')
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'T')
    const decode = (xs: Uint8Array[]) => xs.map((x) => new TextDecoder().decode(x))
    expect(decode(readWarmUpSamples(dir))).toEqual(['A', 'B', 'C'])
    expect(decode(readWarmUpSamples(dir, 2))).toEqual(['A', 'B'])
  })
})

/**
 * A worker that speaks the pool's protocol without pdfjs, so that timing and crashes can be
 * had on demand. A file is "name:ms": it is answered after ms milliseconds with its name, the
 * worker's thread id and how many files were waiting in this worker when it was done; files
 * are read one at a time, in order; a file named "crash" ends the thread with code 7.
 */
const SCRIPTED_WORKER = `
const { parentPort, threadId } = require('node:worker_threads')
let queue = Promise.resolve()
let received = 0
let answered = 0
parentPort.on('message', (msg) => {
  if (msg.type === 'init') return parentPort.postMessage({ type: 'ready', ms: 0, warmedUp: 0 })
  received++
  queue = queue.then(async () => {
    const [name, ms] = new TextDecoder().decode(msg.bytes).split(':')
    await new Promise((r) => setTimeout(r, Number(ms)))
    if (name === 'crash') process.exit(7)
    answered++
    const message = [name, threadId, received - answered].join('@')
    parentPort.postMessage({ type: 'parsed', id: msg.id, result: { status: 'ok', message } })
  })
})
`

function scriptedPool(size: number): { pool: ParsePool; threads: number[] } {
  const threads: number[] = []
  const p = new ParsePool(() => {
    const w = new Worker(SCRIPTED_WORKER, { eval: true })
    threads.push(w.threadId)
    return w
  }, size)
  return { pool: p, threads }
}

interface Answer {
  name: string
  thread: number
  /** Files already posted to the same worker when it answered this one. */
  waiting: number
  order: number
}

async function parseAll(p: ParsePool, files: string[]): Promise<Array<Answer | Error>> {
  let order = 0
  return Promise.all(
    files.map((f) =>
      p.parse(new TextEncoder().encode(f), 'pdf', OPTIONS).then(
        (r) => {
          const [name, thread, waiting] = r.message!.split('@')
          return { name, thread: Number(thread), waiting: Number(waiting), order: order++ }
        },
        (err: Error) => err
      )
    )
  )
}

describe('parse pool scheduling', () => {
  it('gives a busy worker its next file while files wait, so that it never waits for the main thread', async () => {
    const scripted = scriptedPool(2)
    pool = scripted.pool
    await pool.ready()
    const answers = (await parseAll(pool, ['a:40', 'b:40', 'c:40', 'd:40', 'e:40', 'f:40'])) as Answer[]
    expect(answers.map((a) => a.name)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    // Six files, two workers: each worker had its next file in hand when it finished its first.
    expect(answers[0].waiting).toBeGreaterThan(0)
    expect(answers[1].waiting).toBeGreaterThan(0)
    expect(answers[0].thread).not.toBe(answers[1].thread)
  })

  it('near the end of a batch gives a file to the worker that is free, not behind a slow file', async () => {
    const scripted = scriptedPool(2)
    pool = scripted.pool
    await pool.ready()
    const [slow, fast, last] = (await parseAll(pool, ['slow:400', 'fast:20', 'last:20'])) as Answer[]
    expect(last.thread).toBe(fast.thread)
    expect(slow.thread).not.toBe(fast.thread)
    expect(last.order).toBeLessThan(slow.order)
  })

  it('fails only the file a worker crashed on: the files posted behind it go to a new worker', async () => {
    const scripted = scriptedPool(2)
    pool = scripted.pool
    await pool.ready()
    const answers = await parseAll(pool, ['crash:30', 'a:60', 'b:10', 'c:10', 'd:10'])
    const [crashed, ...rest] = answers
    expect(crashed).toBeInstanceOf(Error)
    expect((crashed as Error).message).toMatch(/解析线程意外退出（代码 7）/)
    // 'b' was posted to the crashing worker behind 'crash' (four files waited for two workers).
    expect(rest.map((a) => (a instanceof Error ? a.message : a.name))).toEqual(['a', 'b', 'c', 'd'])
    expect(scripted.threads).toHaveLength(3)
    expect((rest as Answer[]).every((a) => a.thread !== scripted.threads[0])).toBe(true)
  })
})
