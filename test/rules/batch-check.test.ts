/**
 * An import checks each report's own rules as it is saved and the rules that compare reports
 * once the batch is in (BatchCheck). This holds only if the registry says truly which rules read
 * other reports, and if the two parts together find exactly what a full check finds.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ingestPaths } from '../../src/core/ingest/ingest'
import { checkReports } from '../../src/core/review/check'
import { correctCell } from '../../src/core/review/corrections'
import { buildContext } from '../../src/core/rules/engine'
import { RULES } from '../../src/core/rules/registry'
import type { RuleContext } from '../../src/core/rules/types'
import { Store } from '../../src/core/store/store'
import { SEED_IDS, SEEDS, tempDir } from '../helpers/paths'
import { seedReport, viewOf } from '../helpers/rules'

class ReadOtherReport extends Error {}

/** A context whose other reports cannot be read: reading one throws. */
function guarded(ctx: RuleContext): RuleContext {
  for (const field of ['prev', 'versions', 'members'] as const) {
    Object.defineProperty(ctx, field, {
      get: () => {
        throw new ReadOtherReport(field)
      }
    })
  }
  return ctx
}

describe('rules that compare reports', () => {
  it('are exactly the rules that read another report', async () => {
    const reads = new Map<string, string[]>()
    for (const id of SEED_IDS) {
      for (const file of [`${id}.txt`, `${id}.ruled.pdf`]) {
        const report = viewOf(await seedReport(file), file)
        for (const rule of RULES) {
          if (!rule.check) continue
          try {
            rule.check(guarded(buildContext({ report })))
          } catch (err) {
            if (!(err instanceof ReadOtherReport)) throw err
            reads.set(rule.id, [...(reads.get(rule.id) ?? []), file])
          }
        }
      }
    }
    // Each rule flagged as comparing reads another report on some seed, and no other rule does.
    expect([...reads.keys()].sort()).toEqual(
      RULES.filter((r) => r.compares)
        .map((r) => r.id)
        .sort()
    )
  })
})

describe('checks of an import', () => {
  const y2023 = () => fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8')
  /** A second version of 2023 with another 本年新收 total (X07 on both versions). */
  const revised2023 = () => y2023().replace(/(一、本年新收政府信息公开申请数量\t\t(?:\d+\t){6})121/, '$1125')
  const snapshot = (store: Store) =>
    store.db.prepare("SELECT report_id, rule, identity, severity, message, status FROM findings WHERE origin = 'rule' ORDER BY report_id, identity").all()

  it('find in a batch what a full check finds afterwards, and a full check then changes nothing', async () => {
    const dir = tempDir()
    const y2022 = y2023()
      .replace('辉县市人民政府 2023 年政府信息公开工作年度报告', '辉县市人民政府2022年政府信息公开工作年度报告')
      .replace(/2023 年/g, '2022 年')
      .replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/, '四、结转下年度继续办理\t\t3\t0\t0\t0\t0\t0\t3')
    expect(y2022).toContain('结转下年度继续办理\t\t3')
    expect(revised2023()).not.toBe(y2023())
    // Names sort the later year first: its cross-year findings need a report saved after it.
    fs.writeFileSync(path.join(dir, 'a-2023.txt'), y2023())
    fs.writeFileSync(path.join(dir, 'b-2023-修订.txt'), revised2023())
    fs.writeFileSync(path.join(dir, 'c-2022.txt'), y2022)
    // No title on their first page: their agency and year come from a sibling once the batch is
    // in. The text one names a wrong statistical period, which Y02 can judge only with the year.
    fs.copyFileSync(path.join(SEEDS, '001.borderless.pdf'), path.join(dir, 'd-001.borderless.pdf'))
    const untitled = y2023().replace('辉县市人民政府 2023 年政府信息公开工作年度报告', '').replace('一、总体情况\n', '一、总体情况\n本报告统计期限为2022年1月1日至12月31日。\n')
    expect(untitled).toContain('统计期限为2022年')
    fs.writeFileSync(path.join(dir, 'e-无标题.txt'), untitled)

    const store = Store.open(path.join(dir, 'ws.sqlite'))
    const events: string[] = []
    const summary = await ingestPaths([dir], { store, onEvent: (e) => events.push(e.type) })
    expect(summary.counts.ok).toBe(5)
    expect(events.filter((e) => e === 'identity')).toHaveLength(2)
    expect(events.at(-1)).toBe('checked')

    const afterImport = snapshot(store)
    const rules = new Set(afterImport.map((f) => (f as { rule: string }).rule))
    for (const r of ['X01', 'X07', 'T3-08', 'D05']) expect(rules, r).toContain(r)
    // Reports named by a sibling are checked again in full, with the year they were given.
    const untitledId = (store.db.prepare("SELECT r.id FROM reports r JOIN documents d ON d.id = r.document_id WHERE d.file_name = 'e-无标题.txt'").get() as { id: number }).id
    expect(store.db.prepare('SELECT identity_source AS source, year FROM reports WHERE id = ?').get(untitledId)).toEqual({ source: 'sibling', year: 2023 })
    expect(afterImport).toContainEqual(expect.objectContaining({ report_id: untitledId, rule: 'Y02', message: expect.stringMatching(/统计期限.*与报告年度 2023 年不符/) }))

    const results = checkReports(store)
    expect(results).toHaveLength(5)
    for (const r of results) expect(r.stats, `report ${r.reportId}`).toMatchObject({ created: 0, reopened: 0, resolved: 0 })
    expect(snapshot(store)).toEqual(afterImport)
    store.close()
  })

  it('name a title-less report as it is saved from a file already in, and again at the end when a later file matches it better', async () => {
    const dir = tempDir()
    const title2023 = '辉县市人民政府 2023 年政府信息公开工作年度报告'
    const as2022 = y2023().replace(title2023, '辉县市人民政府 2022 年政府信息公开工作年度报告')
    // a: the 2023 report with another paragraph of measures (text alike, cells the same);
    // b: the 2022-titled text without its title; c: that 2022-titled text, which b matches exactly.
    const measures = /针对上述存在的问题，[^\n]*/
    expect(y2023()).toMatch(measures)
    fs.writeFileSync(path.join(dir, 'a-2023.txt'), y2023().replace(measures, '针对上述问题，下一步将加强培训，完善制度，提升公开质量。'))
    fs.writeFileSync(path.join(dir, 'b-无标题.txt'), as2022.replace('辉县市人民政府 2022 年政府信息公开工作年度报告', ''))
    fs.writeFileSync(path.join(dir, 'c-2022.txt'), as2022)
    const store = Store.open(path.join(dir, 'ws.sqlite'))
    const events: string[] = []
    await ingestPaths([dir], {
      store,
      onEvent: (e) => {
        if (e.type === 'file') events.push(`file ${e.item.fileName}`)
        if (e.type === 'identity') events.push(`identity ${e.fileName} ${e.year} from ${e.from}`)
        if (e.type === 'checked') events.push('checked')
      }
    })
    expect(events).toEqual([
      'file a-2023.txt',
      'file b-无标题.txt',
      // Named as it was saved, so its own rules ran with a year while the batch went on …
      'identity b-无标题.txt 2023 from a-2023.txt',
      'file c-2022.txt',
      // … and named again once c, a closer match with another year, was in.
      'identity b-无标题.txt 2022 from c-2022.txt',
      'checked'
    ])
    const b = store.db
      .prepare("SELECT r.year, r.version, src.file_name AS fromFile FROM reports r JOIN documents d ON d.id = r.document_id JOIN reports s ON s.id = r.identity_from JOIN documents src ON src.id = s.document_id WHERE d.file_name = 'b-无标题.txt'")
      .get()
    expect(b).toEqual({ year: 2022, version: 2, fromFile: 'c-2022.txt' })
    // The checks of the batch stand: a full check afterwards changes nothing.
    const afterImport = snapshot(store)
    for (const r of checkReports(store)) expect(r.stats, `report ${r.reportId}`).toMatchObject({ created: 0, reopened: 0, resolved: 0 })
    expect(snapshot(store)).toEqual(afterImport)
    store.close()
  })

  it('compare the values an auditor corrected while the batch was still coming in', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'a-2023.txt'), y2023())
    fs.writeFileSync(path.join(dir, 'b-2023-修订.txt'), revised2023())
    const store = Store.open(path.join(dir, 'ws.sqlite'))
    let corrected = false
    await ingestPaths([dir], {
      store,
      onEvent: (e) => {
        // The app stays usable during an import: the first report is corrected to the revised value.
        if (e.type !== 'file' || corrected) return
        correctCell(store, e.item.reportId!, 't3.new.total', 125, '张审核', '按修订版')
        corrected = true
      }
    })
    expect(corrected).toBe(true)
    const afterImport = snapshot(store)
    expect(afterImport.filter((f) => (f as { rule: string }).rule === 'X07')).toEqual([])
    checkReports(store)
    expect(snapshot(store)).toEqual(afterImport)
    store.close()
  })
})
