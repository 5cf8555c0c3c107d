/**
 * The Excel workbook read back with exceljs (every stored cell's number, every finding with
 * its review), and the CLI: memo (one report, the batch) and export --xlsx, with its errors.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeWorkbook } from '../../src/core/memo'
import { correctCell } from '../../src/core/review/corrections'
import { listFindings, REVIEW_LABELS } from '../../src/core/review/findings'
import { loadReport, reportIds } from '../../src/core/store/read'
import { runCli } from '../helpers/cli'
import { COMMENT_L01, memoWorkspace, type MemoWorkspace } from './workspace'

let ws: MemoWorkspace

beforeAll(async () => {
  ws = await memoWorkspace()
})
afterAll(() => ws?.store.close())

/** Rows of a sheet as objects keyed by the header row. */
function rows(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.CellValue>> {
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String)
  const out: Array<Record<string, ExcelJS.CellValue>> = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    const v = row.values as ExcelJS.CellValue[]
    out.push(Object.fromEntries(header.map((h, i) => [h, v[i + 1] ?? null])))
  })
  return out
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb
}

describe('XLSX workbook', () => {
  it('has every report, every extracted cell as a number, and every finding with its review', async () => {
    // The auditor confirmed a value against the original: the workbook keeps both.
    correctCell(ws.store, ws.ids.s001, 't2.fees.amount', 20587.3303, '张审核', '核对原件无误')
    const out = path.join(ws.dir, '年报数据与问题.xlsx')
    const w = await writeWorkbook(ws.store, out)
    expect(w).toMatchObject({ path: out, reports: 5, bytes: fs.statSync(out).size })
    const wb = await readWorkbook(out)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['报告', '单元格', '问题'])

    const reportRows = rows(wb.getWorksheet('报告')!)
    expect(reportRows.map((r) => r['报告编号'])).toEqual(reportIds(ws.store))
    const s003 = reportRows.find((r) => r['报告编号'] === ws.ids.s003)!
    expect(s003).toMatchObject({ 机关: '鲁山县人民政府办公室', 年度: 2021, 机关与年度来源: '报告标题', 发布日期: '2022-02-15', '结论（按已确认问题）': '不合格', 已确认: 3 })

    const cellRows = rows(wb.getWorksheet('单元格')!)
    let n = 0
    for (const id of reportIds(ws.store)) {
      const r = loadReport(ws.store, id)!
      const mine = new Map(cellRows.filter((c) => c['报告编号'] === id).map((c) => [c['键'] as string, c]))
      expect(mine.size).toBe(Object.keys(r.cells).length)
      for (const c of Object.values(r.cells)) {
        const row = mine.get(c.key)!
        expect(row['数值'], `${id} ${c.key}`).toBe(c.value)
        if (c.value !== null) expect(typeof row['数值']).toBe('number')
        expect(row['原文']).toBe(c.raw)
        expect(row['页码']).toBe(c.source?.kind === 'pdf' ? c.source.page : null)
        n++
      }
    }
    expect(cellRows).toHaveLength(n)
    const fee = cellRows.find((c) => c['报告编号'] === ws.ids.s000 && c['键'] === 't2.fees.amount')!
    expect(fee).toMatchObject({ 数值: 3, 说明: '表二“行政事业性收费”行“本年收费金额（单位：万元）”列' })
    const fixed = cellRows.find((c) => c['报告编号'] === ws.ids.s001 && c['键'] === 't2.fees.amount')!
    expect(fixed).toMatchObject({ 数值: 20587.3303, 更正后数值: 20587.3303, 更正人: '张审核', 更正理由: '核对原件无误' })
    expect(reportRows.find((r) => r['报告编号'] === ws.ids.s001)!['更正单元格数']).toBe(1)
    const total = cellRows.find((c) => c['报告编号'] === ws.ids.pdf000 && c['键'] === 't3.new.total')!
    expect(total).toMatchObject({ 数值: 2, 页码: 3, 状态: '已读取' })

    const findingRows = rows(wb.getWorksheet('问题')!)
    const all = reportIds(ws.store).flatMap((id) => listFindings(ws.store, id, { resolved: true }))
    expect(findingRows.map((f) => f['问题编号']).sort()).toEqual(all.map((f) => f.id).sort())
    for (const f of all) {
      const row = findingRows.find((x) => x['问题编号'] === f.id)!
      expect(row).toMatchObject({ 规则: f.rule, 问题描述: f.message, 复核: REVIEW_LABELS[f.review] })
      // The page of the quote: the finding's own, or its cells' when the rule gave none.
      if (f.page !== null) expect(row['页码']).toBe(f.page)
    }
    expect(findingRows.find((x) => x['审查意见'] === COMMENT_L01)).toBeDefined()
  })
})

describe('CLI memo and export', () => {
  it('writes one report’s memo as DOCX and the batch as PDF', () => {
    const docx = path.join(ws.dir, 'cli', '审查意见.docx')
    const r = runCli(['memo', '--db', ws.db, '--report', String(ws.ids.s003), '--out', docx, '--office', '某市政务公开办', '--date', '2025-04-10'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^已生成审查意见：.*审查意见\.docx（DOCX，\d+ KB，用时 [\d.]+ 秒）\n$/)
    return JSZip.loadAsync(fs.readFileSync(docx))
      .then((z) => z.file('word/document.xml')!.async('string'))
      .then((xml) => {
        expect(xml).toContain('关于《鲁山县人民政府办公室2021年政府信息公开工作年度报告》的审查意见')
        expect(xml).toContain('某市政务公开办')
        const pdf = path.join(ws.dir, 'cli', '汇总.pdf')
        const b = runCli(['memo', '--db', ws.db, '--all', '--out', pdf, '--pending', 'list'])
        expect(b.status).toBe(0)
        expect(b.stdout).toMatch(/^已生成汇总审查意见（5 份报告）：.*汇总\.pdf（PDF，\d+ 页，\d+ KB/)
        expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
      })
  })

  it('reports a wrong id, extension, choice or path in Chinese with the exit code of the other commands', () => {
    const out = path.join(ws.dir, 'x.pdf')
    const unknown = runCli(['memo', '--db', ws.db, '--report', '999', '--out', out])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('工作区中没有这些报告：999')
    const ext = runCli(['memo', '--db', ws.db, '--report', '1', '--out', path.join(ws.dir, 'x.txt')])
    expect(ext.status).toBe(2)
    expect(ext.stderr).toContain('不支持的输出格式“.txt”')
    const both = runCli(['memo', '--db', ws.db, '--report', '1', '--all', '--out', out])
    expect(both.status).toBe(2)
    expect(both.stderr).toContain('--report 与 --all 只能选一个')
    fs.writeFileSync(path.join(ws.dir, 'a-file'), '')
    const unwritable = runCli(['memo', '--db', ws.db, '--report', '1', '--out', path.join(ws.dir, 'a-file', 'x.docx')])
    expect(unwritable.status).toBe(1)
    expect(unwritable.stderr).toContain('无法写入')
    expect(fs.existsSync(out)).toBe(false)
  })

  it('exports the workbook with --xlsx (nothing on stdout) and keeps the JSON export as it was', async () => {
    const xlsx = path.join(ws.dir, 'cli', '数据.xlsx')
    const r = runCli(['export', '--db', ws.db, '--xlsx', xlsx])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/已导出 Excel 工作簿到 .*数据\.xlsx（5 份报告，\d+ KB）/)
    expect((await readWorkbook(xlsx)).worksheets.map((s) => s.name)).toEqual(['报告', '单元格', '问题'])
    const json = runCli(['export', '--db', ws.db])
    expect(json.status).toBe(0)
    expect(JSON.parse(json.stdout)).toHaveLength(5)
    expect(runCli(['export', '--db', ws.db, '--xlsx', path.join(ws.dir, 'a.csv')]).status).toBe(2)
  })
})
