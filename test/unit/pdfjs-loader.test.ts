/**
 * The pdfjs loader: pdfjs-dist's legacy build replaces Array.prototype.push and JSON.parse /
 * JSON.stringify with core-js versions on Node 20 (several times slower, for every push in
 * the thread), and pdfjs inflates through DecompressionStream, which in Node hops through
 * libuv's thread pool. The loader undoes both; documents must read as before.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { loadPdfjs, openPdf } from '../../src/core/pdf/pdfjs'
import { SEEDS } from '../helpers/paths'

// Compared by identity: core-js dresses its replacements up as "[native code]" in toString.
const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify }

test('loading pdfjs leaves the native built-ins in place and no DecompressionStream', async () => {
  await loadPdfjs()
  expect(Array.prototype.push).toBe(natives.push)
  expect(JSON.parse).toBe(natives.parse)
  expect(JSON.stringify).toBe(natives.stringify)
  expect((globalThis as { DecompressionStream?: unknown }).DecompressionStream).toBeUndefined()
  // pdfjs's own worker module was loaded in this thread (its fake worker uses it).
  expect((globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler).toBeTruthy()
})

test('Flate-compressed pages and fonts still decode to Chinese text', async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(SEEDS, '001.office.pdf')))
  // The seed really is compressed: otherwise this test would not exercise the inflate path.
  expect(Buffer.from(bytes).includes('/FlateDecode')).toBe(true)
  const doc = await openPdf(bytes)
  try {
    const page = await doc.getPage(1)
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('')
    expect(text.normalize('NFKC')).toContain('政府信息公开')
  } finally {
    await doc.destroy()
  }
})
