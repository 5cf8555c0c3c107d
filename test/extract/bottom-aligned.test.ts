/**
 * Cells set to the bottom of their rows: a row's values stand on the last line of its wrapped
 * name, and a group heading set low in its merged cell stands beside the last lines of its
 * rows' names, its numbering ((六)) beside a line in the middle of one (再处理其政府信息).
 * Read as the start of a row's label, that numbering cut the name in two, and the row lost its
 * values. Variants p79 (the heading wrapped in its cell) and p80 (upright vertical headings,
 * read as one word at the middle of their stack); their cells are checked with the others.
 */
import { describe, expect, it } from 'vitest'
import { matchForm } from '../../src/core/text/normalize'
import { expectWholeT3Labels } from '../helpers/labels'
import { variantReport } from '../helpers/variants'

describe.each(['p79-bottom-group-headings-borderless.pdf', 'p80-bottom-upright-groups-borderless.pdf'])('%s', (name) => {
  it('gives every table-3 row its whole name, the group headings beside them cutting none', async () => {
    const report = await variantReport(name)
    const rows = expectWholeT3Labels(report)
    const label = (key: string) => matchForm(rows.find((l) => l.key === key)!.text)
    // The heading goes with one of its rows, and the row after it starts at its own numbering.
    expect(label('other_fee')).toMatch(/2\.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请/)
    expect(label('other_other')).toMatch(/3\.其他$/)
    expect(report.cells['t3.other_fee.total'].status).toBe('ok')
  })
})
