// Developer aid: extract files and compare with NAME.expected.json next to them.
import fs from 'node:fs'
import { kindOf, parseDocument } from '../../src/core/ingest/parse'
for (const file of process.argv.slice(2)) {
  const seed = /seeds\/(\d{3})\./.exec(file)
  const expFile = seed ? (file.endsWith('.pdf') && fs.existsSync(file.replace(/\d{3}\..*$/, `${seed[1]}.pdf.expected.json`)) ? file.replace(/\d{3}\..*$/, `${seed[1]}.pdf.expected.json`) : file.replace(/\d{3}\..*$/, `${seed[1]}.expected.json`)) : file.replace(/\.(pdf|txt)$/, '.expected.json')
  const exp = JSON.parse(fs.readFileSync(expFile, 'utf8'))
  const p = await parseDocument(new Uint8Array(fs.readFileSync(file)), kindOf(file)!)
  const r = p.report
  if (!r) { console.log(file, p.status, p.message); continue }
  const bad = Object.entries(exp.cells).filter(([k, v]) => (r.cells[k]?.value ?? null) !== v)
  const hdr = [r.agency === exp.agency, r.year === exp.year, r.template === exp.template]
  console.log(`${file.split('/').pop()}: ${bad.length} bad cells${hdr.every(Boolean) ? '' : ` HEADER ${r.agency}/${r.year}/${r.template} vs ${exp.agency}/${exp.year}/${exp.template}`}`)
  for (const [k, v] of bad.slice(0, Number(process.env.N ?? 6))) console.log(`   ${k} exp ${v} got ${r.cells[k]?.value ?? null} (${r.cells[k]?.status})`)
}
