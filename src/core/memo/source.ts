/**
 * Where a finding is and what the report says there: the location (table cell, table label or
 * section, with the PDF page or TXT line) and a quote of the source text, for the memo's 位置
 * and 原文摘录.
 */
import {
  describeKey,
  T2_LAYOUTS,
  T3_COLUMN_LABELS,
  T3_COLUMNS,
  T3_ROW_GROUPS,
  T3_ROW_LABELS,
  T4_COLUMN_LABELS,
  T4_COLUMNS,
  T4_GROUP_LABELS,
  TABLE_NAMES,
  type TableId,
  type T3Column,
  type T4Column,
  type T4Group
} from '../model/keys'
import type { Box, Provenance, TableLabel } from '../model/report'
import type { StoredFinding } from '../review/findings'
import type { StoredReport } from '../store/read'

/** The document text as stored at import (a TXT's decoded text; a PDF's page texts). */
export interface DocumentText {
  text: string
}

export interface Located {
  /** Place and page/line: 表三“总计”列（第3页）. */
  location: string
  /** The place alone: a table cell, row or column, a label, a section, the title. */
  place: string
  /** 第3页 / 第54行, or null. */
  at: string | null
  /** PDF page (1-based) of the quote, null for a TXT or when unknown. */
  page: number | null
  /** TXT line (1-based) of the quote. */
  line: number | null
  quote: string | null
}

const QUOTE_MAX = 120
const ROLE_NAMES: Record<TableLabel['role'], string> = { caption: '栏目标题', column: '表头', row: '行标签', group: '分组标签', note: '说明文字' }

function clip(s: string, max = QUOTE_MAX): string {
  const t = s.replace(/\t+/g, ' ').replace(/[ \u00a0]{2,}/g, ' ').trim()
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0])
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  return w > 0 && h > 0 ? w * h : 0
}

/** How well a source covers another: overlap area for PDF boxes, containment for TXT ranges. */
function cover(outer: Provenance, inner: Provenance): number {
  if (outer.kind === 'pdf' && inner.kind === 'pdf') return outer.page === inner.page ? overlap(outer.box, inner.box) : 0
  if (outer.kind === 'txt' && inner.kind === 'txt') return inner.start >= outer.start && inner.start < Math.max(outer.end, outer.start + 1) ? 1 : 0
  return 0
}

/** The TXT line around a character offset: its 1-based number and its text (clipped around the offset). */
function txtLine(text: string, at: number): { line: number; text: string } {
  const from = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1
  const nl = text.indexOf('\n', at)
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < from; i = text.indexOf('\n', i + 1)) line++
  let s = text.slice(from, nl < 0 ? text.length : nl)
  if (s.length > QUOTE_MAX) {
    const start = Math.max(0, at - from - 30)
    s = (start > 0 ? '…' : '') + s.slice(start, start + QUOTE_MAX - 2)
  }
  return { line, text: s }
}

interface SectionHit {
  heading: string
  /** The line's text, or the text around a found fragment. */
  text: string
  source: Provenance | null
  /** Offset into a TXT document of the hit (its line for a source hit). */
  txtAt: number | null
}

/** The section line best covering a source. */
function sectionLine(report: StoredReport, src: Provenance): SectionHit | null {
  let best: (SectionHit & { score: number }) | null = null
  for (const s of report.sections) {
    for (const l of s.lines) {
      if (!l.source) continue
      const score = cover(l.source, src)
      if (score > (best?.score ?? 0)) {
        const txtAt = src.kind === 'txt' ? src.start : null
        best = { heading: s.heading, text: s.text.slice(l.at, l.at + l.length), source: l.source, txtAt, score }
      }
    }
  }
  return best
}

/**
 * The place in the narrative that a message quotes (“…” fragments, ellipses removed), found in
 * the section texts. Preferred to the finding's source line: the quote then shows the words
 * the message is about.
 */
function quotedFragment(report: StoredReport, message: string): SectionHit | null {
  const pieces = [...message.matchAll(/“([^”]{4,})”/g)]
    .flatMap((m) => m[1].split('…'))
    .map((p) => p.trim())
    .filter((p) => p.length >= 4)
    .sort((a, b) => b.length - a.length)
  for (const piece of pieces) {
    for (const s of report.sections) {
      // Search with line breaks removed (a PDF line ends mid-sentence), mapping back to offsets.
      const map: number[] = []
      let flat = ''
      for (let i = 0; i < s.text.length; i++) {
        if (s.text[i] === '\n' || s.text[i] === '\r') continue
        map.push(i)
        flat += s.text[i]
      }
      const found = flat.indexOf(piece)
      if (found < 0) continue
      const at = map[found]
      const l = s.lines.find((x) => at >= x.at && at < x.at + Math.max(1, x.length)) ?? null
      const from = Math.max(0, found - 20)
      const text = (from > 0 ? '…' : '') + flat.slice(from, found + piece.length + 20)
      const txtAt = l?.source?.kind === 'txt' ? l.source.start + (at - l.at) : null
      return { heading: s.heading, text, source: l?.source ?? null, txtAt }
    }
  }
  return null
}

/** The table label (caption, header, row label…) printed where a source points. */
function labelAt(report: StoredReport, src: Provenance): TableLabel | null {
  let best: TableLabel | null = null
  let bestScore = 0
  for (const l of report.labels) {
    if (!l.source) continue
    const score = cover(l.source, src) + cover(src, l.source)
    if (score > bestScore) {
      best = l
      bestScore = score
    }
  }
  return best
}

function rowLabel(table: string, row: string): string {
  if (table === 't3') return `${T3_ROW_GROUPS[row] ?? ''}${T3_ROW_LABELS[row] ?? row}`
  if (table === 't4') return T4_GROUP_LABELS[row as T4Group] ?? row
  for (const tpl of ['2021', '2019'] as const) for (const b of T2_LAYOUTS[tpl]) for (const r of b.rows) if (r.key === row) return r.label
  return row
}

function columnLabel(table: string, col: string): string {
  if (table === 't3') return T3_COLUMN_LABELS[col as T3Column] ?? col
  if (table === 't4') return T4_COLUMN_LABELS[col as T4Column] ?? col
  for (const tpl of ['2021', '2019'] as const) for (const b of T2_LAYOUTS[tpl]) for (const c of b.columns) if (c.key === col) return c.label
  return col
}

const T2_COLUMN_KEYS = [...new Set([...T2_LAYOUTS['2021'], ...T2_LAYOUTS['2019']].flatMap((b) => b.columns.map((c) => c.key)))]

/** "（七）总计：6 0 0 0 0 0 6": a row of cells as read, where no source text line is at hand. */
function rowQuote(report: StoredReport, table: string, row: string): string | null {
  const cols: readonly string[] = table === 't3' ? T3_COLUMNS : table === 't4' ? T4_COLUMNS : T2_COLUMN_KEYS
  const raws = cols
    .map((c) => report.cells[`${table}.${row}.${c}`])
    .filter((c) => c !== undefined)
    .map((c) => (c.raw.trim() === '' ? '（空）' : c.raw.trim()))
  return raws.length ? `${rowLabel(table, row)}：${raws.join(' ')}` : null
}

/** The cells as a place: one cell, one row, one column, or the first cell and a count. */
function cellsLocation(cells: string[]): string {
  if (cells.length === 1) return describeKey(cells[0])
  const parts = cells.map((k) => k.split('.'))
  const table = parts[0][0]
  const name = TABLE_NAMES[table as TableId] as string | undefined
  if (name && parts.every((p) => p[0] === table)) {
    if (new Set(parts.map((p) => p[1])).size === 1) return `${name}“${rowLabel(table, parts[0][1])}”行`
    if (new Set(parts.map((p) => p[2])).size === 1) return `${name}“${columnLabel(table, parts[0][2])}”列`
  }
  return `${describeKey(cells[0])}等 ${cells.length} 处`
}

/** Location, page and quote of a finding in its report. */
export function locate(f: StoredFinding & { quote?: string | null }, report: StoredReport, doc: DocumentText | null): Located {
  const cellSources = f.cells.map((k) => report.cells[k]?.source).filter((s): s is Provenance => !!s)
  const src = f.source ?? cellSources[0] ?? null
  let page = f.page ?? (src?.kind === 'pdf' ? src.page : null)
  let txtAt: number[] = []
  let quote: string | null = null
  let place: string

  if (f.cells.length) {
    place = cellsLocation(f.cells)
    if (doc && cellSources.some((s) => s.kind === 'txt')) {
      txtAt = cellSources.flatMap((s) => (s.kind === 'txt' ? [s.start] : []))
    } else {
      const rows = [...new Set(f.cells.map((k) => k.split('.').slice(0, 2).join('.')))].slice(0, 2)
      const quotes = rows.map((r) => rowQuote(report, ...(r.split('.') as [string, string]))).filter((q): q is string => !!q)
      if (quotes.length) quote = quotes.map((q) => clip(q)).join(' ／ ')
    }
  } else {
    const label = src ? labelAt(report, src) : null
    const hit = quotedFragment(report, f.message) ?? (src ? sectionLine(report, src) : null)
    if (label) {
      place = `${TABLE_NAMES[label.table]}${ROLE_NAMES[label.role]}“${label.text}”`
      quote = label.text
      if (label.source?.kind === 'pdf') page = label.source.page
      if (label.source?.kind === 'txt' && doc) txtAt = [label.source.start]
    } else if (hit) {
      place = `“${hit.heading}”部分`
      if (hit.source?.kind === 'pdf') page = hit.source.page
      if (hit.txtAt !== null && doc) txtAt = [hit.txtAt]
      quote = clip(hit.text)
    } else if (f.rule === 'S10' || f.rule === 'Y01' || (src && report.titleSource && JSON.stringify(src) === JSON.stringify(report.titleSource))) {
      place = '报告标题'
      quote = report.title
      if (report.titleSource?.kind === 'pdf') page ??= report.titleSource.page
      if (report.titleSource?.kind === 'txt' && doc) txtAt = [report.titleSource.start]
    } else if (f.rule.startsWith('D')) place = '发布情况'
    else if (src?.kind === 'txt' && doc) {
      place = '报告正文'
      txtAt = [src.start]
    } else place = '报告全文'
  }

  // A TXT: the source line(s) as printed, with their line numbers (the first one is cited).
  let line: number | null = null
  if (txtAt.length && doc) {
    const lines: Array<{ line: number; text: string }> = []
    for (const at of txtAt) {
      const l = txtLine(doc.text, at)
      if (!lines.some((x) => x.line === l.line)) lines.push(l)
      if (lines.length === 2) break
    }
    line = lines[0].line
    if (!quote || f.cells.length || place === '报告正文') quote = lines.map((l) => clip(l.text)).join(' ／ ')
  }
  if (f.quote) quote = clip(f.quote)
  const at = page !== null ? `第${page}页` : line !== null ? `第${line}行` : null
  return { location: at ? `${place}（${at}）` : place, place, at, page, line, quote }
}
