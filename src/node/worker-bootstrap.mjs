// Starts a TypeScript worker from source in plain Node (CLI, tests, benchmark): registers the
// tsx loader in this thread, then imports the entry named in workerData. The Electron app does
// not use this file; its workers are bundled JavaScript.
import { register } from 'tsx/esm/api'
import { workerData } from 'node:worker_threads'

register()
await import(workerData.entry)
