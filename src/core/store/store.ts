/**
 * The workspace store: one SQLite file (WAL), migrated on open. Every report is written in
 * one transaction together with its document row, so a failure leaves nothing half-written.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { agencyKey } from '../model/agency'
import type { ExtractedReport, ParsedDocument, Provenance } from '../model/report'
import { contentSignature, signatureText, similarity } from '../extract/signature'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'

/**
 * Bumped when extraction changes in a way that makes stored results stale; reports read by an
 * older one can be read again in place (rereadDocument, `npm run cli -- reread`).
 * 2: table 4 in blocks, OCR text layers marked.
 */
export const EXTRACTOR_VERSION = 2

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for another runtime (the Electron app's copy). */
  nativeBinding?: string
  readonly?: boolean
}

export interface FileInfo {
  path: string
  fileName: string
  sha256: string
  size: number
}

export interface SavedDocument {
  documentId: number
  reportId: number | null
  version: number | null
  /** The report whose agency and year this one took, when its own title gave none. */
  identityFrom?: number
}

export class StoreError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'StoreError'
  }
}

export class Store {
  readonly db: Database.Database
  readonly file: string

  private readonly statements = new Map<string, Database.Statement>()

  private constructor(db: Database.Database, file: string) {
    this.db = db
    this.file = file
  }

  /** A prepared statement, compiled once per connection. */
  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  static open(file: string, options: OpenOptions = {}): Store {
    const dir = path.dirname(path.resolve(file))
    if (!options.readonly) fs.mkdirSync(dir, { recursive: true })
    let db: Database.Database
    try {
      db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false, nativeBinding: options.nativeBinding })
    } catch (err) {
      throw new StoreError(`无法打开工作区文件 ${file}：${(err as Error).message}`, err)
    }
    try {
      db.pragma('foreign_keys = ON')
      db.pragma('busy_timeout = 5000')
      if (!options.readonly) {
        db.pragma('journal_mode = WAL')
        db.pragma('synchronous = NORMAL')
      }
      const store = new Store(db, file)
      if (!options.readonly) store.migrate()
      else store.checkVersion()
      return store
    } catch (err) {
      db.close()
      if (err instanceof StoreError) throw err
      throw new StoreError(`工作区文件 ${file} 无法使用：${(err as Error).message}`, err)
    }
  }

  private checkVersion(): number {
    const current = this.db.pragma('user_version', { simple: true }) as number
    if (current > SCHEMA_VERSION) {
      throw new StoreError(`工作区文件 ${this.file} 由更新版本的年报审查台创建（数据版本 ${current}，本程序支持到 ${SCHEMA_VERSION}），请升级程序后再打开`)
    }
    return current
  }

  private migrate(): void {
    const current = this.checkVersion()
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue
      this.db.transaction(() => {
        this.db.exec(m.sql)
        this.db.pragma(`user_version = ${m.version}`)
      })()
    }
  }

  close(): void {
    this.db.close()
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number
  }

  /** The document of a content, with the extractor version of its report (null without one). */
  documentBySha(sha256: string): { id: number; path: string; status: string; extractorVersion: number | null } | undefined {
    return this.stmt(
      'SELECT d.id, d.path, d.status, r.extractor_version AS extractorVersion FROM documents d LEFT JOIN reports r ON r.document_id = d.id WHERE d.sha256 = ?'
    ).get(sha256) as { id: number; path: string; status: string; extractorVersion: number | null } | undefined
  }

  /**
   * Saves a parsed file: the document row and, when it was read, its report with sections,
   * cells, labels and problems — all in one transaction. `replaces` names an earlier failed
   * import of the same file, removed in the same transaction.
   */
  saveDocument(file: FileInfo, parsed: ParsedDocument, replaces?: number): SavedDocument {
    const tx = this.db.transaction((): SavedDocument => {
      if (replaces !== undefined) this.stmt("DELETE FROM documents WHERE id = ? AND status = 'error'").run(replaces)
      const doc = this
        .stmt(
          `INSERT INTO documents (path, file_name, sha256, size, kind, pages, encoding, status, error, text, page_offsets, imported_at, parse_ms)
           VALUES (@path, @fileName, @sha256, @size, @kind, @pages, @encoding, @status, @error, @text, @pageOffsets, @importedAt, @parseMs)`
        )
        .run({
          path: file.path,
          fileName: file.fileName,
          sha256: file.sha256,
          size: file.size,
          kind: parsed.kind,
          pages: parsed.pages,
          encoding: parsed.encoding,
          status: parsed.status,
          error: parsed.message,
          text: parsed.text,
          pageOffsets: parsed.pageOffsets ? JSON.stringify(parsed.pageOffsets) : null,
          importedAt: new Date().toISOString(),
          parseMs: Math.round(parsed.elapsedMs * 10) / 10
        })
      const documentId = Number(doc.lastInsertRowid)
      if (!parsed.report) return { documentId, reportId: null, version: null }
      const sig = parsed.signature ?? contentSignature(signatureText(parsed.report, parsed.text))
      const { reportId, version } = this.insertReport(documentId, parsed.report, sig)
      if (parsed.report.agency && parsed.report.year) return { documentId, reportId, version }
      // No title: the identity of a report already in with the same content, if any (the
      // checks then run with it while the batch goes on; resolveIdentities looks again at the end).
      const sibling = this.siblingAmong(this.knownIdentities(), reportId, sig)
      if (!sibling) return { documentId, reportId, version }
      return { documentId, reportId, version: this.takeIdentity(reportId, sibling), identityFrom: sibling.id }
    })
    return tx()
  }

  private insertReport(documentId: number, r: ExtractedReport, sig: Uint32Array): { reportId: number; version: number } {
    const key = agencyKey(r.agency)
    const version = this.nextVersion(key, r.year)
    const res = this
      .stmt(
        `INSERT INTO reports (document_id, title, title_raw, title_source, agency, agency_key, year, template, t2_template, t3_template,
           identity_source, version, signature, extractor_version, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        documentId,
        r.title,
        r.titleRaw,
        json(r.titleSource),
        r.agency,
        key,
        r.year,
        r.template,
        r.t2Template,
        r.t3Template,
        r.agency && r.year ? 'title' : 'none',
        version,
        Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength),
        EXTRACTOR_VERSION,
        new Date().toISOString()
      )
    const reportId = Number(res.lastInsertRowid)
    this.insertContent(reportId, r)
    return { reportId, version }
  }

  /**
   * Replaces what was read from a document by a new reading of the same file (same sha256),
   * in one transaction. The document and report keep their ids, so the auditor's corrections,
   * the findings with their reviews and comments, and the report's metadata stay with it; the
   * checks are to be run again by the caller. An agency and year the auditor set stay; else they
   * are the new reading's. A reading without a report cannot replace one that had a report.
   */
  rereadDocument(documentId: number, parsed: ParsedDocument): SavedDocument {
    const tx = this.db.transaction((): SavedDocument => {
      const old = this.stmt('SELECT id, agency_key AS agencyKey, year, version, identity_source AS identity FROM reports WHERE document_id = ?').get(documentId) as
        | { id: number; agencyKey: string | null; year: number | null; version: number; identity: string }
        | undefined
      if (old && !parsed.report) throw new StoreError(`文档 ${documentId} 已有报告，新的读取结果没有报告，不能替换`)
      this.stmt(
        'UPDATE documents SET pages = ?, encoding = ?, status = ?, error = ?, text = ?, page_offsets = ?, parse_ms = ? WHERE id = ?'
      ).run(
        parsed.pages,
        parsed.encoding,
        parsed.status,
        parsed.message,
        parsed.text,
        parsed.pageOffsets ? JSON.stringify(parsed.pageOffsets) : null,
        Math.round(parsed.elapsedMs * 10) / 10,
        documentId
      )
      if (!parsed.report) return { documentId, reportId: null, version: null }
      const r = parsed.report
      const sig = parsed.signature ?? contentSignature(signatureText(r, parsed.text))
      if (!old) return { documentId, ...this.insertReport(documentId, r, sig) }
      const sigBlob = Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength)
      this.stmt(
        `UPDATE reports SET title = ?, title_raw = ?, title_source = ?, template = ?, t2_template = ?, t3_template = ?, signature = ?, extractor_version = ?
         WHERE id = ?`
      ).run(r.title, r.titleRaw, json(r.titleSource), r.template, r.t2Template, r.t3Template, sigBlob, EXTRACTOR_VERSION, old.id)
      let version = old.version
      if (old.identity !== 'manual') {
        const key = agencyKey(r.agency)
        version = this.versionUnder(old, key, r.year)
        this.stmt('UPDATE reports SET agency = ?, agency_key = ?, year = ?, identity_source = ?, identity_from = NULL, version = ? WHERE id = ?').run(
          r.agency,
          key,
          r.year,
          r.agency && r.year ? 'title' : 'none',
          version,
          old.id
        )
      }
      for (const t of ['report_tables', 'sections', 'cells', 'table_labels', 'problems']) this.stmt(`DELETE FROM ${t} WHERE report_id = ?`).run(old.id)
      this.insertContent(old.id, r)
      return { documentId, reportId: old.id, version }
    })
    return tx()
  }

  /**
   * The auditor names a report's agency and year (identity 'manual'): they then stay through
   * re-reads and are never taken from another file. The report becomes the next version of
   * its new agency and year unless it already was one of them. Returns its version.
   */
  setIdentity(reportId: number, agency: string, year: number, actor: string): number {
    return this.db.transaction((): number => {
      const old = this.stmt('SELECT agency_key AS agencyKey, year, version FROM reports WHERE id = ?').get(reportId) as
        | { agencyKey: string | null; year: number | null; version: number }
        | undefined
      if (!old) throw new StoreError(`工作区中没有编号为 ${reportId} 的报告`)
      const key = agencyKey(agency)
      const version = this.versionUnder({ id: reportId, ...old }, key, year)
      this.stmt(
        "UPDATE reports SET agency = ?, agency_key = ?, year = ?, identity_source = 'manual', identity_from = NULL, version = ?, identity_by = ?, identity_at = ? WHERE id = ?"
      ).run(agency, key, year, version, actor, new Date().toISOString(), reportId)
      return version
    })()
  }

  /** A stored report's version under a new agency and year: its own if they did not change. */
  private versionUnder(old: { id: number; agencyKey: string | null; year: number | null; version: number }, key: string | null, year: number | null): number {
    return key === old.agencyKey && year === old.year ? old.version : this.nextVersion(key, year, old.id)
  }

  /** The version number a report of this agency and year takes: one more than the others' (1 when either is unknown). */
  private nextVersion(key: string | null, year: number | null, except = -1): number {
    if (!key || !year) return 1
    return (this.stmt('SELECT COUNT(*) AS n FROM reports WHERE agency_key = ? AND year = ? AND id != ?').get(key, year, except) as { n: number }).n + 1
  }

  /** The extracted content of a report: tables found, sections, cells, labels, problems. */
  private insertContent(reportId: number, r: ExtractedReport): void {
    const insTable = this.stmt('INSERT INTO report_tables (report_id, tbl, section_index, source) VALUES (?, ?, ?, ?)')
    for (const t of r.tables) insTable.run(reportId, t.table, t.sectionIndex, json(t.source))
    const insSection = this.stmt(
      'INSERT INTO sections (report_id, position, idx, heading, heading_raw, heading_source, text, lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
    )
    r.sections.forEach((s, i) => insSection.run(reportId, i, s.index, s.heading, s.headingRaw, json(s.headingSource), s.text, JSON.stringify(s.lines)))
    const insCell = this.stmt(
      'INSERT INTO cells (report_id, key, value, decimals, status, raw, page, box, char_start, char_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    )
    for (const c of Object.values(r.cells)) {
      const src = c.source
      insCell.run(
        reportId,
        c.key,
        c.value,
        c.decimals,
        c.status,
        c.raw,
        src?.kind === 'pdf' ? src.page : null,
        src?.kind === 'pdf' ? JSON.stringify(src.box) : null,
        src?.kind === 'txt' ? src.start : null,
        src?.kind === 'txt' ? src.end : null
      )
    }
    const insLabel = this.stmt(
      'INSERT INTO table_labels (report_id, tbl, role, key, text, raw, pos_row, pos_cell, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
    )
    for (const l of r.labels) insLabel.run(reportId, l.table, l.role, l.key, l.text, l.raw, l.position?.row ?? null, l.position?.cell ?? null, json(l.source))
    const insProblem = this.stmt('INSERT INTO problems (report_id, code, tbl, row_key, keys, message, source) VALUES (?, ?, ?, ?, ?, ?, ?)')
    for (const p of r.problems) insProblem.run(reportId, p.code, p.table, p.row, JSON.stringify(p.keys), p.message, json(p.source))
  }

  /**
   * Reports whose title could not be read (no agency or year) take their identity from a
   * report with the same content in another file, when one is in the workspace: text alike
   * (signatures) and the same value in every table cell both files read. Text alone is not
   * enough: reports copy last year's text, and the copy of another year would take that
   * year. Of those alike, the most alike wins; of equals, the latest imported.
   *
   * A report is given an identity as it is saved, from the reports already in (saveDocument),
   * and the rest once a batch is in, when the file it matches may have come after it. Then
   * `revisit` (those given one as they were saved) are matched again against the whole
   * workspace: a file that came later may match better and name another agency or year.
   * Returns the ids of the reports whose agency or year this changed.
   */
  resolveIdentities(revisit: number[] = []): number[] {
    type Row = { id: number; signature: Buffer; agency_key: string | null; year: number | null }
    const pending = this.stmt("SELECT id, signature, agency_key, year FROM reports WHERE identity_source = 'none' AND signature IS NOT NULL").all() as Row[]
    const again = revisit.length
      ? (this.stmt("SELECT id, signature, agency_key, year FROM reports WHERE identity_source = 'sibling' AND signature IS NOT NULL").all() as Row[])
      : []
    const revisited = new Set(revisit)
    const todo = [...pending, ...again.filter((r) => revisited.has(r.id))]
    if (todo.length === 0) return []
    const known = this.knownIdentities()
    const resolved: number[] = []
    for (const p of todo) {
      const b = this.siblingAmong(known, p.id, toSig(p.signature))
      if (!b) continue
      // Matched again: the same agency and year stay as they are, whichever file gave them.
      if (revisited.has(p.id) && p.agency_key === b.agency_key && p.year === b.year) continue
      this.db.transaction(() => this.takeIdentity(p.id, b))()
      resolved.push(p.id)
    }
    return resolved
  }

  private knownIdentities(): KnownIdentity[] {
    return this.stmt(
      "SELECT id, agency, agency_key, year, signature FROM reports WHERE identity_source IN ('title', 'manual') AND signature IS NOT NULL ORDER BY id"
    ).all() as KnownIdentity[]
  }

  /** The report this one takes its identity from, of those known (see resolveIdentities). */
  private siblingAmong(known: KnownIdentity[], id: number, sig: Uint32Array, threshold = 0.8): KnownIdentity | undefined {
    const cellsOf = (id: number) =>
      new Map((this.stmt('SELECT key, value FROM cells WHERE report_id = ? AND value IS NOT NULL').all(id) as Array<{ key: string; value: number }>).map((c) => [c.key, c.value]))
    const sameCells = (a: Map<string, number>, b: Map<string, number>) => [...a].every(([key, v]) => !b.has(key) || b.get(key) === v)
    const alike = known
      .map((k, i) => ({ k, i, score: similarity(sig, toSig(k.signature)) }))
      .filter((c) => c.score >= threshold)
      .sort((x, y) => y.score - x.score || y.i - x.i)
    if (!alike.length) return undefined
    const own = cellsOf(id)
    return alike.find((c) => sameCells(own, cellsOf(c.k.id)))?.k
  }

  /** Gives report `id` the agency and year of `from`; returns its version under them. */
  private takeIdentity(id: number, from: KnownIdentity): number {
    const version = this.nextVersion(from.agency_key, from.year, id)
    this.stmt("UPDATE reports SET agency = ?, agency_key = ?, year = ?, identity_source = 'sibling', identity_from = ?, version = ? WHERE id = ?").run(
      from.agency,
      from.agency_key,
      from.year,
      from.id,
      version,
      id
    )
    return version
  }
}

interface KnownIdentity {
  id: number
  agency: string
  agency_key: string
  year: number
  signature: Buffer
}

function toSig(b: Buffer): Uint32Array {
  const copy = new Uint8Array(b)
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4)
}

function json(v: Provenance | null | undefined): string | null {
  return v ? JSON.stringify(v) : null
}
