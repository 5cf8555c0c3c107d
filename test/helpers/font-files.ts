/**
 * Child-process helper of test/unit/pdfjs-patches.test.ts: prints, as JSON, the sha256 of the
 * font file pdfjs builds for every font a PDF's pages draw with (read through an operator
 * list, as drawing reads them), with pdfjs loaded as shipped or as this program loads it.
 *   node scripts/run.mjs test/helpers/font-files.ts shipped|patched FILE.pdf
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'

const [mode, file] = process.argv.slice(2)
const pdfjsModule = await import('../../src/core/pdf/pdfjs')
let pdfjs: Awaited<ReturnType<typeof pdfjsModule.loadPdfjs>>
if (mode === 'shipped') {
  pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
} else if (mode === 'patched') pdfjs = await pdfjsModule.loadPdfjs()
else throw new Error(`mode must be shipped or patched, not ${mode}`)

// With font faces and extra properties the page side keeps each font file.
const params = { ...(pdfjsModule.documentParams(pdfjs, new Uint8Array(fs.readFileSync(file))) as object), disableFontFace: false, fontExtraProperties: true }
const doc = await pdfjs.getDocument(params).promise
const fonts: Record<string, string | null> = {}
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p)
  const ops = await page.getOperatorList()
  ops.fnArray.forEach((fn, i) => {
    if (fn !== pdfjs.OPS.setFont) return
    const name = (ops.argsArray[i] as [string])[0]
    const font = page.commonObjs.get(name) as { data?: Uint8Array | null; name?: string }
    fonts[`${p}:${font.name ?? name}`] = font.data ? createHash('sha256').update(font.data).digest('hex') : null
  })
}
await doc.destroy()
process.stdout.write(JSON.stringify(fonts) + '\n')
