/**
 * Cells aligned to the top (Word's default): values stand on the first line of a label wrapped
 * over several lines, so its last lines sit nearer the next row's values than their own.
 * Variants p29 (ruled) and p30 (borderless); their cells are checked with the other variants.
 * In p30 table 3 breaks inside the row 2.没有现成信息需 / 要另行制作: the rest of the label
 * heads the next page and still belongs to that row, not to a row of its own.
 */
import { describe, expect, it } from 'vitest'
import { expectWholeT3Labels } from '../helpers/labels'
import { variantReport } from '../helpers/variants'

describe.each(['p29-top-narrow-ruled.pdf', 'p30-top-narrow-borderless.pdf'])('%s', (name) => {
  it('gives every table-3 row its whole label and records no structural problem', async () => {
    expectWholeT3Labels(await variantReport(name))
  })
})
