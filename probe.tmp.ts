import fs from 'node:fs'
import { parseDocument } from './src/core/ingest/parse'
const f = process.argv[2]
const exp = JSON.parse(fs.readFileSync(f.replace(/\.(pdf|txt)$/, '.expected.json'), 'utf8'))
const p = await parseDocument(new Uint8Array(fs.readFileSync(f)), f.endsWith('.pdf') ? 'pdf' : 'txt')
const r = p.report!
let bad = 0
for (const [k, v] of Object.entries(exp.cells)) if (r.cells[k]?.value !== v) { bad++; if (bad < 12) console.log(k, 'expected', v, 'got', r.cells[k]?.value, JSON.stringify(r.cells[k]?.raw)) }
console.log('bad', bad, r.agency, r.year, r.template, r.problems.map((x) => x.code + ':' + x.message).slice(0, 8))
