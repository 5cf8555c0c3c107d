import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ingestPaths } from '../../src/core/ingest/ingest'
import { parseDocument } from '../../src/core/ingest/parse'
import { SCHEMA_VERSION } from '../../src/core/store/migrations'
import { loadReport } from '../../src/core/store/read'
import { Store, StoreError } from '../../src/core/store/store'
import { SEEDS, tempDir } from '../helpers/paths'

describe('store', () => {
  it('creates the schema by migration, in WAL mode', () => {
    const dir = tempDir()
    const s = Store.open(path.join(dir, 'a', 'ws.sqlite'))
    expect(s.schemaVersion()).toBe(SCHEMA_VERSION)
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal')
    const tables = (s.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name)
    expect(tables).toEqual(expect.arrayContaining(['documents', 'reports', 'sections', 'cells', 'table_labels', 'problems']))
    s.close()
    // Reopening applies nothing twice.
    const again = Store.open(path.join(dir, 'a', 'ws.sqlite'))
    expect(again.schemaVersion()).toBe(SCHEMA_VERSION)
    again.close()
  })

  it('refuses a workspace written by a newer version', () => {
    const file = path.join(tempDir(), 'future.sqlite')
    const raw = new Database(file)
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.close()
    expect(() => Store.open(file)).toThrow(StoreError)
    expect(() => Store.open(file)).toThrow(/由更新版本的年报审查台创建/)
  })

  it('rolls back a report that fails to save: no document row is left behind', async () => {
    const s = Store.open(path.join(tempDir(), 'ws.sqlite'))
    const parsed = await parseDocument(new Uint8Array(fs.readFileSync(path.join(SEEDS, '003.txt'))), 'txt')
    // Corrupt one cell so that the insert fails half-way through the report.
    const bad = structuredClone(parsed)
    bad.report!.cells['t4.review.total'] = { ...bad.report!.cells['t4.review.total'], status: 'bogus' as never }
    expect(() => s.saveDocument({ path: '/x/003.txt', fileName: '003.txt', sha256: 'a'.repeat(64), size: 1 }, bad)).toThrow()
    for (const t of ['documents', 'reports', 'cells', 'sections', 'table_labels', 'problems']) {
      expect((s.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n, t).toBe(0)
    }
    // The same document saves cleanly afterwards.
    const ok = s.saveDocument({ path: '/x/003.txt', fileName: '003.txt', sha256: 'a'.repeat(64), size: 1 }, parsed)
    expect(ok.reportId).toBeGreaterThan(0)
    const back = loadReport(s, ok.reportId!)!
    expect(back.cells['t3.new.total']).toEqual(parsed.report!.cells['t3.new.total'])
    expect(back.sections).toEqual(parsed.report!.sections)
    expect(back.labels).toEqual(parsed.report!.labels)
    expect(back.problems).toEqual(parsed.report!.problems)
    s.close()
  })

  it('keeps a different file for the same agency and year as another version', async () => {
    const dir = tempDir()
    const s = Store.open(path.join(dir, 'ws.sqlite'))
    const a = path.join(dir, 'a.txt')
    const b = path.join(dir, 'b.txt')
    const text = fs.readFileSync(path.join(SEEDS, '002.txt'), 'utf8')
    fs.writeFileSync(a, text)
    fs.writeFileSync(b, text.replace('共收到政府信息公开申请3件', '共收到政府信息公开申请3件（更正版）'))
    const first = await ingestPaths([a], { store: s })
    const second = await ingestPaths([b, a], { store: s })
    expect(first.items[0].version).toBe(1)
    expect(second.items[0]).toMatchObject({ status: 'ok', version: 2 })
    expect(second.items[1].status).toBe('skipped')
    const rows = s.db.prepare('SELECT agency, year, version FROM reports ORDER BY id').all()
    expect(rows).toEqual([
      { agency: '洛阳市吉利区人民政府', year: 2020, version: 1 },
      { agency: '洛阳市吉利区人民政府', year: 2020, version: 2 }
    ])
    s.close()
  })
})
