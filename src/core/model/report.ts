/**
 * The extracted model of one report: what extraction produces, the store persists and the
 * rules read. Plain data only (it crosses worker threads and IPC by structured clone).
 */
import type { TableId, Template } from './keys'

/**
 * [x0, y0, x1, y1] in points on the page as shown: origin at its bottom-left, y up, after the
 * page's /Rotate and crop box (PDF user space itself on the usual upright page). See pdf/page-space.ts.
 */
export type Box = [number, number, number, number]

/**
 * Where a value or a piece of text came from: a page and a box in a PDF, or a character
 * range (UTF-16 offsets, as JavaScript indexes strings) in the decoded text of a TXT file.
 */
export type Provenance =
  | { kind: 'pdf'; page: number; box: Box }
  | { kind: 'txt'; start: number; end: number }

/**
 * Cell status:
 * - `ok`: a number was read;
 * - `blank`: the cell exists but is empty or holds a placeholder (-, /, 无);
 * - `unreadable`: the cell holds text that is not a number;
 * - `lost`: the source lost the cell (a short row; the row or table could not be found).
 */
export type CellStatus = 'ok' | 'blank' | 'unreadable' | 'lost'

export interface Cell {
  key: string
  value: number | null
  /** Decimal places as printed (万元 amounts), null when no number was read. */
  decimals: number | null
  status: CellStatus
  /** The text it was read from, as in the source (before glyph repair). */
  raw: string
  source: Provenance | null
  /** Set when the value is the auditor's correction (only in a corrected load of a report). */
  correction?: CellCorrectionNote
}

/** The auditor's correction behind a cell's value: what was extracted, who changed it, when, why. */
export interface CellCorrectionNote {
  /** The extracted value (null: blank, unreadable or not found). */
  original: number | null
  /** The extracted cell's text, as in the source. */
  originalRaw: string
  by: string
  at: string
  reason: string | null
}

export interface Section {
  /** 1..6, the canonical section this heading stands for. */
  index: number
  heading: string
  headingRaw: string
  /** The narrative text of the section (table lines excluded), glyphs repaired. */
  text: string
  headingSource: Provenance | null
  /** Where each line of `text` came from: [offset in text, length, source]. */
  lines: Array<{ at: number; length: number; source: Provenance | null }>
}

/** A label as printed in a table: a caption, column header, row label or note. */
export interface TableLabel {
  table: TableId
  role: 'caption' | 'column' | 'row' | 'group' | 'note'
  /** The canonical row/column key it was matched to, or null when it matched nothing. */
  key: string | null
  text: string
  raw: string
  /** Header rows of a TXT table keep their cell positions (for shifted-header checks). */
  position?: { row: number; cell: number }
  source: Provenance | null
}

export type ProblemCode =
  | 'row_value_count' // a row with fewer values than columns, or extra ones that disagree: cells lost (L07)
  | 'row_extra_cells' // a row with extra values that all agree: nothing lost, the layout is off (L07)
  | 'row_missing' // a template row not found (L04/L07)
  | 'row_extra' // a row that matches no template row
  | 'cell_blank' // an empty or placeholder cell where a number is expected (L08)
  | 'cell_unreadable' // text that is not a number in a value cell (L08)
  | 'value_outside_columns' // a PDF value that sits under no column
  | 'table_missing' // a table not found at all (S11)
  | 'table_image' // a table not found where its section's pages paint pictures: pasted as an image (S11)
  | 'table_appendix' // a table placed in an appendix after the six sections (附表), not in its section (S11)
  | 'ocr_text' // a table read from the OCR text layer of a scan: its values are a recognition result (L07/L08 say so)
  | 'text_garbled' // part of a PDF's text decodes to stray Latin letters (a broken font map): labels with them match nothing (L07)
  | 'table_scrambled' // most cells of a TXT table could not be placed: its text is out of order (a PDF exported column by column) (L07)
  | 'columns_unmatched' // the column headers could not be matched
  | 'template_mixed' // table 2 and table 3 follow different templates (V03)
  | 'title_missing' // no title with agency and year could be read (S10/Y01)

export interface StructuralProblem {
  code: ProblemCode
  table: TableId | null
  /** Canonical row key (t3 `total`, t2 `regulations`) when the problem is about one row. */
  row: string | null
  /** The cell keys concerned. */
  keys: string[]
  message: string
  source: Provenance | null
}

export interface ExtractedReport {
  title: string | null
  titleRaw: string | null
  titleSource: Provenance | null
  agency: string | null
  year: number | null
  /** The report's template: table 2's when found, else table 3's. */
  template: Template | null
  t2Template: Template | null
  t3Template: Template | null
  sections: Section[]
  cells: Record<string, Cell>
  labels: TableLabel[]
  problems: StructuralProblem[]
  /** Which tables were found, with the source of their first line. */
  tables: Array<{ table: TableId; source: Provenance | null; sectionIndex: number | null }>
}

export type DocumentKind = 'pdf' | 'txt'
export type DocumentStatus = 'ok' | 'needs_ocr' | 'error'

/** The outcome of reading one file, before it is stored. */
export interface ParsedDocument {
  kind: DocumentKind
  status: DocumentStatus
  pages: number | null
  /** Detected encoding for TXT (utf-8, utf-16le, gb18030 …). */
  encoding: string | null
  /** Chinese message when status is not ok. */
  message: string | null
  /** The document text: for TXT the decoded file, for PDF the page texts joined. */
  text: string
  /** For PDF: where each page starts in `text`. */
  pageOffsets: number[] | null
  report: ExtractedReport | null
  /** Content signature of the report (to recognise the same report in another file). */
  signature: Uint32Array | null
  /** Milliseconds spent, for the benchmark. */
  elapsedMs: number
}
