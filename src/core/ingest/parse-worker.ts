/**
 * Worker-thread entry: parses files sent by the pool. Bundled as its own file in the app;
 * bundled on first use in Node (src/node/workers.ts: CLI, tests, benchmark).
 */
import v8 from 'node:v8'
import { parentPort } from 'node:worker_threads'
import { parseDocument } from './parse'
import type { ParseReply, ParseTask } from './pool'

if (!parentPort) throw new Error('parse-worker must run in a worker thread')
const port = parentPort

// Young-generation collections on one thread: with one parse worker per core, V8's parallel
// scavenger tasks only compete with the other worker for the cores (bench: two workers
// 15.5–16.8 s instead of 17.0–18.5 s, same peak memory). Read by V8 at each scavenge, so it
// can be set here, at run time, in the app as in Node; it applies to the whole process.
v8.setFlagsFromString('--no-parallel-scavenge')

port.on('message', (task: ParseTask) => {
  parseDocument(task.bytes, task.kind, task.options).then(
    (result) => port.postMessage({ id: task.id, result } satisfies ParseReply),
    (err: unknown) => port.postMessage({ id: task.id, error: err instanceof Error ? err.message : String(err) } satisfies ParseReply)
  )
})
