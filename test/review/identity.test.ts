/**
 * The auditor names a report's agency and year: a report whose title could not be read joins
 * its agency's other years (the cross-year checks run), the name is kept through a re-read,
 * and who set it is recorded.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { reportDetail } from '../../src/backend/dto'
import { ingestPaths } from '../../src/core/ingest/ingest'
import { rereadDocuments } from '../../src/core/ingest/reread'
import { writeWorkbook } from '../../src/core/memo'
import { compareWithPrevious } from '../../src/core/review/compare'
import { listFindings } from '../../src/core/review/findings'
import { identityFromFileName, setReportIdentity, validIdentity } from '../../src/core/review/identity'
import { listLibrary } from '../../src/core/review/library'
import { loadReport } from '../../src/core/store/read'
import { Store, StoreError } from '../../src/core/store/store'
import { tempDir } from '../helpers/paths'
import { seedText, writeTwoYears } from '../helpers/workspace'

/** Last year's report of 辉县市 (结转下年度 3) and this year's with its title line cut off. */
async function untitledWorkspace() {
  const dir = tempDir('dra-identity-')
  const store = Store.open(path.join(dir, 'ws.sqlite'))
  const { y2022 } = writeTwoYears(dir, 3)
  const untitled = path.join(dir, '无标题.txt')
  const text = seedText('001.txt').replace('辉县市人民政府 2023 年政府信息公开工作年度报告', '')
  if (text === seedText('001.txt')) throw new Error('seed 001.txt changed: its title line is not where the test expects it')
  fs.writeFileSync(untitled, text)
  const { items } = await ingestPaths([y2022, untitled], { store })
  const [id2022, id] = items.map((i) => i.reportId!)
  return { store, dir, id2022, id, untitled }
}

const xFindings = (store: Store, id: number) => listFindings(store, id).filter((f) => f.rule.startsWith('X') && f.status === 'open')

describe('setReportIdentity', () => {
  it('gives an untitled report its agency and year: it joins its own year, and a re-read keeps the names', async () => {
    const { store, dir, id2022, id } = await untitledWorkspace()
    // Its text is almost last year's, but its tables are not (上年结转, 结转下年度): it is not
    // last year's report printed again, so it is not named after it. Its names are unknown.
    expect(loadReport(store, id)).toMatchObject({ agency: null, year: null, identitySource: 'none', identityFrom: null, version: 1 })
    expect(listLibrary(store).find((r) => r.reportId === id)?.identity).toBe('none')
    expect(xFindings(store, id2022)).toEqual([])
    expect(compareWithPrevious(store, id)?.previous ?? null).toBeNull()

    expect(setReportIdentity(store, id, { agency: ' 辉县市 人民政府 ', year: 2023 }, '张审核')).toBe(1)
    const after = loadReport(store, id)!
    expect(after).toMatchObject({ agency: '辉县市人民政府', year: 2023, identitySource: 'manual', identityFrom: null, identityBy: '张审核', version: 1 })
    expect(Date.now() - Date.parse(after.identityAt!)).toBeLessThan(60_000)
    expect(listLibrary(store).find((r) => r.reportId === id)?.identity).toBe('manual')
    // The checks ran again in the same transaction: this year is now compared with last year
    // (结转下年度 3 against 上年结转 0: X01).
    expect(compareWithPrevious(store, id)!.previous?.id).toBe(id2022)
    expect(xFindings(store, id).map((f) => f.rule)).toContain('X01')

    // A re-read (as after a program update) reads the file again but keeps the auditor's names.
    const { items } = await rereadDocuments({ store, all: true })
    expect(items.filter((i) => i.status === 'ok')).toHaveLength(2)
    expect(loadReport(store, id)).toMatchObject({ agency: '辉县市人民政府', year: 2023, identitySource: 'manual', identityBy: '张审核', version: 1 })
    expect(xFindings(store, id).map((f) => f.rule)).toContain('X01')

    // The workbook says where each report's names come from.
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile((await writeWorkbook(store, path.join(dir, 'w.xlsx'))).path)
    const sheet = wb.getWorksheet('报告')!
    const col = (sheet.getRow(1).values as string[]).indexOf('机关与年度来源')
    const source = (reportId: number) => {
      let v: unknown = null
      sheet.eachRow((row, n) => {
        if (n > 1 && row.getCell(1).value === reportId) v = row.getCell(col).value
      })
      return v
    }
    expect(source(id2022)).toBe('报告标题')
    expect(source(id)).toMatch(/^人工更正（张审核 \d{4}-\d{2}-\d{2}）$/)
    store.close()
  })

  it('re-checks the reports of the old name too: a second version of 2022 named away leaves 2022 with one', async () => {
    const { store, id2022, id } = await untitledWorkspace()
    expect(setReportIdentity(store, id, { agency: '新乡市辉县市人民政府', year: 2022 }, '张审核')).toBe(2)
    expect(xFindings(store, id2022).map((f) => f.rule)).toContain('X07')
    expect(setReportIdentity(store, id, { agency: '辉县市人民政府', year: 2023 }, '张审核')).toBe(1)
    expect(xFindings(store, id2022).map((f) => f.rule)).not.toContain('X07')
    store.close()
  })

  it('numbers versions under the new name, and keeps the number when the name does not change', async () => {
    const { store, id } = await untitledWorkspace()
    expect(setReportIdentity(store, id, { agency: '辉县市人民政府', year: 2023 }, '张审核')).toBe(1)
    expect(setReportIdentity(store, id, { agency: '辉县市人民政府', year: 2023 }, '李复核')).toBe(1)
    expect(loadReport(store, id)!.identityBy).toBe('李复核')
    // Another spelling of last year's agency is the same agency: the second version of 2022.
    expect(setReportIdentity(store, id, { agency: '辉县市人民政府', year: 2022 }, '张审核')).toBe(2)
    store.close()
  })

  it('refuses names and years that cannot be right, and changes nothing then', async () => {
    const { store, id } = await untitledWorkspace()
    const before = loadReport(store, id)
    expect(() => setReportIdentity(store, id, { agency: '  ', year: 2023 }, '张审核')).toThrow('请填写机关名称')
    expect(() => setReportIdentity(store, id, { agency: '辉县市人民政府', year: 2007 }, '张审核')).toThrow('年度应为 2008–')
    expect(() => setReportIdentity(store, id, { agency: '辉县市人民政府', year: 2023.5 }, '张审核')).toThrow('年度应为')
    expect(() => setReportIdentity(store, id, { agency: '辉县市人民政府', year: 2023 }, ' ')).toThrow('须注明操作人')
    expect(() => setReportIdentity(store, 999, { agency: '辉县市人民政府', year: 2023 }, '张审核')).toThrow(StoreError)
    expect(() => validIdentity({ agency: '辉县市人民政府', year: 2031 }, new Date('2026-05-01'))).toThrow('年度应为 2008–2026')
    expect(loadReport(store, id)).toEqual(before)
    store.close()
  })
})

describe('agency and year offered from the file name', () => {
  it('reads a file name that is the report title, after a running number', () => {
    const whole = { agency: '辉县市峪河镇人民政府', year: 2023 }
    expect(identityFromFileName('辉县市峪河镇人民政府2023年政府信息公开工作年度报告.pdf')).toEqual(whole)
    expect(identityFromFileName('03-辉县市峪河镇人民政府2023年政府信息公开工作年度报告.PDF')).toEqual(whole)
    expect(identityFromFileName('（12）辉县市峪河镇人民政府2023年度政务公开年报.txt')).toEqual(whole)
    expect(identityFromFileName('7_辉县市峪河镇人民政府_2023年政府信息公开工作年度报告.pdf')).toEqual(whole)
    expect(identityFromFileName('辉县市峪河镇人民政府政府信息公开工作年度报告（2023年）.pdf')).toEqual(whole)
    // A leading year is the title's own, not a running number.
    expect(identityFromFileName('2023年辉县市峪河镇人民政府政府信息公开工作年度报告.pdf')).toEqual(whole)
    expect(identityFromFileName('2023年政府信息公开工作年度报告.pdf')).toEqual({ agency: null, year: 2023 })
    for (const name of ['scan_0012.pdf', '某单位年报.txt', '辉县市峪河镇人民政府.pdf', '1999年辉县市政府信息公开工作年度报告.pdf']) expect(identityFromFileName(name)).toBeNull()
  })

  it('offers them for a report that names neither, and not for one that names both', async () => {
    const dir = tempDir('dra-identity-file-')
    const store = Store.open(path.join(dir, 'ws.sqlite'))
    // 001 without its title and with another figure: no file of the same content names it.
    const text = seedText('001.txt')
      .replace('辉县市人民政府 2023 年政府信息公开工作年度报告', '')
      .replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/, '四、结转下年度继续办理\t\t5\t0\t0\t0\t0\t0\t5')
    expect(text).not.toContain('辉县市人民政府 2023')
    expect(text).toContain('\t5\t0\t0\t0\t0\t0\t5')
    const named = path.join(dir, '05-辉县市峪河镇人民政府2023年政府信息公开工作年度报告.txt')
    fs.writeFileSync(named, text)
    const titled = path.join(dir, '04-辉县市峪河镇人民政府2022年政府信息公开工作年度报告.txt')
    fs.writeFileSync(titled, seedText('001.txt'))
    const { items } = await ingestPaths([named, titled], { store })
    const [untitledId, titledId] = items.map((i) => i.reportId!)
    // Only offered: the report stays nameless until the auditor saves.
    expect(loadReport(store, untitledId)).toMatchObject({ agency: null, year: null, identitySource: 'none' })
    expect(reportDetail(store, untitledId)!.nameFromFile).toEqual({ agency: '辉县市峪河镇人民政府', year: 2023 })
    // The title names both: the file name (another agency and year) is not offered.
    expect(reportDetail(store, titledId)).toMatchObject({ agency: '辉县市人民政府', year: 2023, nameFromFile: null })
    store.close()
  })
})
