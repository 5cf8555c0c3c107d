/**
 * Generalisation: synthetic report variants (test/fixtures/variants, made by
 * scripts/make-variants.ts from data specs, not from the seeds) extract to exactly the cells,
 * agency, year and template of their expected.json, which the generator computed from the spec.
 * Where a variant prints a cell blank or as a mark, expected.json's `marked` holds the number
 * behind it, which the tables' identities must give back (the value the review screen offers).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { kindOf, parseDocument } from '../../src/core/ingest/parse'
import { impliedValues } from '../../src/core/rules/implied'
import { FIXTURES, type Expected } from '../helpers/paths'
import { viewOf } from '../helpers/rules'

const VARIANTS = path.join(FIXTURES, 'variants')

function variantDocuments(): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = []
  for (const f of fs.readdirSync(VARIANTS).sort()) {
    if (!f.endsWith('.expected.json')) continue
    const name = f.slice(0, -'.expected.json'.length)
    const docs = fs.readdirSync(VARIANTS).filter((d) => d.startsWith(`${name}.`) && kindOf(d) !== null)
    if (docs.length !== 1) throw new Error(`${f}: expected exactly one document ${name}.pdf|.txt, found ${docs.length}`)
    out.push([docs[0], path.join(VARIANTS, docs[0]), path.join(VARIANTS, f)])
  }
  return out
}

const documents = variantDocuments()

it('has the generated variant corpus', () => {
  expect(documents.length).toBeGreaterThanOrEqual(59)
  expect(documents.filter(([n]) => n.endsWith('.pdf')).length).toBeGreaterThanOrEqual(49)
  expect(documents.filter(([n]) => n.endsWith('.txt')).length).toBeGreaterThanOrEqual(10)
})

describe.each(documents)('%s', (_name, file, expectedFile) => {
  it('extracts every cell exactly, with agency, year and template', async () => {
    const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Expected
    const parsed = await parseDocument(new Uint8Array(fs.readFileSync(file)), kindOf(file)!)
    expect(parsed.status, parsed.message ?? '').toBe('ok')
    const report = parsed.report!
    const got: Record<string, number | null> = {}
    for (const [k, c] of Object.entries(report.cells)) got[k] = c.value
    expect(got).toEqual(expected.cells)
    expect(report.template).toBe(expected.template)
    expect(report.agency).toBe(expected.agency)
    expect(report.year).toBe(expected.year)
    // Cells printed blank or as a mark are null; the tables' identities give back the number
    // the generator made the totals with (table 3's; table 2 has no identity to give one).
    const marked = (expected as Expected & { marked?: Record<string, number> }).marked ?? {}
    const implied = impliedValues(viewOf(report, path.basename(file)))
    for (const [key, value] of Object.entries(marked)) {
      const offered = (implied[key] ?? []).map((i) => i.value)
      if (key.startsWith('t3.')) {
        expect(offered.length, key).toBeGreaterThan(0)
        for (const v of offered) expect(v, key).toBe(value)
      } else expect(offered, key).toEqual([])
    }
  })
})
