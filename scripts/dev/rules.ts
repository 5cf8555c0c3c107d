// Developer aid: run the rules on seed files (no store) and print the findings.
import fs from 'node:fs'
import path from 'node:path'
import { kindOf, parseDocument } from '../../src/core/ingest/parse'
import { buildContext, runRules } from '../../src/core/rules/engine'
import type { ReportView } from '../../src/core/rules/types'

const files = process.argv.slice(2)
for (const f of files) {
  const p = await parseDocument(new Uint8Array(fs.readFileSync(f)), kindOf(f)!)
  const r = p.report!
  const view: ReportView = { ...r, id: 0, file: path.basename(f), kind: p.kind, agencyKey: null, version: 1 }
  const findings = runRules(buildContext({ report: view }))
  const by = { error: 0, warning: 0, info: 0 }
  for (const x of findings) by[x.severity]++
  console.log(`== ${path.basename(f)}  E${by.error} W${by.warning} I${by.info}`)
  for (const x of findings) console.log(`  ${x.severity[0].toUpperCase()} ${x.rule.padEnd(5)} ${x.message.slice(0, 150)}`)
}
