/**
 * The workspace schema, as numbered migrations. The applied version is SQLite's user_version.
 * Migrations are append-only: never edit one that has shipped, add the next.
 */

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, reports, sections, cells, labels, problems',
    sql: `
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('pdf', 'txt')),
        pages INTEGER,
        encoding TEXT,
        status TEXT NOT NULL CHECK (status IN ('ok', 'needs_ocr', 'error')),
        error TEXT,
        text TEXT NOT NULL DEFAULT '',
        page_offsets TEXT,
        imported_at TEXT NOT NULL,
        parse_ms REAL
      ) STRICT;

      CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
        title TEXT,
        title_raw TEXT,
        title_source TEXT,
        agency TEXT,
        agency_key TEXT,
        year INTEGER,
        template TEXT CHECK (template IN ('2019', '2021')),
        t2_template TEXT,
        t3_template TEXT,
        identity_source TEXT NOT NULL DEFAULT 'title' CHECK (identity_source IN ('title', 'sibling', 'manual', 'none')),
        identity_from INTEGER REFERENCES reports(id) ON DELETE SET NULL,
        version INTEGER NOT NULL DEFAULT 1,
        signature BLOB,
        extractor_version INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reports_agency_year ON reports(agency_key, year);

      CREATE TABLE report_tables (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        tbl TEXT NOT NULL CHECK (tbl IN ('t2', 't3', 't4')),
        section_index INTEGER,
        source TEXT,
        PRIMARY KEY (report_id, tbl)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sections (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        heading TEXT NOT NULL,
        heading_raw TEXT NOT NULL,
        heading_source TEXT,
        text TEXT NOT NULL,
        lines TEXT NOT NULL,
        PRIMARY KEY (report_id, position)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE cells (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value REAL,
        decimals INTEGER,
        status TEXT NOT NULL CHECK (status IN ('ok', 'blank', 'unreadable', 'lost')),
        raw TEXT NOT NULL,
        page INTEGER,
        box TEXT,
        char_start INTEGER,
        char_end INTEGER,
        PRIMARY KEY (report_id, key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE table_labels (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        tbl TEXT NOT NULL,
        role TEXT NOT NULL,
        key TEXT,
        text TEXT NOT NULL,
        raw TEXT NOT NULL,
        pos_row INTEGER,
        pos_cell INTEGER,
        source TEXT
      ) STRICT;
      CREATE INDEX table_labels_report ON table_labels(report_id);

      CREATE TABLE problems (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        tbl TEXT,
        row_key TEXT,
        keys TEXT NOT NULL,
        message TEXT NOT NULL,
        source TEXT
      ) STRICT;
      CREATE INDEX problems_report ON problems(report_id);
    `
  },
  {
    version: 2,
    name: 'findings with review state and history, settings, report metadata',
    sql: `
      -- One row per finding of a report, identified by (report, identity) so that re-running
      -- the checks keeps the auditor's review on findings that still stand.
      CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        identity TEXT NOT NULL,
        origin TEXT NOT NULL DEFAULT 'rule' CHECK (origin IN ('rule', 'auditor')),
        severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
        title TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL,
        cells TEXT NOT NULL DEFAULT '[]',
        source TEXT,
        page INTEGER,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        review TEXT NOT NULL DEFAULT 'pending' CHECK (review IN ('pending', 'confirmed', 'dismissed', 'fixed')),
        comment TEXT,
        reviewer TEXT,
        reviewed_at TEXT,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        resolved_at TEXT,
        UNIQUE (report_id, identity)
      ) STRICT;
      CREATE INDEX findings_report ON findings(report_id, status);

      -- Every change to a finding (created, resolved, reopened, reviewed, commented): nothing
      -- an auditor wrote is ever overwritten without a trace.
      CREATE TABLE finding_events (
        id INTEGER PRIMARY KEY,
        finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        detail TEXT
      ) STRICT;
      CREATE INDEX finding_events_finding ON finding_events(finding_id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- What the auditor records about a report that is not in its text.
      CREATE TABLE report_meta (
        report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        pub_date TEXT,
        pub_url TEXT,
        not_found INTEGER NOT NULL DEFAULT 0,
        agency_type TEXT,
        updated_at TEXT,
        updated_by TEXT
      ) STRICT;
    `
  },
  {
    version: 3,
    name: 'cell corrections with history, quotes on auditor findings',
    sql: `
      -- The auditor's corrections of extracted values, never overwritten: the active correction
      -- of a (report, key) is its latest row not reverted. Keyed by report, so re-importing the
      -- same file (same sha256: skipped) and re-running the checks leave them in place.
      CREATE TABLE cell_corrections (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value REAL, -- null: the auditor says the cell is blank
        original REAL, -- the extracted value at the time of the correction
        reason TEXT,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        reverted_at TEXT,
        reverted_by TEXT
      ) STRICT;
      CREATE INDEX cell_corrections_report ON cell_corrections(report_id, key);

      -- The passage of the source an auditor's own finding quotes.
      ALTER TABLE findings ADD COLUMN quote TEXT;
    `
  },
  {
    version: 4,
    name: 'agency and year of a report set by hand',
    sql: `
      -- identity_source 'manual': the auditor named the agency and year (a title the program
      -- could not read, or read wrong). Who and when, for the record; a re-read keeps them.
      ALTER TABLE reports ADD COLUMN identity_by TEXT;
      ALTER TABLE reports ADD COLUMN identity_at TEXT;
    `
  }
]

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version
