/**
 * Worker-thread entry: parses files sent by the pool. Bundled as its own file in the app;
 * bundled on first use in Node (src/node/workers.ts: CLI, tests, benchmark).
 */
import v8 from 'node:v8'
import { parentPort } from 'node:worker_threads'
import { loadPdfjs } from '../pdf/pdfjs'
import { parseDocument } from './parse'
import type { ParseReply, ReadyReply, WorkerReply, WorkerRequest } from './pool'

if (!parentPort) throw new Error('parse-worker must run in a worker thread')
const port = parentPort

// Young-generation collections on one thread: with one parse worker per core, V8's parallel
// scavenger tasks only compete with the other worker for the cores (bench: two workers
// 15.5–16.8 s instead of 17.0–18.5 s, same peak memory). Read by V8 at each scavenge, so it
// can be set here, at run time, in the app as in Node; it applies to the whole process.
v8.setFlagsFromString('--no-parallel-scavenge')
// After each full collection the old generation may grow to twice what survived, instead of
// V8's own factor of up to four: a parse keeps little alive between files (23 MB after a
// collection, whether 15 or 150 files were read), so the larger heaps were only garbage
// waiting. Single worker on 90 files: peak RSS 208–213 MB instead of 253–273 MB, same time.
// Also read at each collection, and process-wide like the flag above.
v8.setFlagsFromString('--heap-growing-percent=100')

const reply = (r: WorkerReply) => port.postMessage(r)

/** Loads pdfjs now rather than on the first file, then parses the warm-up samples. */
async function init(samples: Uint8Array[]): Promise<ReadyReply> {
  const started = performance.now()
  try {
    await loadPdfjs()
  } catch (err) {
    return { ms: performance.now() - started, warmedUp: 0, error: `无法加载 PDF 解析库：${(err as Error).message}` }
  }
  // parseDocument never throws: a bad sample only warms up less.
  for (const bytes of samples) await parseDocument(bytes, 'pdf')
  return { ms: performance.now() - started, warmedUp: samples.length }
}

// The pool's first message is always 'init'; files wait until it is done, then are read one
// at a time in the order they came (the pool may post a file while the one before is read).
let queue: Promise<unknown> = Promise.resolve()

port.on('message', (msg: WorkerRequest) => {
  if (msg.type === 'init') {
    queue = init(msg.warmUp).then((r) => reply({ type: 'ready', ...r }))
    return
  }
  const { id, bytes, kind, options } = msg
  const parsed = (r: Omit<ParseReply, 'id'>) => reply({ type: 'parsed', id, ...r })
  // Each file settles on its own: a failure here must not skip the files queued after it.
  queue = queue.then(async () => {
    let r: Omit<ParseReply, 'id'>
    try {
      r = { result: await parseDocument(bytes, kind, options) }
    } catch (err) {
      r = { error: err instanceof Error ? err.message : String(err) }
    }
    try {
      parsed(r)
    } catch (err) {
      parsed({ error: `无法传回解析结果：${(err as Error).message}` })
    }
  })
})
