/**
 * A large synthetic workspace written straight into SQLite (parsing 5,000 PDFs would take
 * minutes): documents, reports and findings with a known pattern, for the library's tests.
 *
 * Document i: every 100th could not be read (status error, no report); report i has i % 5
 * errors (the first dismissed), two warnings (one confirmed) and one resolved info.
 */
import { EXTRACTOR_VERSION, type Store } from '../../src/core/store/store'

export function fillWorkspace(store: Store, n: number): void {
  const now = new Date().toISOString()
  store.db.transaction(() => {
    const doc = store.db.prepare(
      "INSERT INTO documents (id, path, file_name, sha256, size, kind, pages, status, error, imported_at) VALUES (?, ?, ?, ?, 1, 'pdf', 5, ?, ?, ?)"
    )
    const rep = store.db.prepare(
      `INSERT INTO reports (id, document_id, agency, agency_key, year, template, version, extractor_version, created_at) VALUES (?, ?, ?, ?, ?, '2021', 1, ${EXTRACTOR_VERSION}, ?)`
    )
    const fin = store.db.prepare(
      `INSERT INTO findings (report_id, rule, identity, severity, message, status, review, first_seen, last_seen)
       VALUES (?, ?, ?, ?, 'm', ?, ?, ?, ?)`
    )
    for (let i = 1; i <= n; i++) {
      const failed = i % 100 === 0
      doc.run(i, `/corpus/${i}.pdf`, `${i}.pdf`, i.toString(16).padStart(64, '0'), failed ? 'error' : 'ok', failed ? '文件已加密' : null, now)
      if (failed) continue
      rep.run(i, i, `第${i}街道办事处`, `第${i}街道`, 2020 + (i % 4), now)
      for (let e = 0; e < i % 5; e++) fin.run(i, 'T3-01', `T3-01:${e}`, 'error', 'open', e === 0 ? 'dismissed' : 'pending', now, now)
      fin.run(i, 'T2-01', 'T2-01:a', 'warning', 'open', 'confirmed', now, now)
      fin.run(i, 'T2-01', 'T2-01:b', 'warning', 'open', 'pending', now, now)
      fin.run(i, 'S13', 'S13:period', 'info', 'resolved', 'pending', now, now)
    }
  })()
}
