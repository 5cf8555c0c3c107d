/**
 * Vertical text in table 3's group cells (Word's 文字方向). Variant p31 prints one upright
 * glyph under another (︵ 三 ︶ 不 予 公 开), each on the height of some row's label or values;
 * each stack is read as one group label, so no glyph counts as a value (无 of 无法提供 would be
 * a placeholder) or sticks to a row's label. Variant p33 turns the whole label 90°: runs that
 * read down the page, one of them written in three pieces (（四） ⽆ 法提供), each read as one
 * word with its real box instead of a line across the table from its origin. Their cells are
 * checked with the other variants.
 */
import { describe, expect, it } from 'vitest'
import { expectWholeT3Labels } from '../helpers/labels'
import { variantReport } from '../helpers/variants'
import { check } from '../helpers/rules'

describe.each([
  ['p31-vertical-groups.pdf', 10.5],
  ['p33-sideways-groups.pdf', 11]
])('%s', (name, size) => {
  it('reads each vertical group label as one label beside the rows it spans', async () => {
    const report = await variantReport(name)
    // Every row keeps its whole leaf label: the last of the five lines of 2.申请人逾期未按收费…
    // stands nearer 3.其他's values than its own, but the rules between them say whose it is.
    const rows = expectWholeT3Labels(report)
    const text = rows.map((l) => l.text).join('|')
    // Vertical forms read as the punctuation they stand for, each stack whole and in order.
    for (const group of ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']) expect(text).toContain(group)
    expect(text).not.toMatch(/[\uFE10-\uFE44]/)
    // The label's box covers the group label from its first glyph to its last: nine glyphs.
    const label = rows.find((l) => l.text.includes('三、本年度办理结果'))!
    const box = label.source?.kind === 'pdf' ? label.source.box : null
    expect(box![3] - box![1]).toBeGreaterThan(9 * size * 0.9)
    expect(check(report).filter((f) => f.rule.startsWith('L'))).toEqual([])
  })
})
