/**
 * pdfjs-dist in Node: the legacy build, with the package's own CMaps and standard fonts so that
 * Chinese text decodes, and no eval. Paths are resolved from the installed package, never from
 * the location of (possibly bundled) calling code.
 *
 * The legacy build carries core-js, which on V8 < 12.2 (Node 20) replaces the native
 * Array.prototype.push, JSON.parse and JSON.stringify with JavaScript versions, for corner
 * cases (lengths past 2^32, JSON.parse source access) that neither pdfjs nor this program
 * uses. Those replacements are global: every push in the thread, ours included, got several
 * times slower (a tenth of all parsing time in a profile). So pdfjs is loaded once, through
 * `loadPdfjs`, and the native built-ins are put back right after it and its worker module load.
 *
 * pdfjs 5 inflates Flate streams through the global DecompressionStream when there is one. In
 * Node that is web streams over zlib jobs in libuv's thread pool: several thread hand-offs per
 * stream (about 13,000 context switches a second), a third slower than pdfjs's own inflate on
 * one thread, and two parse workers then slow each other down (CPU time +30 % instead of
 * +10 %). pdfjs falls back to its own inflate when the constructor is missing, so the loader
 * removes it from the thread that reads PDFs (a parse worker, or a test / CLI thread).
 *
 * The worker module is loaded with the edits of pdfjs-patches.ts (font files built only when
 * read), from a temporary patched copy.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { patchWorkerSource } from './pdfjs-patches'
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs'

export type Pdfjs = typeof PdfjsModule
export type PDFDocumentProxy = PdfjsModule.PDFDocumentProxy
export type PDFPageProxy = PdfjsModule.PDFPageProxy

let packageDir: string | null = null
let loading: Promise<Pdfjs> | null = null

function pdfjsDir(): string {
  if (!packageDir) {
    const require = createRequire(import.meta.url)
    packageDir = path.dirname(require.resolve('pdfjs-dist/package.json'))
  }
  return packageDir
}

/** The built-ins core-js may replace, as they are before pdfjs loads. */
function keepBuiltins(): () => void {
  const kept: Array<[object, string, unknown]> = [
    [Array.prototype, 'push', Array.prototype.push],
    [JSON, 'parse', JSON.parse],
    [JSON, 'stringify', JSON.stringify]
  ]
  return () => {
    for (const [owner, name, value] of kept) {
      Object.defineProperty(owner, name, { value, writable: true, configurable: true, enumerable: false })
    }
  }
}

/** Which worker module this thread loaded: with the patches, or as shipped (they did not apply). */
let workerLoaded: 'patched' | 'shipped' | null = null
export const pdfjsWorkerLoaded = () => workerLoaded

/**
 * Imports the worker module with the patches applied. ESM needs a file to import from: the
 * patched source is written to a private temporary folder (mkdtemp: no other user can put a
 * file there) and removed once loaded. Falls back, with a warning, to the module as shipped:
 * parsing still works then, only slower.
 */
async function importWorker(): Promise<void> {
  const original = path.join(pdfjsDir(), 'legacy/build/pdf.worker.mjs')
  let dir: string | null = null
  try {
    const patched = patchWorkerSource(fs.readFileSync(original, 'utf8'), pathToFileURL(original).href)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dra-pdfjs-'))
    const file = path.join(dir, 'pdf.worker.mjs')
    fs.writeFileSync(file, patched)
    await import(pathToFileURL(file).href)
    workerLoaded = 'patched'
  } catch (err) {
    process.emitWarning(`PDF 解析模块未能按本程序的修改加载（${(err as Error).message}），改用 pdfjs-dist 原样的模块`, { code: 'DRA_PDFJS_PATCH' })
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    workerLoaded = 'shipped'
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Loads pdfjs (once per thread). Its worker module is loaded here too, in the same thread
 * (pdfjs's "fake worker" in Node picks it up from globalThis.pdfjsWorker), so that both
 * bundles' polyfills are in place before the natives are restored.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const restore = keepBuiltins()
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs')
    await importWorker()
    restore()
    // Nothing else in a thread that reads PDFs uses it (see the note at the top).
    Reflect.deleteProperty(globalThis, 'DecompressionStream')
    return lib
  })()
  return loading
}

/**
 * The document options every PDF is opened with: the package's CMaps, standard fonts and wasm
 * decoders, no eval, no font faces. Shared with the benchmark's bare-pdfjs baseline.
 */
export function documentParams(pdfjs: Pdfjs, bytes: Uint8Array): Parameters<Pdfjs['getDocument']>[0] {
  const dir = pdfjsDir()
  return {
    // pdfjs transfers (detaches) the buffer it is given; hand it a copy so callers keep theirs.
    data: new Uint8Array(bytes),
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    wasmUrl: path.join(dir, 'wasm') + path.sep,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Warnings would go to stdout through console.log; the CLI's stdout must stay clean.
    verbosity: pdfjs.VerbosityLevel.ERRORS
  }
}

/** Opens a PDF from bytes. The caller must `destroy()` the document. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs()
  return pdfjs.getDocument(documentParams(pdfjs, bytes)).promise
}
