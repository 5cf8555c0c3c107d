import fs from 'node:fs'
import { readPdf } from '../src/core/pdf/read-pdf'
const [file, page, pat] = process.argv.slice(2)
const r = await readPdf(new Uint8Array(fs.readFileSync(file)), { maxPages: 100 })
const rules = await r.doc.rulings!(+page)
for (const l of r.doc.lines.filter((l) => l.page === +page)) {
  if (pat && !new RegExp(pat).test(l.text)) continue
  console.log(l.baseline?.toFixed(1), l.fontSize, JSON.stringify(l.words.map((w) => `${w.text}@${w.x0!.toFixed(0)}-${w.x1!.toFixed(0)}`)))
}
console.log('h-rules', rules.filter((s) => s.orient === 'h').map((s) => `${s.at.toFixed(1)}[${s.from.toFixed(0)}-${s.to.toFixed(0)}]`).join(' '))
await r.close()
