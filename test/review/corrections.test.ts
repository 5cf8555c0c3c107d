/**
 * The auditor's corrections of cell values: the checks judge the corrected values (in the report
 * and in the next year's), revert brings back the extracted value, history is kept, the export
 * carries corrected values with the list of corrections.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { exportReports } from '../../src/core/export/json'
import { ingestPaths } from '../../src/core/ingest/ingest'
import { checkReports } from '../../src/core/review/check'
import { correctCell, listCorrections, revertCorrection } from '../../src/core/review/corrections'
import { listFindings } from '../../src/core/review/findings'
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/core/store/migrations'
import { loadReport } from '../../src/core/store/read'
import { Store } from '../../src/core/store/store'
import { SEEDS, tempDir } from '../helpers/paths'
import { seed001, seedText, twoYearWorkspace } from '../helpers/workspace'

const rules = (store: Store, id: number) => listFindings(store, id).map((f) => f.identity)
/** The arithmetic rules of table 3 (T3-01 … T3-04). */
const t3Sums = (store: Store, id: number) => rules(store, id).filter((r) => /^T3-0[1-4]:/.test(r))

describe('cell corrections', () => {
  it('checks the corrected value: a broken 勾稽 identity appears, and is resolved on revert', async () => {
    const { store, id, file } = await seed001()
    expect(t3Sums(store, id)).toEqual([])

    const c = correctCell(store, id, 't3.new.natural', 117, '张审核', '原文为 117，提取有误')
    expect(c).toMatchObject({ reportId: id, key: 't3.new.natural', value: 117, original: 116, reason: '原文为 117，提取有误', actor: '张审核', active: true, revertedAt: null })

    // 一 + 二 = 117 ≠ 116 = 三 + 四 in the 自然人 column; the 本年新收 row no longer adds up.
    const t301 = listFindings(store, id).find((f) => f.identity === 'T3-01:natural')!
    expect(t301.cells).toContain('t3.new.natural')
    expect(t301.message).toMatch(/第一项 117 \+ 第二项 0 = 117，第三项（七）总计 116/)
    expect(listFindings(store, id).find((f) => f.identity === 'T3-02:new')!.cells).toContain('t3.new.natural')

    // The extracted value stays; the corrected load carries the correction.
    expect(loadReport(store, id)!.cells['t3.new.natural']).toMatchObject({ value: 116, raw: '116' })
    expect(loadReport(store, id)!.cells['t3.new.natural'].correction).toBeUndefined()
    const corrected = loadReport(store, id, { corrected: true })!.cells['t3.new.natural']
    expect(corrected).toMatchObject({ value: 117, status: 'ok', raw: '117', correction: { original: 116, originalRaw: '116', by: '张审核', reason: '原文为 117，提取有误' } })
    expect(corrected.source).toEqual(loadReport(store, id)!.cells['t3.new.natural'].source)

    // Re-importing the same file and re-running the checks leave the correction in force.
    expect((await ingestPaths([file], { store })).items[0].status).toBe('skipped')
    checkReports(store)
    expect(rules(store, id)).toContain('T3-01:natural')

    revertCorrection(store, id, 't3.new.natural', '李复核')
    expect(t3Sums(store, id)).toEqual([])
    expect(listFindings(store, id, { resolved: true }).find((f) => f.id === t301.id)).toMatchObject({ status: 'resolved' })
    expect(loadReport(store, id, { corrected: true })!.cells['t3.new.natural']).toEqual(loadReport(store, id)!.cells['t3.new.natural'])
    expect(listCorrections(store, id)).toEqual([expect.objectContaining({ id: c.id, active: false, revertedBy: '李复核', revertedAt: expect.any(String) })])
    store.close()
  })

  it('keeps the full history, newest first; revert withdraws the superseded corrections too', async () => {
    const { store, id } = await seed001()
    const first = correctCell(store, id, 't4.review.upheld', 2, '张审核')
    const second = correctCell(store, id, 't4.review.upheld', 3, '张审核', '  ')
    expect(second.original).toBe(1) // always the extracted value, not the previous correction
    expect(second.reason).toBeNull()
    expect(listCorrections(store, id).map((c) => [c.id, c.value, c.active])).toEqual([
      [second.id, 3, true],
      [first.id, 2, false]
    ])
    expect(loadReport(store, id, { corrected: true })!.cells['t4.review.upheld'].value).toBe(3)
    expect(rules(store, id)).toContain('T4-01:review')

    revertCorrection(store, id, 't4.review.upheld', '张审核')
    expect(loadReport(store, id, { corrected: true })!.cells['t4.review.upheld'].value).toBe(1)
    expect(listCorrections(store, id).map((c) => [c.id, c.active, c.revertedBy])).toEqual([
      [second.id, false, '张审核'],
      [first.id, false, '张审核']
    ])
    expect(rules(store, id)).not.toContain('T4-01:review')
    expect(() => revertCorrection(store, id, 't4.review.upheld', '张审核')).toThrow(/没有可撤销的更正/)
    store.close()
  })

  it('takes null as “the cell is blank”, which the checks report as not checkable', async () => {
    const { store, id } = await seed001()
    correctCell(store, id, 't3.carry_next.total', null, '张审核')
    const cell = loadReport(store, id, { corrected: true })!.cells['t3.carry_next.total']
    expect(cell).toMatchObject({ value: null, status: 'blank', raw: '', correction: { original: 0 } })
    const t301 = listFindings(store, id).find((f) => f.identity === 'T3-01:incomplete')!
    expect(t301.cells).toEqual(['t3.carry_next.total'])
    expect(t301.message).toMatch(/无法核对（空白不等于 0，未按 0 计算）：“总计”列（.*结转下年度继续办理.*为空，按此关系推算为 0：第一项 121 − （七）总计 121 = 0，其余为 0）/)
    store.close()
  })

  it('refuses keys the report does not have, bad values and unknown reports, in Chinese', async () => {
    const { store, id } = await seed001()
    expect(() => correctCell(store, id, 't3.new.nope', 1, '张审核')).toThrow(/没有单元格“t3\.new\.nope”/)
    // 001 follows the 2021 format: 2019's 上一年项目数量 is not one of its cells.
    expect(() => correctCell(store, id, 't2.licensing.prev_items', 1, '张审核')).toThrow(/2021 年版格式.*没有单元格/)
    expect(() => correctCell(store, id, 't3.new.total', Number.NaN, '张审核')).toThrow(/应为数字或留空/)
    expect(() => correctCell(store, 999, 't3.new.total', 1, '张审核')).toThrow(/没有编号为 999 的报告/)
    expect(() => correctCell(store, id, 't3.new.total', 1, ' ')).toThrow(/操作人/)
    expect(listCorrections(store, id)).toEqual([])
    store.close()
  })

  it('exports corrected values and the corrections in force', async () => {
    const { store, id } = await seed001()
    correctCell(store, id, 't3.new.natural', 117, '张审核', '原文为 117')
    const reverted = correctCell(store, id, 't4.review.other', 5, '张审核')
    revertCorrection(store, id, reverted.key, '张审核')
    const [r] = exportReports(store)
    expect(r.cells['t3.new.natural']).toBe(117)
    expect(r.cells['t4.review.other']).toBe(1)
    expect(r.corrections).toEqual([{ key: 't3.new.natural', original: 116, value: 117, by: '张审核', at: expect.any(String), reason: '原文为 117' }])
    expect(r.findings.map((f) => f.rule)).toContain('T3-01')
    store.close()
  })
})

describe('corrections across years', () => {
  it('re-checks the next year: correcting last year’s 结转下年度 raises and clears X01', async () => {
    const { store, id2022, id2023 } = await twoYearWorkspace(0)
    expect(rules(store, id2023).filter((r) => r.startsWith('X01'))).toEqual([])
    correctCell(store, id2022, 't3.carry_next.total', 3, '张审核', '原文为 3')
    expect(rules(store, id2023)).toContain('X01:total')
    expect(listFindings(store, id2023).find((f) => f.identity === 'X01:total')!.message).toMatch(/“结转下年度继续办理”为 3 件/)

    // Correcting this year's side to agree clears it again.
    correctCell(store, id2023, 't3.carried.total', 3, '张审核')
    expect(rules(store, id2023)).not.toContain('X01:total')
    store.close()
  })
})

describe('corrections across reports', () => {
  it('re-checks the government a member body reports to (X08)', async () => {
    const dir = tempDir()
    const store = Store.open(path.join(dir, 'ws.sqlite'))
    const gov = path.join(dir, '辉县市.txt')
    const member = path.join(dir, '辉县市教育局.txt')
    fs.copyFileSync(path.join(SEEDS, '001.txt'), gov)
    // 辉县市 writes about 全市; 003 (a 办公室, a department) re-titled as one of its departments.
    fs.writeFileSync(member, seedText('003.txt').replace('鲁山县人民政府办公室2021年', '辉县市教育局2023年'))
    const { items } = await ingestPaths([gov, member], { store })
    const [govId, memberId] = items.map((i) => i.reportId!)
    expect(loadReport(store, memberId)).toMatchObject({ agency: '辉县市教育局', year: 2023 })
    expect(rules(store, govId)).not.toContain('X08:aggregate')

    correctCell(store, memberId, 't3.new.total', 500, '张审核')
    expect(listFindings(store, govId).find((f) => f.identity === 'X08:aggregate')!.message).toMatch(/本年新收申请 121 件，少于工作区中 1 份所属部门、乡镇报告之和 500 件/)
    revertCorrection(store, memberId, 't3.new.total', '张审核')
    expect(rules(store, govId)).not.toContain('X08:aggregate')
    store.close()
  })
})

describe('migration 3', () => {
  it('upgrades a version-2 workspace, keeping its data', () => {
    const file = path.join(tempDir(), 'v2.sqlite')
    const raw = new Database(file)
    for (const m of MIGRATIONS.filter((x) => x.version <= 2)) raw.exec(m.sql)
    raw.pragma('user_version = 2')
    raw.prepare("INSERT INTO settings (key, value) VALUES ('reviewer', '张审核')").run()
    raw.close()
    const store = Store.open(file)
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION)
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3)
    expect(store.db.prepare("SELECT value FROM settings WHERE key = 'reviewer'").get()).toEqual({ value: '张审核' })
    const cols = (store.db.prepare('PRAGMA table_info(cell_corrections)').all() as Array<{ name: string }>).map((c) => c.name)
    expect(cols).toEqual(['id', 'report_id', 'key', 'value', 'original', 'reason', 'actor', 'at', 'reverted_at', 'reverted_by'])
    store.close()
    expect(fs.existsSync(file)).toBe(true)
  })
})
