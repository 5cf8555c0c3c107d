import fs from 'node:fs'
import { parseDocument } from '../../src/core/ingest/parse'
import { narrativeFacts } from '../../src/core/rules/narrative'
for (const n of ['000', '001', '002', '003', '004']) {
  const p = await parseDocument(new Uint8Array(fs.readFileSync(`/work/main/test/fixtures/seeds/${n}.txt`)), 'txt')
  const f = narrativeFacts(p.report!.sections)
  console.log('==', n)
  for (const x of f.facts) console.log('  fact', x.kind, x.value, x.approx ? 'approx' : '', x.partial ? 'partial' : '', x.quote, '|', x.sentence.text.slice(0, 40))
  for (const x of f.negations) console.log('  neg', x.kind, '|', x.sentence.text.slice(0, 50))
  for (const x of f.fees) console.log('  fee none=', x.none, JSON.stringify(x.amounts), '|', x.sentence.section, x.sentence.text.slice(0, 50))
}
