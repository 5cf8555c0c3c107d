// Runs a TypeScript entry of this project with plain Node: bundles it with esbuild (packages
// stay external, loaded from node_modules) into node_modules/.cache, then imports it.
//   node scripts/run.mjs src/cli/main.ts ARGS...
// Used by `npm run cli` and `npm run bench`: no TypeScript loader at run time (a loader costs
// memory and start-up time in every process and worker thread).
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const entry = process.argv[2]
if (!entry) {
  console.error('usage: node scripts/run.mjs ENTRY.ts [args…]')
  process.exit(2)
}
const result = await build({
  entryPoints: [path.resolve(entry)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  write: false,
  sourcemap: 'inline',
  logLevel: 'error'
})
const code = result.outputFiles[0].contents
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16)
const dir = path.join(root, 'node_modules/.cache/disclosure-report-auditor')
const out = path.join(dir, `${path.basename(entry).replace(/\.ts$/, '')}-${hash}.mjs`)
if (fs.existsSync(out)) {
  // Marks it in use, for the pruning below (the parse-worker bundle of src/node/workers.ts too).
  const now = new Date()
  fs.utimesSync(out, now, now)
} else {
  fs.mkdirSync(dir, { recursive: true })
  const tmp = `${out}.${process.pid}.tmp`
  fs.writeFileSync(tmp, code)
  fs.renameSync(tmp, out)
}
// Every change of the sources leaves a bundle behind (with its inline source map, up to a few
// MB): those unused for a week go.
const WEEK = 7 * 24 * 3600 * 1000
for (const f of fs.readdirSync(dir)) {
  const file = path.join(dir, f)
  try {
    if (file !== out && /-[0-9a-f]{16}\.mjs$/.test(f) && Date.now() - fs.statSync(file).mtimeMs > WEEK) fs.rmSync(file)
  } catch (err) {
    // Another run pruning at the same moment removed it first.
    if (err.code !== 'ENOENT') throw err
  }
}
// The entry sees its own arguments as if it had been started directly.
process.argv.splice(2, 1)
process.env.DRA_ROOT ??= root
await import(pathToFileURL(out).href)
