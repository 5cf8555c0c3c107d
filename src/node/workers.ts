/**
 * Worker threads for running from source (CLI, tests, benchmark): each worker loads the
 * TypeScript parse worker through the tsx loader.
 */
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { ParsePool } from '../core/ingest/pool'

const bootstrap = new URL('./worker-bootstrap.mjs', import.meta.url)
const entry = new URL('../core/ingest/parse-worker.ts', import.meta.url).href

export function spawnSourceWorker(): Worker {
  return new Worker(bootstrap, { workerData: { entry } })
}

/** One worker per core by default: parsing is CPU-bound. */
export function createSourcePool(size = os.availableParallelism()): ParsePool {
  return new ParsePool(spawnSourceWorker, Math.max(1, size))
}
