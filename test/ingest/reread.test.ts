/**
 * Reading imported files again with the current extractor, in place. An older extractor's
 * reading is made by hand in the store (cells of table 4 lost and one read into the wrong
 * column, as version 1 read a table 4 printed in blocks); the auditor has corrected a cell,
 * reviewed findings and raised one of their own. Re-reading gives the current reading and keeps
 * all of that; a file moved or changed since the import is left as it was. Real TXT, real
 * SQLite file, the CLI in a child process.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ingestPaths } from '../../src/core/ingest/ingest'
import { rereadDocuments } from '../../src/core/ingest/reread'
import { checkReports } from '../../src/core/review/check'
import { correctCell, listCorrections } from '../../src/core/review/corrections'
import { addAuditorFinding, listFindings, reviewFinding } from '../../src/core/review/findings'
import { loadReport } from '../../src/core/store/read'
import { EXTRACTOR_VERSION, Store } from '../../src/core/store/store'
import { runCli } from '../helpers/cli'
import { expectedFor, SEEDS, tempDir } from '../helpers/paths'

const expected = expectedFor(path.join(SEEDS, '001.txt'))
const COLS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
const keysOf = (g: string) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `t4.${g}.${c}`)
const row = (keys: string[]) => keys.map((k) => String(expected.cells[k])).join('\t')

/** Seed 001 as a TXT with table 4 in two blocks (行政复议, then 行政诉讼). */
function blocksReport(): string {
  const lines = fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8').split('\n')
  const at = lines.indexOf('四、政府信息公开行政复议、行政诉讼情况')
  const end = lines.findIndex((l, i) => i > at && l.startsWith('五、'))
  const t4 = ['行政复议', COLS.join('\t'), row(keysOf('review')), '', '行政诉讼', '未经复议直接起诉\t\t\t\t\t复议后起诉', [...COLS, ...COLS].join('\t'), row([...keysOf('suit_direct'), ...keysOf('suit_after_review')])]
  return [...lines.slice(0, at + 2), ...t4, '', ...lines.slice(end)].join('\n')
}

/** What extractor version 1 stored for that file: 14 cells of table 4 lost, 行政复议's 总计 in the last column. */
function makeOld(store: Store, reportId: number): void {
  store.db.transaction(() => {
    store.db.prepare('UPDATE reports SET extractor_version = 1 WHERE id = ?').run(reportId)
    store.db.prepare("UPDATE cells SET value = NULL, status = 'lost', raw = '' WHERE report_id = ? AND key LIKE 't4.%'").run(reportId)
    store.db.prepare("UPDATE cells SET value = 6, status = 'ok', raw = '6' WHERE report_id = ? AND key = 't4.suit_after_review.total'").run(reportId)
    store.db
      .prepare("INSERT INTO problems (report_id, code, tbl, row_key, keys, message, source) VALUES (?, 'row_value_count', 't4', NULL, ?, '表四数据行有 5 个数值，应为 15 个', NULL)")
      .run(reportId, JSON.stringify(keysOf('review')))
  })()
  checkReports(store, [reportId])
}

async function workspace() {
  const dir = tempDir('dra-reread-')
  const file = path.join(dir, '辉县市2023.txt')
  fs.writeFileSync(file, blocksReport())
  const db = path.join(dir, 'ws.sqlite')
  const store = Store.open(db)
  const summary = await ingestPaths([file], { store })
  const id = summary.items[0].reportId!
  makeOld(store, id)
  return { dir, file, db, store, id }
}

const t4Values = (store: Store, id: number) =>
  Object.fromEntries(Object.entries(loadReport(store, id)!.cells).filter(([k]) => k.startsWith('t4.')).map(([k, c]) => [k, c.value]))
const expectedT4 = Object.fromEntries(Object.entries(expected.cells).filter(([k]) => k.startsWith('t4.')))

describe('reading imported files again', () => {
  it('replaces an older reading in place and keeps corrections, reviews and the auditor’s findings', async () => {
    const { store, id } = await workspace()
    expect(t4Values(store, id)).not.toEqual(expectedT4)
    const shape = listFindings(store, id).find((f) => f.rule === 'L07')!
    expect(shape.message).toContain('表四数据行有 5 个数值')
    reviewFinding(store, shape.id, { review: 'confirmed', comment: '已电话核实' }, '张审核')
    correctCell(store, id, 't3.new.natural', 117, '张审核', '原文为 117')
    const sum = listFindings(store, id).find((f) => f.identity === 'T3-01:natural')!
    reviewFinding(store, sum.id, { review: 'confirmed', comment: '合计不符' }, '张审核')
    const own = addAuditorFinding(store, id, { severity: 'warning', message: '第六部分未说明收费情况' }, '张审核')

    const r = await rereadDocuments({ store })
    expect(r).toMatchObject({ reread: 1, kept: 0 })
    expect(r.items[0].message).toMatch(/^已重新读取：辉县市人民政府 2023 年/)
    expect(r.items[0].reportId).toBe(id)

    // The current reading, under the same report.
    expect(t4Values(store, id)).toEqual(expectedT4)
    expect(loadReport(store, id)!.problems.filter((p) => p.table === 't4')).toEqual([])
    expect((store.db.prepare('SELECT extractor_version AS v FROM reports WHERE id = ?').get(id) as { v: number }).v).toBe(EXTRACTOR_VERSION)
    // The auditor's work.
    expect(listCorrections(store, id).filter((c) => c.active).map((c) => [c.key, c.value])).toEqual([['t3.new.natural', 117]])
    expect(loadReport(store, id, { corrected: true })!.cells['t3.new.natural'].value).toBe(117)
    const after = listFindings(store, id, { resolved: true })
    expect(after.find((f) => f.id === sum.id)).toMatchObject({ status: 'open', review: 'confirmed', comment: '合计不符' })
    // The shape finding no longer arises: resolved, its review kept.
    expect(after.find((f) => f.id === shape.id)).toMatchObject({ status: 'resolved', review: 'confirmed', comment: '已电话核实' })
    expect(after.find((f) => f.id === own.id)).toMatchObject({ message: '第六部分未说明收费情况', origin: 'auditor' })

    // Nothing is stale any more; --all reads everything again.
    expect((await rereadDocuments({ store })).items).toEqual([])
    expect((await rereadDocuments({ store, all: true })).reread).toBe(1)
    store.close()
  })

  it('leaves a report as it was when its file has moved or changed', async () => {
    const { store, id, file } = await workspace()
    const before = t4Values(store, id)
    fs.renameSync(file, `${file}.moved`)
    const moved = await rereadDocuments({ store })
    expect(moved).toMatchObject({ reread: 0, kept: 1 })
    expect(moved.items[0].message).toContain('原文件已不在导入时的位置')
    expect(moved.items[0].message).toContain('保留原有读取结果')
    expect(t4Values(store, id)).toEqual(before)

    fs.writeFileSync(file, blocksReport().replace('辉县市', '辉县市（修订）'))
    const changed = await rereadDocuments({ store })
    expect(changed.items[0].message).toContain('原文件在导入后已被改动')
    expect(t4Values(store, id)).toEqual(before)

    // A folder where the file was: the reason in Chinese, not the system's code (EISDIR).
    fs.rmSync(file)
    fs.mkdirSync(file)
    const folder = await rereadDocuments({ store })
    expect(folder.items[0].message).toContain('无法读取原文件：这是文件夹，不是文件')
    expect(t4Values(store, id)).toEqual(before)
    store.close()
  })

  it('through the CLI: reread, then nothing left; an import of the same file says it was read by an older version', async () => {
    const { store, db, file, id } = await workspace()
    store.close()
    const again = runCli(['ingest', file, '--db', db, '--workers', '0'])
    expect(again.stdout).toContain('它由旧版程序读取，可用“重新读取”（命令行 reread）以当前版本读取')

    const r = runCli(['reread', '--db', db])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/\[成功\] .*辉县市2023\.txt：已重新读取：辉县市人民政府 2023 年/)
    expect(r.stdout).toContain('共 1 个文件：重新读取 1，保留原有结果 0')
    const reopened = Store.open(db)
    expect(t4Values(reopened, id)).toEqual(expectedT4)
    reopened.close()

    const none = runCli(['reread', '--db', db])
    expect(none.status).toBe(0)
    expect(none.stdout).toContain('没有需要重新读取的文件')
  })
})
