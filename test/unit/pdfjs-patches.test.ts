/**
 * The edits this program makes to pdfjs-dist's worker module (src/core/pdf/pdfjs-patches.ts):
 * they must all apply to the installed version, and a font file built on first read must be
 * byte for byte the file pdfjs as shipped builds at once, for each font program it converts
 * (Type1 in the seeds' office prints, CFF after Ghostscript, TrueType simple and CID-keyed, Type3).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { kindOf, parseDocument } from '../../src/core/ingest/parse'
import { loadPdfjs, pdfjsWorkerLoaded } from '../../src/core/pdf/pdfjs'
import { patchWorkerSource, WORKER_PATCHES } from '../../src/core/pdf/pdfjs-patches'
import { expectedFor, FIXTURES, ROOT, SEEDS } from '../helpers/paths'

const workerPath = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'legacy/build/pdf.worker.mjs')
const workerSource = fs.readFileSync(workerPath, 'utf8')
const workerUrl = pathToFileURL(workerPath).href

describe('patching the worker source', () => {
  it('applies every patch to the installed pdfjs-dist, once each', () => {
    const out = patchWorkerSource(workerSource, workerUrl)
    for (const p of WORKER_PATCHES) {
      expect(out.split(p.replace).length - 1, p.what).toBe(1)
      // The original text is gone, unless the patch keeps it inside its replacement.
      expect(out.split(p.find).length - 1, p.what).toBe(p.replace.includes(p.find) ? 1 : 0)
    }
    // Its emscripten loaders still see the package's own address.
    expect(out).not.toContain('import.meta.url')
    expect(out).toContain(JSON.stringify(workerUrl))
    // No reference to a source map that neither sits beside the copy nor matches its lines.
    expect(workerSource).toContain('//# sourceMappingURL=')
    expect(out).not.toContain('sourceMappingURL')
    expect(out.endsWith('export { WorkerMessageHandler };\n\n')).toBe(true)
  })

  it('refuses a source a patch does not fit, naming the patch', () => {
    const missing = workerSource.replace(WORKER_PATCHES[1].find, '')
    expect(() => patchWorkerSource(missing, workerUrl)).toThrow(new RegExp(`补丁“${WORKER_PATCHES[1].what}”.*找不到`))
    const twice = workerSource + WORKER_PATCHES[0].find
    expect(() => patchWorkerSource(twice, workerUrl)).toThrow(/不止一处/)
  })

  it('is what loadPdfjs loads', async () => {
    await loadPdfjs()
    expect(pdfjsWorkerLoaded()).toBe('patched')
  })
})

/** sha256 of each font file a PDF's pages draw with, from pdfjs as shipped or as patched. */
function fontFiles(mode: 'shipped' | 'patched', file: string): Record<string, string | null> {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/run.mjs'), path.join(ROOT, 'test/helpers/font-files.ts'), mode, file], {
    encoding: 'utf8',
    maxBuffer: 16 << 20
  })
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, string | null>
}

describe.each([
  ['Type1 (LibreOffice)', path.join(SEEDS, '001.office.pdf')],
  ['CFF (Ghostscript)', path.join(FIXTURES, 'fonts/001.ghostscript.pdf')],
  ['TrueType and Type3 (Chromium)', path.join(SEEDS, '002.borderless.pdf')],
  ['Type1 and TrueType', path.join(FIXTURES, 'variants/o09-office-ruled-thousands.pdf')],
  ['CIDFontType2, Identity-H', path.join(FIXTURES, 'variants/p55-truetype-borderless.pdf')]
])('%s', (_what, file) => {
  it('builds each font file, when read, exactly as pdfjs-dist as shipped does', () => {
    const shipped = fontFiles('shipped', file)
    const patched = fontFiles('patched', file)
    expect(Object.keys(shipped).length).toBeGreaterThan(0)
    expect(Object.values(shipped).some((h) => h !== null)).toBe(true)
    expect(patched).toEqual(shipped)
  })
})

describe.each(['001', '004'])('seed %s distilled by Ghostscript (CFF fonts)', (id) => {
  it('extracts every cell exactly, with agency, year and template', async () => {
    const file = path.join(FIXTURES, `fonts/${id}.ghostscript.pdf`)
    const parsed = await parseDocument(new Uint8Array(fs.readFileSync(file)), kindOf(file)!)
    expect(parsed.status, parsed.message ?? '').toBe('ok')
    const expected = expectedFor(path.join(SEEDS, `${id}.office.pdf`))
    expect(Object.fromEntries(Object.entries(parsed.report!.cells).map(([k, c]) => [k, c.value]))).toEqual(expected.cells)
    expect([parsed.report!.agency, parsed.report!.year, parsed.report!.template]).toEqual([expected.agency, expected.year, expected.template])
  })
})
