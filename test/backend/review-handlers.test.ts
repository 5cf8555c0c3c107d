/**
 * The review channels of the IPC contract, called through dispatch (validation included) on a
 * real workspace: what the renderer gets for a report, its source, reviews, corrections, the
 * bundled sample, workspace switching and saving documents through the host's dialog.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackend, type Host } from '../../src/backend/handlers'
import { dispatch } from '../../src/backend/validate'
import { Store } from '../../src/core/store/store'
import type { Api, Channel, EventName, ReportDetail } from '../../src/shared/contract'
import { ROOT, SEEDS, tempDir } from '../helpers/paths'

function setup(paths: string[]) {
  const dir = tempDir()
  const store = Store.open(path.join(dir, 'ws.sqlite'))
  const events: Array<{ event: EventName; payload: unknown }> = []
  let nextWorkspace: string | null = null
  const host: Host = {
    choosePaths: async () => paths,
    chooseSavePath: async ({ defaultName }) => path.join(dir, defaultName),
    chooseWorkspace: async () => nextWorkspace,
    samplesDir: path.join(ROOT, 'resources/samples'),
    emit: (event, payload) => events.push({ event, payload })
  }
  const backend = createBackend({ store, host, openStore: (f) => Store.open(f) })
  const call = <K extends Channel>(channel: K, arg?: unknown) => dispatch(backend.handlers, channel, arg) as ReturnType<Api[K]>
  return { dir, backend, call, events, setNext: (f: string) => (nextWorkspace = f) }
}

describe('review handlers', () => {
  it('imports the bundled sample: the five seed reports', async () => {
    const { call, backend } = setup([])
    expect((await call('workspace:info')).sampleAvailable).toBe(true)
    const r = await call('ingest:sample')
    expect(r.counts).toMatchObject({ ok: 5, error: 0 })
    const lib = await call('library:list')
    expect(lib.map((x) => x.agency).sort()).toEqual(['新乡经济技术开发区人民政府', '新密市新华路办事处', '洛阳市吉利区人民政府', '辉县市人民政府', '鲁山县人民政府办公室'].sort())
    expect(lib.every((x) => x.status === 'ok' && x.total > 0)).toBe(true)
    backend.store().close()
  })

  it('gives a report in the official layout with every cell, and its source', async () => {
    const { call, backend } = setup([path.join(SEEDS, '000.ruled.pdf'), path.join(SEEDS, '000.txt')])
    await call('ingest:choose', { folder: false })
    const [pdf, txt] = (await call('library:list')).sort((a, b) => a.file.localeCompare(b.file))
    const d = (await call('report:get', { id: txt.file === '000.txt' ? txt.reportId! : pdf.reportId! })) as ReportDetail
    // Every key of the layout has a label, and the layout covers every canonical cell read.
    const layoutKeys = d.layout.flatMap((t) => t.rows.flatMap((r) => r.keys)).filter(Boolean) as string[]
    expect(new Set(layoutKeys).size).toBe(layoutKeys.length)
    for (const k of Object.keys(d.cells).filter((k) => !k.includes('.sub_'))) expect(layoutKeys).toContain(k)
    expect(d.layout.map((t) => t.table)).toEqual(['t2', 't2', 't2', 't2', 't3', 't4'])
    expect(d.keyLabels['t3.new.total']).toBe('表三“一、本年新收政府信息公开申请数量”行“总计”列')
    expect(structuredClone(d)).toEqual(d)

    const txtSource = await call('report:source', { id: txt.reportId! })
    expect(txtSource.kind).toBe('txt')
    const cell = Object.values(d.cells).find((c) => c.source?.kind === 'txt' && c.value !== null)!
    const range = cell.source as { start: number; end: number }
    expect((txtSource as { text: string }).text.slice(range.start, range.end)).toBe(cell.raw)

    const pdfSource = await call('report:source', { id: pdf.reportId! })
    expect(pdfSource.missing).toBeNull()
    expect((pdfSource as { bytes: Uint8Array }).bytes).toEqual(new Uint8Array(fs.readFileSync(path.join(SEEDS, '000.ruled.pdf'))))
    backend.store().close()
  })

  it('offers for a blank cell the value the table identities imply, one offer where they agree', async () => {
    // 001 with 116 (一、本年新收 · 自然人) printed “—”: T3-01 (the column) and T3-02 (the row) both pin it.
    const dir = tempDir()
    const file = path.join(dir, '001-dash.txt')
    const seed = fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8')
    expect(seed).toContain('一、本年新收政府信息公开申请数量\t\t116\t')
    fs.writeFileSync(file, seed.replace('一、本年新收政府信息公开申请数量\t\t116\t', '一、本年新收政府信息公开申请数量\t\t—\t'))
    const { call, backend } = setup([file])
    await call('ingest:choose', { folder: false })
    const [row] = await call('library:list')
    const d = (await call('report:get', { id: row.reportId! })) as ReportDetail
    expect(d.cells['t3.new.natural']).toMatchObject({ value: null, raw: '—' })
    expect(d.cells['t3.new.natural'].implied).toEqual([
      {
        value: 116,
        identity: '表三“第一项加第二项之和等于第三项加第四项之和”与表三行合计（总计 = 自然人 + 法人或其他组织各列）',
        how: '（七）总计 116 = 116，其余为 0；总计 121 − 其他 5 = 116，其余为 0'
      }
    ])
    // A cell with a value is offered nothing.
    expect(d.cells['t3.new.total'].implied).toEqual([])
    backend.store().close()
  })

  it('says so when the source PDF was moved or changed after import, and falls back to its text', async () => {
    const { call, backend, dir } = setup([])
    const copy = path.join(dir, '003.pdf')
    fs.copyFileSync(path.join(SEEDS, '003.ruled.pdf'), copy)
    await call('ingest:paths', { paths: [copy] })
    const id = (await call('library:list'))[0].reportId!
    fs.appendFileSync(copy, '\n% changed')
    const changed = await call('report:source', { id })
    expect(changed.missing).toMatch(/已被修改/)
    fs.rmSync(copy)
    const gone = await call('report:source', { id })
    expect(gone.missing).toMatch(/找不到原文件 .*003\.pdf/)
    expect((gone as { text: string }).text).toContain('鲁山县')
    backend.store().close()
  })

  it('records reviews and corrections with the reviewer, and validates them', async () => {
    const { call, backend } = setup([path.join(SEEDS, '001.txt')])
    await call('ingest:choose', { folder: false })
    await call('reviewer:set', { name: '张三' })
    const id = (await call('library:list'))[0].reportId!
    const findings = await call('report:findings', { id })
    const f = await call('finding:review', { id: findings[0].id, review: 'confirmed', comment: '属实' })
    expect(f).toMatchObject({ review: 'confirmed', comment: '属实', reviewer: '张三' })
    const events = await call('finding:events', { id: f.id })
    expect(events.at(-1)).toMatchObject({ actor: '张三', action: 'reviewed' })

    const d = await call('cell:correct', { reportId: id, key: 't3.new.natural', value: 99, reason: '测试' })
    expect(d.cells['t3.new.natural'].correction).toMatchObject({ by: '张三', reason: '测试' })
    expect(d.cells['t3.new.natural'].value).toBe(99)
    expect((await call('report:findings', { id })).some((x) => x.rule === 'T3-01' && x.status === 'open')).toBe(true)
    const back = await call('cell:revert', { reportId: id, key: 't3.new.natural' })
    expect(back.cells['t3.new.natural'].correction).toBeNull()
    expect((await call('report:findings', { id })).some((x) => x.rule === 'T3-01' && x.status === 'open')).toBe(false)

    await expect(call('finding:review', { id: f.id })).rejects.toThrow(/至少要给出/)
    await expect(call('finding:review', { id: f.id, review: 'maybe' })).rejects.toThrow(/review 必须是/)
    await expect(call('cell:correct', { reportId: id, key: 'drop table', value: 1, reason: null })).rejects.toThrow(/单元格键/)
    await expect(call('cell:correct', { reportId: id, key: 't3.new.natural', value: 'x', reason: null })).rejects.toThrow(/数值或空/)
    await expect(call('report:get', { id: 9999 })).rejects.toThrow(/没有编号为 9999 的报告/)
    await expect(call('finding:add', { reportId: id, severity: 'error', message: '  ', cells: [], source: null, quote: null })).rejects.toThrow(/不能为空/)
    const own = await call('finding:add', { reportId: id, severity: 'error', message: '第 2 页数字与表格不符', cells: ['t3.new.total'], source: { kind: 'txt', start: 0, end: 5 }, quote: '辉县市人民' })
    expect(own).toMatchObject({ origin: 'auditor', reviewer: '张三' })
    await call('finding:delete', { id: own.id })
    expect((await call('report:findings', { id })).some((x) => x.id === own.id && x.status === 'open')).toBe(false)
    backend.store().close()
  })

  it('records where and when a report was published, offers what a copied web page shows, and checks the deadlines again', async () => {
    const dir = tempDir()
    const file = path.join(dir, '辉县市网页.txt')
    const page = '首页 > 政务公开 > 政府信息公开年报\n发布时间：2024-01-19 10:32  来源：辉县市人民政府办公室  浏览次数：1234\n'
    fs.writeFileSync(file, page + fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8') + '\n本页网址：https://www.huixian.gov.cn/zwgk/ndbg/202401/t20240119_123.html\n')
    const { call, backend } = setup([file])
    await call('ingest:choose', { folder: false })
    await call('reviewer:set', { name: '张三' })
    const id = (await call('library:list'))[0].reportId!
    const open = async (rule: string) => (await call('report:findings', { id })).filter((f) => f.rule === rule && f.status === 'open')

    const meta = await call('report:meta', { id })
    expect(meta).toMatchObject({
      pubDate: null,
      pubUrl: null,
      notFound: false,
      agencyType: null,
      agencyTypeFromName: 'city',
      printed: { date: '2024-01-19', dateQuote: '发布时间：2024-01-19 10:32', url: 'https://www.huixian.gov.cn/zwgk/ndbg/202401/t20240119_123.html' },
      updatedBy: null
    })
    expect(meta.agencyTypes.find((t) => t.value === 'department')?.label).toBe('政府部门')
    // Offered only: nothing is recorded until the auditor saves.
    expect(await open('D05')).toHaveLength(1)

    // A 县级以上人民政府 publishes by 03-31 of the next year (D02).
    const late = await call('report:setMeta', { id, pubDate: '2024-04-10', pubUrl: ' https://www.huixian.gov.cn/x.html ', notFound: false, agencyType: null })
    expect(late).toMatchObject({ pubDate: '2024-04-10', pubUrl: 'https://www.huixian.gov.cn/x.html', updatedBy: '张三' })
    expect(await open('D05')).toEqual([])
    expect((await open('D02')).map((f) => f.message)).toEqual([expect.stringContaining('发布日期 2024-04-10 晚于《条例》第四十九条规定的 2024-03-31')])
    // The auditor says it is a department: the 01-31 deadline applies (D01), not D02.
    await call('report:setMeta', { id, pubDate: '2024-02-05', pubUrl: null, notFound: false, agencyType: 'department' })
    expect(await open('D02')).toEqual([])
    expect((await open('D01')).map((f) => f.message)).toEqual([expect.stringContaining('晚于《条例》第四十九条规定的 2024-01-31')])
    await call('report:setMeta', { id, pubDate: '2024-01-19', pubUrl: null, notFound: true, agencyType: 'department' })
    expect(await open('D01')).toEqual([])
    expect(await open('D06')).toHaveLength(1)

    // Refused with the reason, and nothing changes.
    await expect(call('report:setMeta', { id, pubDate: '2024-02-30', pubUrl: null, notFound: false, agencyType: null })).rejects.toThrow(/不是有效的日期/)
    await expect(call('report:setMeta', { id, pubDate: '2999-01-01', pubUrl: null, notFound: false, agencyType: null })).rejects.toThrow(/晚于今天/)
    await expect(call('report:setMeta', { id, pubDate: '2024-01-19', pubUrl: null, notFound: false, agencyType: 'ministry' })).rejects.toThrow(/agencyType 必须是/)
    await expect(call('report:setMeta', { id: 9999, pubDate: null, pubUrl: null, notFound: false, agencyType: null })).rejects.toThrow(/没有编号为 9999 的报告/)
    expect(await call('report:meta', { id })).toMatchObject({ pubDate: '2024-01-19', notFound: true, agencyType: 'department' })
    // The library carries them (its 发布日期未核实 filter).
    expect((await call('library:list')).find((r) => r.reportId === id)).toMatchObject({ pubDate: '2024-01-19', notFound: true })
    backend.store().close()
  })

  it('switches workspaces through the host and tells the page', async () => {
    const { call, backend, events, setNext, dir } = setup([path.join(SEEDS, '002.txt')])
    await call('ingest:choose', { folder: false })
    expect((await call('workspace:info')).reports).toBe(1)
    const other = path.join(dir, 'other.sqlite')
    setNext(other)
    const info = await call('workspace:choose', { create: true })
    expect(info).toMatchObject({ file: other, reports: 0 })
    expect(events.at(-1)).toMatchObject({ event: 'workspace:changed' })
    expect(backend.store().file).toBe(other)
    backend.store().close()
  })
})
