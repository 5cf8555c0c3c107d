/**
 * Ingest benchmark: `npm run bench [-- --copies N]`.
 *
 * Builds a corpus of ≥ 200 PDF documents (the text seed PDFs repeated under distinct names,
 * each copy made byte-distinct so that de-duplication does not skip it) and measures, each in
 * a fresh child process so that warm-up and memory do not leak between runs:
 *   1. bare pdfjs-dist: getTextContent of every page, nothing else, on one core;
 *   2. poppler's `pdftotext -layout`, when installed, on one core;
 *   3. the whole pipeline (extraction, tables, store) with one worker thread, on one core;
 *   4. the whole pipeline with one worker per core, on all cores.
 * "On one core" means pinned with taskset: unpinned, a single-threaded run still spreads over
 * the other cores (V8's parallel GC, zlib in libuv's pool), which hides what a second worker adds.
 * Prints documents/s, pages/s and peak RSS for each, and the ratios the targets are set on.
 * `--repeat N` runs every measure N times and keeps the median (timings here vary by ±15 %).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// scripts/run.mjs bundles this file elsewhere and says where the project is.
const ROOT = process.env.DRA_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SELF = path.join(ROOT, 'bench/ingest-bench.ts')
const SEEDS = path.join(ROOT, 'test/fixtures/seeds')
const CORPUS = path.join(ROOT, 'bench/.corpus')

interface Measure {
  label: string
  docs: number
  pages: number
  ms: number
  peakRssMb: number
  note?: string
}

/** Samples this process's RSS (worker threads included) while `fn` runs. */
async function withPeak<T>(fn: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  try {
    const value = await fn()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { value, peakRssMb: peak / 1048576 }
  } finally {
    clearInterval(timer)
  }
}

function corpusFiles(): string[] {
  return fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => path.join(CORPUS, f))
}

function buildCorpus(copies: number): string[] {
  fs.rmSync(CORPUS, { recursive: true, force: true })
  fs.mkdirSync(CORPUS, { recursive: true })
  const seeds = fs.readdirSync(SEEDS).filter((f) => /\.(ruled|borderless|office)\.pdf$/.test(f))
  for (let c = 0; c < copies; c++) {
    for (const f of seeds) {
      // A comment after %%EOF makes each copy a different file (sha256) with the same content.
      const bytes = Buffer.concat([fs.readFileSync(path.join(SEEDS, f)), Buffer.from(`\n% bench copy ${c}\n`)])
      fs.writeFileSync(path.join(CORPUS, `${String(c).padStart(3, '0')}-${f}`), bytes)
    }
  }
  return corpusFiles()
}

// ---- child modes -------------------------------------------------------------------------

async function runPdfjs(): Promise<Measure> {
  const { openPdf } = await import('../src/core/pdf/pdfjs')
  const files = corpusFiles()
  const t0 = performance.now()
  const { value: pages, peakRssMb } = await withPeak(async () => {
    let pages = 0
    for (const f of files) {
      const doc = await openPdf(new Uint8Array(fs.readFileSync(f)))
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p)
        await page.getTextContent()
        pages++
      }
      await doc.destroy()
    }
    return pages
  })
  return { label: 'pdfjs-dist getTextContent（基线）', docs: files.length, pages, ms: performance.now() - t0, peakRssMb }
}

async function runPipeline(workers: number): Promise<Measure> {
  const { ingestPaths } = await import('../src/core/ingest/ingest')
  const { Store } = await import('../src/core/store/store')
  const { createSourcePool } = await import('../src/node/workers')
  const files = corpusFiles()
  const dbFile = path.join(os.tmpdir(), `dra-bench-${process.pid}.sqlite`)
  for (const s of ['', '-wal', '-shm']) fs.rmSync(dbFile + s, { force: true })
  const store = Store.open(dbFile)
  const pool = createSourcePool(workers)
  // Workers start (and load pdfjs) before the clock: a long-lived app pays this once.
  await Promise.all(Array.from({ length: workers }, () => pool.parse(new TextEncoder().encode('一、总体情况'), 'txt', { maxPages: 150 })))
  const t0 = performance.now()
  // The rule checks run once all files are in (they compare reports with each other): timed apart.
  let lastFile = t0
  let checkMs = 0
  const { value: summary, peakRssMb } = await withPeak(() =>
    ingestPaths([CORPUS], {
      store,
      pool,
      onEvent: (e) => {
        if (e.type === 'file') lastFile = performance.now()
        if (e.type === 'checked') checkMs = performance.now() - lastFile
      }
    })
  )
  const ms = performance.now() - t0
  await pool.close()
  const pages = summary.items.reduce((s, i) => s + (i.pages ?? 0), 0)
  const bad = summary.items.filter((i) => i.status !== 'ok')
  store.close()
  for (const s of ['', '-wal', '-shm']) fs.rmSync(dbFile + s, { force: true })
  return {
    label: `完整流程（抽取+表格+入库），${workers} 个工作线程`,
    docs: summary.items.length,
    pages,
    ms,
    peakRssMb,
    note: [`其中规则检查 ${(checkMs / 1000).toFixed(2)} 秒`, bad.length ? `${bad.length} 个文件未成功` : ''].filter(Boolean).join('；')
  }
}

function runPdftotext(): Measure | null {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' })
  if (probe.error) return null
  const files = corpusFiles()
  let pages = 0
  const t0 = performance.now()
  for (const f of files) {
    const [cmd, args] = pinned('pdftotext', ['-layout', f, '-'])
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 })
    if (r.status !== 0) throw new Error(`pdftotext failed on ${f}: ${r.stderr}`)
    pages += (r.stdout.match(/\f/g) ?? []).length
  }
  return { label: 'poppler pdftotext -layout（基线）', docs: files.length, pages, ms: performance.now() - t0, peakRssMb: NaN, note: '每个文件一个进程' }
}

const NODE_FLAGS = ['--single-threaded-gc']

const HAS_TASKSET = !spawnSync('taskset', ['-c', '0', 'true']).error

/** A command pinned to CPU 0 when taskset is available. */
function pinned(cmd: string, args: string[]): [string, string[]] {
  return HAS_TASKSET ? ['taskset', ['-c', '0', cmd, ...args]] : [cmd, args]
}

// ---- driver ------------------------------------------------------------------------------

function child(mode: string, pin: boolean): Measure {
  const run = path.join(ROOT, 'scripts/run.mjs')
  // Every Node child with the flags `npm run cli` uses (single-threaded GC, see package.json).
  const node = [...NODE_FLAGS, run, SELF, '--child', mode]
  const [cmd, args] = pin ? pinned(process.execPath, node) : [process.execPath, node]
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 16 << 20 })
  if (r.status !== 0) throw new Error(`bench child ${mode} failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measure
}

/** Runs a measure `repeat` times and keeps the run with the median time. */
function median(repeat: number, run: () => Measure | null): Measure | null {
  const runs: Measure[] = []
  for (let i = 0; i < repeat; i++) {
    const m = run()
    if (!m) return null
    runs.push(m)
  }
  runs.sort((a, b) => a.ms - b.ms)
  const m = runs[Math.floor(runs.length / 2)]
  return repeat > 1 ? { ...m, note: [m.note, `${repeat} 次取中位数`].filter(Boolean).join('；') } : m
}

function fmt(m: Measure): string {
  const s = m.ms / 1000
  const rss = Number.isFinite(m.peakRssMb) ? `${m.peakRssMb.toFixed(0)} MB` : '—'
  return `${m.label.padEnd(30)} ${String(m.docs).padStart(4)} 份 ${String(m.pages).padStart(5)} 页  ${s.toFixed(2).padStart(7)} 秒  ${(m.docs / s).toFixed(1).padStart(6)} 份/秒  ${(m.pages / s).toFixed(1).padStart(7)} 页/秒  峰值内存 ${rss}${m.note ? `（${m.note}）` : ''}`
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') {
    const mode = args[1]
    const m = mode === 'pdfjs' ? await runPdfjs() : await runPipeline(Number(mode.split(':')[1]))
    process.stdout.write(JSON.stringify(m) + '\n')
    return
  }
  const opt = (name: string, dflt: number) => {
    const i = args.indexOf(name)
    return i >= 0 ? Number(args[i + 1]) : dflt
  }
  const copies = opt('--copies', 14)
  const repeat = opt('--repeat', 1)
  const files = buildCorpus(copies)
  const cores = os.availableParallelism()
  console.log(`语料：${files.length} 份 PDF（${copies} × 15 份种子 PDF，逐份改写以区分），${cores} 个 CPU 核，Node ${process.version}`)
  console.log(HAS_TASKSET ? '单核测量用 taskset 固定在 CPU 0 上' : '未找到 taskset：单核测量未固定 CPU（结果偏乐观）')
  const pdfjs = median(repeat, () => child('pdfjs', true))!
  console.log(fmt({ ...pdfjs, label: pdfjs.label + '，单核' }))
  const poppler = median(repeat, runPdftotext)
  console.log(poppler ? fmt({ ...poppler, label: poppler.label + '，单核' }) : 'poppler pdftotext 未安装：跳过该基线（apt-get install poppler-utils）')
  const one = median(repeat, () => child('pipeline:1', true))!
  console.log(fmt({ ...one, label: one.label + '，单核' }))
  const all = median(repeat, () => child(`pipeline:${cores}`, false))!
  console.log(fmt({ ...all, label: all.label + `，${cores} 核` }))

  const perCore = one.ms / pdfjs.ms
  const speedup = one.ms / all.ms
  console.log('')
  console.log(`每核成本：完整流程 / 裸 pdfjs = ${perCore.toFixed(2)} 倍（目标 ≤ 1.25）`)
  if (poppler) console.log(`对照：裸 pdfjs / pdftotext = ${(pdfjs.ms / poppler.ms).toFixed(2)} 倍；完整流程 / pdftotext = ${(one.ms / poppler.ms).toFixed(2)} 倍`)
  console.log(`${cores} 核相对单核提速：${speedup.toFixed(2)} 倍（目标 ≥ 1.8）`)
  console.log(`峰值内存：单核 ${one.peakRssMb.toFixed(0)} MB，${cores} 核 ${all.peakRssMb.toFixed(0)} MB（目标 < 500 MB）`)
}

await main()
