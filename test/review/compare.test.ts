/**
 * Year over year: the same agency's previous report found despite a name variant, values side by
 * side with their differences (corrected values on both sides), and the X findings.
 */
import { describe, expect, it } from 'vitest'
import { allKeys, compareKeys } from '../../src/core/model/keys'
import { compareWithPrevious } from '../../src/core/review/compare'
import { correctCell } from '../../src/core/review/corrections'
import { twoYearWorkspace } from '../helpers/workspace'

describe('compareWithPrevious', () => {
  it('finds last year under another spelling of the name and lines the values up', async () => {
    const { store, id2022, id2023 } = await twoYearWorkspace(3)
    const c = compareWithPrevious(store, id2023)!
    expect(c.current).toEqual({ id: id2023, agency: '辉县市人民政府', year: 2023, template: '2021', file: '辉县市2023.txt' })
    expect(c.previous).toEqual({ id: id2022, agency: '新乡市辉县市人民政府', year: 2022, template: '2021', file: '辉县市2022.txt' })

    const keys = allKeys('2021', '2021')
    expect(c.rows.map((r) => r.key)).toEqual([...keys].sort(compareKeys))
    const row = (k: string) => c.rows.find((r) => r.key === k)!
    expect(row('t3.carry_next.total')).toEqual({ key: 't3.carry_next.total', label: '表三“四、结转下年度继续办理”行“总计”列', table: 't3', current: 0, previous: 3, delta: -3 })
    expect(row('t3.new.total')).toMatchObject({ current: 121, previous: 121, delta: 0 })
    expect(row('t2.fees.amount')).toMatchObject({ table: 't2', current: 20587.3303, previous: 20587.3303, delta: 0 })
    expect(row('t4.review.corrected')).toMatchObject({ table: 't4', current: 4, previous: 4 })

    // The same text both years: X01 (carry-over 3 ≠ 0), X02 (现行有效 70 ≠ 70 + 5 − 0), X04 (copied text).
    expect(c.findings.map((f) => f.identity).sort()).toEqual(['X01:natural', 'X01:total', 'X02:normative_docs', 'X04:text'])
    expect(c.findings.every((f) => f.rule.startsWith('X') && f.status === 'open')).toBe(true)

    // The earlier year has nothing before it.
    const first = compareWithPrevious(store, id2022)!
    expect(first.previous).toBeNull()
    expect(first.rows.find((r) => r.key === 't3.carry_next.total')).toMatchObject({ current: 3, previous: null, delta: null })
    expect(compareWithPrevious(store, 9999)).toBeNull()
    store.close()
  })

  it('compares corrected values on both sides', async () => {
    const { store, id2022, id2023 } = await twoYearWorkspace(3)
    correctCell(store, id2022, 't3.carry_next.total', 0, '张审核')
    correctCell(store, id2022, 't3.carry_next.natural', 0, '张审核')
    correctCell(store, id2023, 't3.new.natural', 120, '张审核')
    const c = compareWithPrevious(store, id2023)!
    expect(c.rows.find((r) => r.key === 't3.carry_next.total')).toMatchObject({ current: 0, previous: 0, delta: 0 })
    expect(c.rows.find((r) => r.key === 't3.new.natural')).toMatchObject({ current: 120, previous: 116, delta: 4 })
    expect(c.findings.filter((f) => f.rule === 'X01')).toEqual([])
    store.close()
  })
})
