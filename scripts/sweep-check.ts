// Developer aid: reads every report a sweep wrote (scripts/make-variants.ts --sweep) and lists
// those whose agency, year, template or cells differ from their expected.json, and the label and
// shape findings (rules L01–L09) that a report printed from the official format should not get.
//   node_modules/.bin/tsx scripts/sweep-check.ts [DIR]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { kindOf, parseDocument } from '../src/core/ingest/parse'
import type { ExtractedReport } from '../src/core/model/report'
import { buildContext, runRules } from '../src/core/rules/engine'

/**
 * The L findings a sweep report should not get: all but L08 on the cells it leaves blank or marks
 * on purpose, and L06's note on table 4 printed in blocks, which the generator does on purpose.
 */
function falseLabelFindings(r: ExtractedReport, file: string): string[] {
  const view = { ...r, id: 1, file, kind: file.endsWith('.pdf') ? ('pdf' as const) : ('txt' as const), agencyKey: null, version: 1 }
  return runRules(buildContext({ report: view }))
    .filter((f) => f.rule.startsWith('L') && f.rule !== 'L08' && !(f.rule === 'L06' && /分行排列/.test(f.message)))
    .map((f) => `${f.rule} ${f.message}`)
}

const dir = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), 'variant-sweep'))
const files = fs.readdirSync(dir).filter((f) => kindOf(f) && fs.existsSync(path.join(dir, f.replace(/\.\w+$/, '.expected.json')))).sort()
let failed = 0
let lost = 0
let misread = 0
let flagged = 0
let findings = 0
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
  const labels = r ? falseLabelFindings(r, f) : []
  if (labels.length) flagged++
  findings += labels.length
  console.log(`${f.padEnd(34)} ${wrong.length ? `${wrong.length} wrong: ${wrong.slice(0, 8).join('; ')}` : 'ok'}`)
  for (const l of labels.slice(0, 4)) console.log(`${''.padEnd(34)} ${l.slice(0, 160)}`)
}
console.log(`${files.length - failed}/${files.length} read exactly; cells not read ${lost}, read as another value ${misread}`)
console.log(`label findings a report printed from the format should not get: ${findings}, on ${flagged}/${files.length} reports`)
