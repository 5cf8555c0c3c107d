/**
 * A web page saved as text by a tool that strips the tags but not the entities: empty cells
 * and spaces as &nbsp;, quotes as &ldquo;/&rdquo;. Made from the seed TXTs (real reports), so
 * the expected cells are theirs. Every cell is read, and its character range still points at
 * its text in the file.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { SEEDS, expectedFor } from '../helpers/paths'

/** The seed's tables with every empty cell and every space inside a cell written as &nbsp;. */
function withEntities(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.includes('\t') ? l.split('\t').map((c) => (c === '' ? '&nbsp;' : c.replace(/ /g, '&nbsp;'))).join('\t') : l))
    .join('\n')
    .replace(/“/g, '&ldquo;')
    .replace(/”/g, '&rdquo;')
}

describe.each(['001.txt', '003.txt', '004.txt'])('%s', (name) => {
  it('reads every cell of a text with HTML entities left in it', async () => {
    const text = withEntities(fs.readFileSync(path.join(SEEDS, name), 'utf8'))
    expect(text).toContain('&nbsp;')
    const parsed = await parseDocument(new TextEncoder().encode(text), 'txt')
    const report = parsed.report!
    const expected = expectedFor(name)
    const got = Object.fromEntries(Object.entries(report.cells).map(([k, c]) => [k, c.value]))
    expect(got).toEqual(expected.cells)
    expect([report.agency, report.year]).toEqual([expected.agency, expected.year])
    for (const c of Object.values(report.cells)) {
      if (c.value === null || c.source?.kind !== 'txt') continue
      expect(text.slice(c.source.start, c.source.end)).toBe(c.raw)
    }
    // Entities inside labels read as what they stand for.
    const safety = report.labels.find((l) => l.table === 't3' && l.key === 'deny_safety')
    expect(safety?.text).toContain('“三安全一稳定”')
  })
})
