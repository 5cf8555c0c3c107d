// Developer aid: print the lines of a PDF page with word positions.
import fs from 'node:fs'
import { readPdf } from '../../src/core/pdf/read-pdf'
const [file, page, pat] = process.argv.slice(2)
const r = await readPdf(new Uint8Array(fs.readFileSync(file)), { maxPages: 400 })
for (const l of r.doc.lines.filter((l) => l.page === +page)) {
  if (pat && !new RegExp(pat).test(l.text)) continue
  console.log(l.baseline?.toFixed(1), l.fontSize?.toFixed(1), JSON.stringify(l.words.map((w) => `${w.text}@${w.x0!.toFixed(0)}-${w.x1!.toFixed(0)}`)))
}
await r.close()
