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
  }
]

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version
