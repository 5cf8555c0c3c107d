/**
 * Ingest benchmark: `npm run bench [-- --copies N]`.
 *
 * Builds a corpus of ≥ 200 PDF documents (the text seed PDFs repeated under distinct names,
 * each copy made byte-distinct so that de-duplication does not skip it) and measures, each in
 * a fresh child process so that warm-up and memory do not leak between runs:
 *   1. bare pdfjs-dist: getTextContent of every page, nothing else, on one core, with the
 *      package imported as shipped — the baseline of the per-core target;
 *   2. the same with pdfjs loaded as the pipeline loads it (src/core/pdf/pdfjs.ts: native
 *      built-ins restored, pdfjs's own inflate; about twice as fast): the pipeline's time over
 *      this one is the share of its own work (tables, store, checks) beyond text extraction;
 *   3. poppler's `pdftotext -layout`, when installed, on one core;
 *   4. the whole pipeline (extraction, tables, store) with one worker thread, on one core;
 *   5. the whole pipeline with one worker per core, on all cores.
 * "On one core" means pinned with taskset: unpinned, a single-threaded run still spreads over
 * the other cores (V8's parallel GC, zlib in libuv's pool), which hides what a second worker adds.
 * Prints documents/s, pages/s and peak RSS for each, and the ratios the targets are set on.
 * This VM's speed drifts by ±20 % over minutes, so the measures run in rounds (`--rounds N`,
 * default 3): each round runs every measure once, the ratios are taken within a round, and the
 * medians over rounds are printed.
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
  /** CPU seconds of the process, all threads (NaN for pdftotext). */
  cpuS: number
  note?: string
}

function cpuSeconds(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
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

/** pdfjs-dist as shipped: the legacy build imported directly, with the same document options. */
async function openBarePdf(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const { documentParams } = await import('../src/core/pdf/pdfjs')
  return pdfjs.getDocument(documentParams(pdfjs, bytes)).promise
}

async function runPdfjs(bare: boolean): Promise<Measure> {
  const { openPdf } = await import('../src/core/pdf/pdfjs')
  const open = bare ? openBarePdf : openPdf
  const files = corpusFiles()
  const t0 = performance.now()
  const c0 = cpuSeconds()
  const { value: pages, peakRssMb } = await withPeak(async () => {
    let pages = 0
    for (const f of files) {
      const doc = await open(new Uint8Array(fs.readFileSync(f)))
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p)
        await page.getTextContent()
        pages++
      }
      await doc.destroy()
    }
    return pages
  })
  return {
    label: bare ? 'pdfjs-dist getTextContent（基线）' : 'pdfjs-dist，按本程序方式加载',
    docs: files.length,
    pages,
    ms: performance.now() - t0,
    cpuS: cpuSeconds() - c0,
    peakRssMb
  }
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
  const c0 = cpuSeconds()
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
  const cpuS = cpuSeconds() - c0
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
    cpuS,
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
  return { label: 'poppler pdftotext -layout（基线）', docs: files.length, pages, ms: performance.now() - t0, cpuS: NaN, peakRssMb: NaN, note: '每个文件一个进程' }
}

const HAS_TASKSET = !spawnSync('taskset', ['-c', '0', 'true']).error

/** A command pinned to CPU 0 when taskset is available. */
function pinned(cmd: string, args: string[]): [string, string[]] {
  return HAS_TASKSET ? ['taskset', ['-c', '0', cmd, ...args]] : [cmd, args]
}

// ---- driver ------------------------------------------------------------------------------

function child(mode: string, pin: boolean): Measure {
  const run = path.join(ROOT, 'scripts/run.mjs')
  const node = [run, SELF, '--child', mode]
  const [cmd, args] = pin ? pinned(process.execPath, node) : [process.execPath, node]
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 16 << 20 })
  if (r.status !== 0) throw new Error(`bench child ${mode} failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measure
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** The run with the median time, noted with how many runs it was chosen from. */
function medianRun(runs: Measure[]): Measure {
  const m = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)]
  const spread = runs.length > 1 ? `${runs.length} 轮：${runs.map((r) => (r.ms / 1000).toFixed(1)).join(' / ')} 秒` : ''
  return { ...m, note: [m.note, spread].filter(Boolean).join('；') }
}

function fmt(m: Measure): string {
  const s = m.ms / 1000
  const rss = Number.isFinite(m.peakRssMb) ? `${m.peakRssMb.toFixed(0)} MB` : '—'
  const cpu = Number.isFinite(m.cpuS) ? `  CPU ${m.cpuS.toFixed(1)} 秒` : ''
  return `${m.label.padEnd(30)} ${String(m.docs).padStart(4)} 份 ${String(m.pages).padStart(5)} 页  ${s.toFixed(2).padStart(7)} 秒  ${(m.docs / s).toFixed(1).padStart(6)} 份/秒  ${(m.pages / s).toFixed(1).padStart(7)} 页/秒${cpu}  峰值内存 ${rss}${m.note ? `（${m.note}）` : ''}`
}

const range = (xs: number[]) => (xs.length > 1 ? `（各轮 ${xs.map((x) => x.toFixed(2)).join(' / ')}）` : '')

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') {
    const mode = args[1]
    const m = mode.startsWith('pdfjs-') ? await runPdfjs(mode === 'pdfjs-bare') : await runPipeline(Number(mode.split(':')[1]))
    process.stdout.write(JSON.stringify(m) + '\n')
    return
  }
  const opt = (name: string, dflt: number) => {
    const i = args.indexOf(name)
    return i >= 0 ? Number(args[i + 1]) : dflt
  }
  const copies = opt('--copies', 14)
  const rounds = Math.max(1, opt('--rounds', 3))
  const files = buildCorpus(copies)
  const cores = os.availableParallelism()
  console.log(`语料：${files.length} 份 PDF（${copies} × 15 份种子 PDF，逐份改写以区分），${cores} 个 CPU 核，Node ${process.version}，${rounds} 轮`)
  console.log(HAS_TASKSET ? '单核测量用 taskset 固定在 CPU 0 上' : '未找到 taskset：单核测量未固定 CPU（结果偏乐观）')

  const runs: Record<'bare' | 'loaded' | 'poppler' | 'one' | 'all', Measure[]> = { bare: [], loaded: [], poppler: [], one: [], all: [] }
  for (let r = 0; r < rounds; r++) {
    runs.bare.push(child('pdfjs-bare', true))
    runs.loaded.push(child('pdfjs-loaded', true))
    const poppler = runPdftotext()
    if (poppler) runs.poppler.push(poppler)
    runs.one.push(child('pipeline:1', true))
    runs.all.push(child(`pipeline:${cores}`, false))
    process.stderr.write(`第 ${r + 1}/${rounds} 轮完成\n`)
  }
  const loaded = medianRun(runs.loaded)
  const bare = medianRun(runs.bare)
  const one = medianRun(runs.one)
  const all = medianRun(runs.all)
  console.log(fmt({ ...bare, label: bare.label + '，单核' }))
  console.log(fmt({ ...loaded, label: loaded.label + '，单核' }))
  const poppler = runs.poppler.length ? medianRun(runs.poppler) : null
  console.log(poppler ? fmt({ ...poppler, label: poppler.label + '，单核' }) : 'poppler pdftotext 未安装：跳过该基线（apt-get install poppler-utils）')
  console.log(fmt({ ...one, label: one.label + '，单核' }))
  console.log(fmt({ ...all, label: all.label + `，${cores} 核` }))

  // Ratios within each round, then their median: drift between rounds cancels out.
  const ownShare = runs.one.map((m, i) => m.ms / runs.loaded[i].ms)
  const perCore = runs.one.map((m, i) => m.ms / runs.bare[i].ms)
  const speedup = runs.one.map((m, i) => m.ms / runs.all[i].ms)
  console.log('')
  console.log(`每核成本：完整流程 / 裸 pdfjs-dist = ${median(perCore).toFixed(2)} 倍${range(perCore)}（目标 ≤ 1.25）`)
  console.log(
    `对照：完整流程 / 按本程序方式加载的 pdfjs = ${median(ownShare).toFixed(2)} 倍${range(ownShare)}（文本提取之外，表格、入库与检查所占的份额）`
  )
  if (poppler) {
    const vs = (list: Measure[]) => median(list.map((m, i) => m.ms / runs.poppler[i].ms)).toFixed(2)
    console.log(`对照 pdftotext：裸 pdfjs-dist ${vs(runs.bare)} 倍，按本程序方式加载的 pdfjs ${vs(runs.loaded)} 倍，完整流程 ${vs(runs.one)} 倍`)
  }
  console.log(`${cores} 核相对单核提速：${median(speedup).toFixed(2)} 倍${range(speedup)}（目标 ≥ 1.8）`)
  const peakAll = Math.max(...runs.all.map((m) => m.peakRssMb))
  console.log(`峰值内存：单核 ${Math.max(...runs.one.map((m) => m.peakRssMb)).toFixed(0)} MB，${cores} 核 ${peakAll.toFixed(0)} MB（各轮最高；目标 < 500 MB）`)
}

await main()
