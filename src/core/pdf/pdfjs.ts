/**
 * pdfjs-dist in Node: the legacy build, with the package's own CMaps and standard fonts so that
 * Chinese text decodes, and no eval. Paths are resolved from the installed package, never from
 * the location of (possibly bundled) calling code.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'

export { pdfjs }
export type PDFDocumentProxy = pdfjs.PDFDocumentProxy
export type PDFPageProxy = pdfjs.PDFPageProxy

let packageDir: string | null = null

function pdfjsDir(): string {
  if (!packageDir) {
    const require = createRequire(import.meta.url)
    packageDir = path.dirname(require.resolve('pdfjs-dist/package.json'))
  }
  return packageDir
}

/** Opens a PDF from bytes. The caller must `destroy()` the document. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const dir = pdfjsDir()
  const task = pdfjs.getDocument({
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
  })
  return task.promise
}
