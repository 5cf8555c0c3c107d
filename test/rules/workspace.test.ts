/**
 * Checks in a workspace: after every import and on demand, findings stored with a stable
 * identity (reviews kept across re-runs), cross-year rules between files of the same agency,
 * settings kept in the workspace, and the CLI's check and export.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ingestPaths } from '../../src/core/ingest/ingest'
import { checkReports } from '../../src/core/review/check'
import { findingEvents, listFindings, reviewFinding } from '../../src/core/review/findings'
import { loadRulesConfig, saveRulesConfig } from '../../src/core/review/settings'
import { Store } from '../../src/core/store/store'
import { runCli } from '../helpers/cli'
import { SEEDS, tempDir } from '../helpers/paths'
import { seedText, writeTwoYears } from '../helpers/workspace'

/** Two years of 辉县市 under two spellings of its name; last year's carry-over given as `carryNext`. */
function twoYears(dir: string, carryNext: number): string[] {
  const { y2022, y2023 } = writeTwoYears(dir, carryNext)
  return [y2022, y2023]
}

describe('cross-year checks in a workspace', () => {
  it('raises X01 on the later report when 上年结转 disagrees with last year’s 结转下年度', async () => {
    const dir = tempDir()
    const store = Store.open(path.join(dir, 'ws.sqlite'))
    const files = twoYears(dir, 3)
    // The later year first: checks must still see last year's report once it arrives.
    await ingestPaths([files[1]], { store })
    await ingestPaths([files[0]], { store })
    const reports = store.db.prepare('SELECT id, agency, year FROM reports ORDER BY year').all() as Array<{ id: number; agency: string; year: number }>
    expect(reports.map((r) => [r.agency, r.year])).toEqual([
      ['新乡市辉县市人民政府', 2022],
      ['辉县市人民政府', 2023]
    ])
    const x01 = listFindings(store, reports[1].id).filter((f) => f.rule === 'X01')
    expect(x01.map((f) => f.identity).sort()).toEqual(['X01:natural', 'X01:total'])
    expect(x01[0].message).toMatch(/上年结转政府信息公开申请数量.*为 0 件，而新乡市辉县市人民政府2022年报告（辉县市2022\.txt）“结转下年度继续办理”为 3 件，相差 3 件/)
    expect(listFindings(store, reports[0].id).filter((f) => f.rule === 'X01')).toEqual([])
    store.close()
  })

  it('raises no X01 when the years agree', async () => {
    const dir = tempDir()
    const store = Store.open(path.join(dir, 'ws.sqlite'))
    await ingestPaths(twoYears(dir, 0), { store })
    const later = (store.db.prepare('SELECT id FROM reports WHERE year = 2023').get() as { id: number }).id
    expect(listFindings(store, later).filter((f) => f.rule === 'X01')).toEqual([])
    store.close()
  })
})

describe('findings across re-runs', () => {
  it('keeps the auditor’s review on findings that still stand, resolves the others, reopens them with their review', async () => {
    const store = Store.open(path.join(tempDir(), 'ws.sqlite'))
    const { items } = await ingestPaths([path.join(SEEDS, '000.txt')], { store })
    const id = items[0].reportId!
    const l01 = listFindings(store, id).find((f) => f.rule === 'L01')!
    reviewFinding(store, l01.id, { review: 'confirmed', comment: '表头“本年度止件数”应改为“本年废止件数”' }, '张审核')

    checkReports(store)
    const again = listFindings(store, id).find((f) => f.rule === 'L01')!
    expect(again).toMatchObject({ id: l01.id, review: 'confirmed', comment: '表头“本年度止件数”应改为“本年废止件数”', reviewer: '张审核', status: 'open' })

    const cfg = loadRulesConfig(store)
    cfg.disabled.push('L01')
    saveRulesConfig(store, cfg)
    checkReports(store)
    expect(listFindings(store, id).find((f) => f.rule === 'L01')).toBeUndefined()
    expect(listFindings(store, id, { resolved: true }).find((f) => f.rule === 'L01')).toMatchObject({ status: 'resolved', review: 'confirmed' })

    saveRulesConfig(store, { ...cfg, disabled: [] })
    checkReports(store)
    expect(listFindings(store, id).find((f) => f.rule === 'L01')).toMatchObject({ id: l01.id, status: 'open', review: 'confirmed', reviewer: '张审核' })
    expect(findingEvents(store, l01.id).map((e) => e.action)).toEqual(['created', 'reviewed', 'resolved', 'reopened'])
    store.close()
  })
})

describe('cli check, config and export', () => {
  it('prints a summary per report, takes settings and publication dates, and exports the findings', () => {
    const dir = tempDir()
    const db = path.join(dir, 'ws.sqlite')
    for (const f of ['001.txt', '003.txt']) fs.copyFileSync(path.join(SEEDS, f), path.join(dir, f))
    expect(runCli(['ingest', dir, '--db', db]).status).toBe(0)
    const check = runCli(['check', '--db', db])
    expect(check.status, check.stderr).toBe(0)
    const lines = check.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^\[#1\] 001\.txt｜辉县市人民政府 2023 年：错误 0，警告 0，提示 \d+$/)
    expect(lines[1]).toMatch(/^\[#2\] 003\.txt｜鲁山县人民政府办公室 2021 年：错误 0，警告 \d+，提示 \d+$/)
    expect(lines[2]).toMatch(/^共 2 份报告：错误 0，/)

    // 鲁山县人民政府办公室 is a department: due 2022-01-31.
    const cfg = runCli(['config', '--db', db, '--pub-date', '2=2022-02-15', '--severity', 'Y03=error'])
    expect(cfg.status, cfg.stderr).toBe(0)
    const verbose = runCli(['check', '--db', db, '--report', '2', '--verbose']).stdout
    expect(verbose).toMatch(/错误 D01 发布日期 2022-02-15 晚于《条例》第四十九条规定的 2022-01-31/)
    expect(verbose).toMatch(/错误 Y03 第一部分开头写的是 2020 年/)

    const exported = JSON.parse(runCli(['export', '--db', db]).stdout) as Array<{ file: string; findings: Array<Record<string, unknown>> }>
    const f003 = exported.find((r) => r.file === '003.txt')!
    const y03 = f003.findings.find((f) => f.rule === 'Y03')!
    expect(y03).toMatchObject({ rule: 'Y03', severity: 'error', cells: [], page: null, review: 'pending' })
    expect(y03.message).toMatch(/开头写的是 2020 年/)
    expect(y03.source).toMatchObject({ kind: 'txt' })
    expect(runCli(['config', '--db', db, '--disable', 'NOPE']).status).toBe(2)
  })

  it('sets a report’s agency and year by hand, and refuses bad values as usage errors', () => {
    const dir = tempDir()
    const db = path.join(dir, 'ws.sqlite')
    // The title line lost: nothing names the report; the import says how to name it.
    fs.writeFileSync(path.join(dir, '001.txt'), seedText('001.txt').replace('辉县市人民政府 2023 年政府信息公开工作年度报告', ''))
    const ingested = runCli(['ingest', dir, '--db', db])
    expect(ingested.status).toBe(0)
    expect(ingested.stdout).toMatch(/\[待确认\] .*001\.txt：未识别出机关与年度（报告 1），不参与跨年度比对；可用 npm run cli -- config --db .*ws\.sqlite --agency 1=机关名称 --year 1=年度 指定/)
    // A file named after its title: the command comes filled in with what the name says, to check first.
    const named = path.join(tempDir(), '03-辉县市人民政府2023年政府信息公开工作年度报告.txt')
    fs.writeFileSync(named, seedText('001.txt').replace('辉县市人民政府 2023 年政府信息公开工作年度报告', ''))
    const hinted = runCli(['ingest', named, '--db', path.join(dir, 'ws-named.sqlite')])
    expect(hinted.stdout).toMatch(/\[待确认\] .*03-辉县市人民政府2023年政府信息公开工作年度报告\.txt：未识别出机关与年度（报告 1），不参与跨年度比对；文件名显示为 辉县市人民政府 2023 年，核对后可用 npm run cli -- config --db .*ws-named\.sqlite --agency 1=辉县市人民政府 --year 1=2023 指定/)
    const yearOnly = runCli(['config', '--db', db, '--year', '1=2023'])
    expect(yearOnly.status).toBe(2)
    expect(yearOnly.stderr).toContain('报告 1：没有识别出机关，请用 --agency 1=机关名称 指定')
    const set = runCli(['config', '--db', db, '--agency', '1=新乡市辉县市人民政府', '--year', '1=2022'])
    expect(set.status, set.stderr).toBe(0)
    expect(set.stdout).toContain('报告 1：机关与年度改为 新乡市辉县市人民政府 2022 年')
    // --year alone keeps the agency.
    expect(runCli(['config', '--db', db, '--year', '1=2023']).status).toBe(0)
    const [r] = JSON.parse(runCli(['export', '--db', db]).stdout) as Array<Record<string, unknown>>
    expect(r).toMatchObject({ agency: '新乡市辉县市人民政府', year: 2023, identity: 'manual' })

    for (const [args, why] of [
      [['--year', '1=2031'], '报告 1：年度应为 2008–'],
      [['--year', '1=23'], '年度应写成四位数字：23'],
      [['--agency', '7=某局'], '工作区中没有编号为 7 的报告'],
      [['--pub-date', '1=2023/1/1'], '报告 1：发布日期格式应为 YYYY-MM-DD'],
      [['--not-found', '9'], '工作区中没有编号为 9 的报告']
    ] as const) {
      const bad = runCli(['config', '--db', db, ...args])
      expect(bad.status, bad.stderr).toBe(2)
      expect(bad.stderr).toContain(why)
      expect(bad.stderr).not.toContain('内部错误')
    }
    const [still] = JSON.parse(runCli(['export', '--db', db]).stdout) as Array<Record<string, unknown>>
    expect(still).toMatchObject({ agency: '新乡市辉县市人民政府', year: 2023, identity: 'manual' })
  })
})
