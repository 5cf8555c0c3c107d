/**
 * Parse workers when running from source (CLI, tests, benchmark).
 *
 * Workers run plain JavaScript, as in the app: the worker entry is bundled with esbuild on
 * first use (a few tens of milliseconds) into node_modules/.cache, named by a hash of its
 * content so that concurrent runs never overwrite each other's file. Running the worker
 * through a TypeScript loader instead costs ~80 MB of heap per thread (source maps and
 * transformed copies of pdfjs) and slows parsing.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { buildSync } from 'esbuild'
import { PARSE_WORKER_OPTIONS, ParsePool, type PoolOptions } from '../core/ingest/pool'

/** The project root: given by scripts/run.mjs, or two levels above this file in the source tree. */
const ROOT = process.env.DRA_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
let bundled: string | null = null

/** The bundled worker file (built once per process). */
export function workerBundle(): string {
  if (bundled) return bundled
  const result = buildSync({
    entryPoints: [path.join(ROOT, 'src/core/ingest/parse-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages load from node_modules at run time, as in the Electron build.
    packages: 'external',
    write: false,
    logLevel: 'silent'
  })
  const code = result.outputFiles[0].contents
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16)
  const dir = path.join(ROOT, 'node_modules/.cache/disclosure-report-auditor')
  const file = path.join(dir, `parse-worker-${hash}.mjs`)
  if (fs.existsSync(file)) {
    // In use: scripts/run.mjs prunes the bundles unused for a week.
    const now = new Date()
    fs.utimesSync(file, now, now)
  } else {
    fs.mkdirSync(dir, { recursive: true })
    const tmp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, code)
    fs.renameSync(tmp, file)
  }
  bundled = file
  return file
}

export function spawnSourceWorker(): Worker {
  return new Worker(workerBundle(), PARSE_WORKER_OPTIONS)
}

/** One worker per core by default: parsing is CPU-bound. */
export function createSourcePool(size = os.availableParallelism(), options: PoolOptions = {}): ParsePool {
  return new ParsePool(spawnSourceWorker, Math.max(1, size), options)
}
