// Developer aid: extract one file and compare with its expected.json (not part of the tests).
import fs from 'node:fs'
import path from 'node:path'
import { parseDocument, kindOf } from '../src/core/ingest/parse'

const file = process.argv[2]
const verbose = process.argv.includes('-v')
const parsed = await parseDocument(new Uint8Array(fs.readFileSync(file)), kindOf(file)!)
if (!parsed.report) { console.log(parsed.status, parsed.message); process.exit(0) }
const r = parsed.report
console.log(parsed.status, r.agency, r.year, r.template, r.t2Template, r.t3Template, 'title=', r.title)
console.log('sections', r.sections.map((s) => `${s.index}:${s.heading}`).join(' | '))
const base = path.basename(file).split('.')[0]
const dir = path.dirname(file)
const expFile = file.endsWith('.pdf') && fs.existsSync(path.join(dir, `${base}.pdf.expected.json`)) ? path.join(dir, `${base}.pdf.expected.json`) : path.join(dir, `${base}.expected.json`)
const exp = JSON.parse(fs.readFileSync(expFile, 'utf8'))
let bad = 0
for (const [k, v] of Object.entries(exp.cells)) {
  const got = r.cells[k]?.value ?? null
  if (got !== v) { bad++; if (bad < 40) console.log('MISMATCH', k, 'exp', v, 'got', got, r.cells[k]?.status, r.cells[k]?.raw) }
}
const extra = Object.keys(r.cells).filter((k) => !(k in exp.cells))
console.log(`mismatches ${bad}/${Object.keys(exp.cells).length}, extra keys ${extra.length}`, extra.slice(0, 5))
if (r.agency !== exp.agency || r.year !== exp.year || r.template !== exp.template) console.log('HEADER MISMATCH', exp.agency, exp.year, exp.template)
if (verbose) for (const p of r.problems) console.log('  problem', p.code, p.row, p.message)
if (verbose) for (const l of r.labels) console.log('  label', l.table, l.role, l.key, JSON.stringify(l.text))
