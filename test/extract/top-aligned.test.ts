/**
 * Cells aligned to the top (Word's default): values stand on the first line of a label wrapped
 * over several lines, so its last lines sit nearer the next row's values than their own.
 * Variants p29 (ruled) and p30 (borderless); their cells are checked with the other variants.
 * In p30 table 3 breaks inside the row 2.没有现成信息需 / 要另行制作: the rest of the label
 * heads the next page and still belongs to that row, not to a row of its own.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { t3Rows } from '../../src/core/model/keys'
import { matchForm } from '../../src/core/text/normalize'
import { officialLeaf } from '../helpers/labels'
import { FIXTURES } from '../helpers/paths'

describe.each(['p29-top-narrow-ruled.pdf', 'p30-top-narrow-borderless.pdf'])('%s', (name) => {
  it('gives every table-3 row its whole label and records no structural problem', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'variants', name)))
    const report = (await parseDocument(bytes, 'pdf')).report!
    expect(report.problems).toEqual([])
    const rows = report.labels.filter((l) => l.table === 't3' && l.role === 'row')
    expect(rows.map((l) => l.key)).toEqual(t3Rows('2021'))
    // Each row's label ends with its official leaf label (the group label beside it may be
    // shared out between the group's rows).
    for (const l of rows) {
      expect(matchForm(l.text), l.key!).toContain(officialLeaf(l.key!))
    }
  })
})
