/**
 * The library: one row per document (reports, documents to OCR, failed files) with the review
 * progress of its open findings, from one query that stays fast with thousands of reports.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ingestPaths } from '../../src/core/ingest/ingest'
import { addAuditorFinding, listFindings, reviewFinding } from '../../src/core/review/findings'
import { libraryStats, listLibrary } from '../../src/core/review/library'
import { Store } from '../../src/core/store/store'
import { fillWorkspace } from '../helpers/big-workspace'
import { FIXTURES, SEEDS, tempDir } from '../helpers/paths'

describe('listLibrary', () => {
  it('lists every document with its report and review progress', async () => {
    const store = Store.open(path.join(tempDir(), 'ws.sqlite'))
    await ingestPaths([path.join(SEEDS, '001.txt'), path.join(SEEDS, '001.scanned.pdf'), path.join(FIXTURES, 'bad/encrypted.pdf')], { store })
    const rows = listLibrary(store)
    expect(rows.map((r) => [r.file, r.status])).toEqual([
      ['001.txt', 'ok'],
      ['001.scanned.pdf', 'needs_ocr'],
      ['encrypted.pdf', 'error']
    ])
    const [ok, scanned, bad] = rows
    const id = ok.reportId!
    const open = listFindings(store, id)
    expect(ok).toMatchObject({ kind: 'txt', agency: '辉县市人民政府', year: 2023, template: '2021', version: 1, status: 'ok', error: null, identity: 'title' })
    expect(ok).toMatchObject({ errors: 0, warnings: 0, infos: open.length, reviewed: 0, total: open.length })
    expect(ok.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(scanned).toMatchObject({ reportId: null, kind: 'pdf', agency: null, year: null, version: null, total: 0, errors: 0, reviewed: 0, identity: null })
    expect(scanned.pages).toBeGreaterThan(0)
    expect(bad).toMatchObject({ reportId: null, status: 'error', total: 0 })
    expect(bad.error).toMatch(/./)

    // A dismissed finding leaves the severity counts but stays in the total, reviewed.
    reviewFinding(store, open[0].id, { review: 'dismissed' }, '张审核')
    addAuditorFinding(store, id, { severity: 'error', message: '附件缺失' }, '张审核')
    expect(listLibrary(store)[0]).toMatchObject({ errors: 1, infos: open.length - 1, reviewed: 2, total: open.length + 1 })
    expect(libraryStats(store)).toEqual({ documents: 3, reports: 1, needsOcr: 1, failed: 1, withErrors: 1, findings: open.length + 1, reviewed: 2 })
    store.close()
  })

  it('lists 5,000 reports in one query', () => {
    const store = Store.open(path.join(tempDir(), 'big.sqlite'))
    const N = 5000
    fillWorkspace(store, N)

    const started = performance.now()
    const rows = listLibrary(store)
    const ms = performance.now() - started
    console.log(`listLibrary: ${rows.length} rows in ${ms.toFixed(1)} ms`)

    expect(rows.length).toBe(N)
    expect(rows.filter((r) => r.reportId === null).length).toBe(N / 100)
    expect(rows[0]).toMatchObject({ documentId: 1, reportId: 1, file: '1.pdf', agency: '第1街道办事处', year: 2021, errors: 0, warnings: 2, infos: 0, reviewed: 2, total: 3 })
    expect(rows[3]).toMatchObject({ documentId: 4, reportId: 4, errors: 3, warnings: 2, infos: 0, reviewed: 2, total: 6 })
    expect(rows[4]).toMatchObject({ documentId: 5, errors: 0, warnings: 2, reviewed: 1, total: 2 })
    expect(rows[99]).toMatchObject({ documentId: 100, reportId: null, status: 'error', error: '文件已加密', errors: 0, total: 0, version: null })
    expect(rows[N - 1]).toMatchObject({ documentId: N, reportId: null })
    expect(libraryStats(store)).toMatchObject({ documents: N, reports: N - N / 100, failed: N / 100 })
    store.close()
  })
})
