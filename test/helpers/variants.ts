import fs from 'node:fs'
import path from 'node:path'
import { kindOf, parseDocument } from '../../src/core/ingest/parse'
import type { ExtractedReport } from '../../src/core/model/report'
import { FIXTURES } from './paths'

/** The extracted report of a generated variant (test/fixtures/variants), read through the real parser. */
export async function variantReport(name: string): Promise<ExtractedReport> {
  const parsed = await parseDocument(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'variants', name))), kindOf(name)!)
  if (!parsed.report) throw new Error(`${name}: ${parsed.message}`)
  return parsed.report
}
