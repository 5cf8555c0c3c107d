/**
 * The parse pool's start-up: every worker loads pdfjs and parses its warm-up samples before
 * any file, files queued meanwhile wait their turn, and a warmed worker reads a report exactly
 * as an in-process parse does. Real worker threads (bundled from source), real seed PDFs.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import type { ParsePool } from '../../src/core/ingest/pool'
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
    // Queued before the workers are ready: each waits for its worker's warm-up.
    const order: string[] = []
    const early = pool.parse(seed('002.ruled.pdf'), 'pdf', OPTIONS).then((r) => (order.push('parsed'), r))
    const ready = await pool.ready().then((r) => (order.push('ready'), r))
    expect(ready).toHaveLength(2)
    for (const r of ready) {
      expect(r.error).toBeUndefined()
      expect(r.warmedUp).toBe(2)
    }
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
