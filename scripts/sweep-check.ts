// Developer aid: reads every report a sweep wrote (scripts/make-variants.ts --sweep) and lists
// those whose agency, year, template or cells differ from their expected.json.
//   node_modules/.bin/tsx scripts/sweep-check.ts [DIR]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { kindOf, parseDocument } from '../src/core/ingest/parse'

const dir = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), 'variant-sweep'))
const files = fs.readdirSync(dir).filter((f) => kindOf(f) && fs.existsSync(path.join(dir, f.replace(/\.\w+$/, '.expected.json')))).sort()
let failed = 0
let lost = 0
let misread = 0
for (const f of files) {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, f.replace(/\.\w+$/, '.expected.json')), 'utf8'))
  const parsed = await parseDocument(new Uint8Array(fs.readFileSync(path.join(dir, f))), kindOf(f)!)
  const r = parsed.report
  const wrong: string[] = []
  if (!r) wrong.push(`${parsed.status}: ${parsed.message}`)
  else {
    for (const k of ['agency', 'year', 'template'] as const) if (r[k] !== expected[k]) wrong.push(`${k} ${expected[k]} → ${r[k]}`)
    for (const [k, v] of Object.entries(expected.cells)) {
      const got = r.cells[k]?.value ?? null
      if (got === v) continue
      wrong.push(`${k} ${v} → ${got}`)
      // A number read wrong is worse than one not read (null, with the problem said).
      if (got === null) lost++
      else misread++
    }
  }
  if (wrong.length) failed++
  console.log(`${f.padEnd(34)} ${wrong.length ? `${wrong.length} wrong: ${wrong.slice(0, 8).join('; ')}` : 'ok'}`)
}
console.log(`${files.length - failed}/${files.length} read exactly; cells not read ${lost}, read as another value ${misread}`)
