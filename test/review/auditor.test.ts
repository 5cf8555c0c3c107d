/**
 * The auditor's own findings: recorded as confirmed by their author, untouched by re-running
 * the rules (and by corrections, which re-run them), deletable only when the auditor raised them.
 */
import { describe, expect, it } from 'vitest'
import { exportReports } from '../../src/core/export/json'
import { checkReports } from '../../src/core/review/check'
import { correctCell } from '../../src/core/review/corrections'
import {
  addAuditorFinding,
  countFindings,
  deleteAuditorFinding,
  findingEvents,
  getFinding,
  listFindings,
  persistFindings,
  reviewFinding
} from '../../src/core/review/findings'
import { seed001 } from '../helpers/workspace'

describe('auditor findings', () => {
  it('are confirmed by their author, logged, and survive re-running the checks', async () => {
    const { store, id } = await seed001()
    const f = addAuditorFinding(
      store,
      id,
      { severity: 'warning', message: '  第五部分问题与上年完全相同 ', cells: ['t3.new.total'], source: { kind: 'pdf', page: 4, box: [10, 20, 30, 40] }, quote: '政务公开工作仍存在不足' },
      '张审核'
    )
    expect(f).toMatchObject({
      reportId: id,
      rule: 'AUD',
      origin: 'auditor',
      severity: 'warning',
      title: '审核人发现的问题',
      message: '第五部分问题与上年完全相同',
      cells: ['t3.new.total'],
      page: 4,
      status: 'open',
      review: 'confirmed',
      reviewer: '张审核',
      quote: '政务公开工作仍存在不足'
    })
    expect(f.identity).toMatch(/^AUD:\d+-\d+$/)
    expect(f.reviewedAt).toBe(f.firstSeen)
    expect(findingEvents(store, f.id)).toEqual([{ at: expect.any(String), actor: '张审核', action: 'created', detail: { origin: 'auditor', severity: 'warning' } }])

    const g = addAuditorFinding(store, id, { severity: 'info', message: '另一条', title: '备注' }, '张审核')
    expect(g.identity).not.toBe(f.identity)
    expect(g).toMatchObject({ title: '备注', page: null, source: null, quote: null, cells: [] })

    // Re-running the rules, directly and through a correction, and a run that finds nothing at all.
    checkReports(store)
    correctCell(store, id, 't3.new.natural', 117, '张审核')
    persistFindings(store, id, [])
    for (const x of [f, g]) expect(getFinding(store, x.id)).toEqual(x)
    expect(findingEvents(store, f.id).map((e) => e.action)).toEqual(['created'])
    expect(listFindings(store, id).filter((x) => x.origin === 'auditor').map((x) => x.id)).toEqual([f.id, g.id])
    expect(countFindings(store, id).warning).toBe(1)

    const exported = exportReports(store)[0].findings.find((x) => x.id === f.id)!
    expect(exported).toMatchObject({ rule: 'AUD', origin: 'auditor', review: 'confirmed', page: 4, quote: '政务公开工作仍存在不足' })
    store.close()
  })

  it('records the review of any finding with reviewer, time and an event', async () => {
    const { store, id } = await seed001()
    const d05 = listFindings(store, id).find((f) => f.rule === 'D05')!
    const r = reviewFinding(store, d05.id, { review: 'dismissed', comment: '已在网站核实' }, '李复核')
    expect(r).toMatchObject({ review: 'dismissed', comment: '已在网站核实', reviewer: '李复核', reviewedAt: expect.any(String) })
    expect(findingEvents(store, d05.id).at(-1)).toMatchObject({ actor: '李复核', action: 'reviewed', detail: { from: { review: 'pending', comment: null }, to: { review: 'dismissed', comment: '已在网站核实' } } })
    expect(() => reviewFinding(store, d05.id, { review: 'maybe' as never }, '李复核')).toThrow(/复核结论应为/)
    store.close()
  })

  it('can be deleted by the auditor; rule findings cannot', async () => {
    const { store, id } = await seed001()
    const f = addAuditorFinding(store, id, { severity: 'error', message: '数据与公开专栏不一致' }, '张审核')
    const rule = listFindings(store, id).find((x) => x.origin === 'rule')!
    expect(() => deleteAuditorFinding(store, rule.id, '张审核')).toThrow(/由审查规则产生，不能删除/)
    expect(() => deleteAuditorFinding(store, 98765, '张审核')).toThrow(/没有编号为 98765 的问题/)
    deleteAuditorFinding(store, f.id, '张审核')
    expect(getFinding(store, f.id)).toBeNull()
    expect(getFinding(store, rule.id)).not.toBeNull()
    store.close()
  })

  it('refuses what cannot be a finding, in Chinese', async () => {
    const { store, id } = await seed001()
    expect(() => addAuditorFinding(store, id, { severity: 'warning', message: ' ' }, '张审核')).toThrow(/请填写问题说明/)
    expect(() => addAuditorFinding(store, id, { severity: 'fatal' as never, message: 'x' }, '张审核')).toThrow(/问题等级/)
    expect(() => addAuditorFinding(store, id, { severity: 'info', message: 'x', cells: ['t9.x.y'] }, '张审核')).toThrow(/没有单元格“t9\.x\.y”/)
    expect(() => addAuditorFinding(store, 4242, { severity: 'info', message: 'x' }, '张审核')).toThrow(/没有编号为 4242 的报告/)
    expect(listFindings(store, id).filter((f) => f.origin === 'auditor')).toEqual([])
    store.close()
  })
})
