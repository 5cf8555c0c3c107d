/**
 * Worker-thread entry: parses files sent by the pool. Bundled as its own file in the app;
 * loaded through a TypeScript loader in Node (CLI, tests, benchmark).
 */
import { parentPort } from 'node:worker_threads'
import { parseDocument } from './parse'
import type { ParseReply, ParseTask } from './pool'

if (!parentPort) throw new Error('parse-worker must run in a worker thread')
const port = parentPort

port.on('message', (task: ParseTask) => {
  parseDocument(task.bytes, task.kind, task.options).then(
    (result) => port.postMessage({ id: task.id, result } satisfies ParseReply),
    (err: unknown) => port.postMessage({ id: task.id, error: err instanceof Error ? err.message : String(err) } satisfies ParseReply)
  )
})
