/**
 * A decoded TXT report as lines of words with character ranges.
 * Words are split at tabs (cell boundaries) and at runs of spaces.
 */
import { attachUnits, type DocLine, type DocWord, type SourceDoc } from '../extract/doc'
import type { Provenance } from '../model/report'
import { PAGE_NUMBER } from '../extract/labels'
import { normalizeGlyphs } from './normalize'

export function txtToDoc(text: string): SourceDoc {
  const lines: DocLine[] = []
  // Unicode's own line and paragraph separators (some web editors save them) break lines too.
  const re = /[^\r\n\u2028\u2029\u0085]*(\r\n|\r|\n|\u2028|\u2029|\u0085|$)/g
  let m: RegExpExecArray | null
  // A PDF saved as text keeps its page breaks as form feeds, with the page number printed
  // next to them: the last line of a page and the first of the next are dropped if they are one.
  let pageStart = true
  // Whether the last line that had text was such a page number (dropped): the page's end is then
  // marked, and the line before it is content.
  let afterFolio = false
  while ((m = re.exec(text)) !== null) {
    const full = m[0]
    if (full.length === 0) break
    const start = m.index
    const body = full.replace(/[\r\n\u2028\u2029\u0085]+$/, '')
    const end = start + body.length
    const feed = body.includes('\f')
    if (feed) {
      const last = lines.at(-1)
      if (last && !afterFolio && isPageNumber(last.text)) lines.pop()
      pageStart = true
    }
    // "— 3 —" or "第 3 页" is a page number wherever it stands (text copied from a PDF viewer
    // keeps them, without form feeds); a bare "3" only beside a form feed (one cell per line has those).
    const folio = PRINTED_FOLIO.test(body.replace(/[\s\f]+/g, ''))
    if (folio) afterFolio = true
    else if (body.trim() && !MD_TABLE_RULE.test(body) && !CELL_CLOSE.test(body) && !(pageStart && feed && isPageNumber(body.replace(/\f/g, '')))) {
      lines.push(lineOf(body, start, end))
      pageStart = false
      afterFolio = false
    }
    if (re.lastIndex >= text.length) break
  }
  return { kind: 'txt', lines, pages: [] }
}

/** A page number that cannot be a cell: dashes around it, or 第 N 页 (共 M 页). */
const PRINTED_FOLIO = /^[-—－]\d{1,4}[-—－]$|^第\d{1,4}页(共\d{1,4}页)?$/

function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.replace(/[\s\f]+/g, ''))
}

/** The line under a Markdown table's header: "| --- | :---: |". */
const MD_TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/
/**
 * A web table saved as text one cell per line, each cell after the first opened by a pipe
 * ("规章" "| 3" "| 1" "|"): a line holding only the pipe closes the row or stands for an empty
 * cell, and holds no word.
 */
const CELL_CLOSE = /^\s*\|\s*$/

/**
 * A report converted to Markdown: "## **一、总体情况**" is a heading and "| 规章 | 3 | 1 |" a row of
 * cells. The markers become spaces and inner pipes tabs, one character for one, so character
 * ranges still point into the file; the raw text keeps them. Emphasis inside a sentence stays
 * (an artifact the rules report).
 */
function unmark(body: string): string {
  let s = body.replace(/^(\s{0,3})(#{1,6})(\s+)/, (_m, a: string, h: string, b: string) => a + ' '.repeat(h.length) + b)
  s = s.replace(/^(\s*)(\*\*|__)(.+)\2(\s*)$/, (_m, a: string, e: string, t: string, b: string) => `${a}${' '.repeat(e.length)}${t}${' '.repeat(e.length)}${b}`)
  const row = /^(\s*)\|(.*)\|(\s*)$/.exec(s)
  if (row) s = `${row[1]} ${row[2].replace(/\|/g, '\t')} ${row[3]}`
  // One cell per line, opened by a pipe (see CELL_CLOSE): "| 3".
  else s = s.replace(/^(\s*)\|(?=\s*[^\s|])(?!.*\|)/, '$1 ')
  return s
}

/**
 * A web page saved as text by a tool that strips tags but leaves HTML entities: &nbsp; for
 * spacing and for empty cells. Entities that stand for a space become that many spaces (one
 * character for one, as for Markdown); the others are read as the character they stand for in
 * the words and the line's text, while ranges still point into the file.
 */
const SPACE_ENTITY = /&(?:nbsp|ensp|emsp|thinsp|#160|#x0*a0|#12288|#x0*3000);/gi
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×'
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] !== '#') return NAMED_ENTITIES[e.toLowerCase()] ?? m
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m
  })
}

/**
 * Characters that print nothing: web editors and copies from social-media articles leave
 * zero-width spaces and joiners, word joiners, stray byte-order marks and soft hyphens inside
 * words and numbers (本年\u200b新收, 1\u200b23). Read without them; ranges still point into the file.
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g
const readable = (s: string) => normalizeGlyphs(decodeEntities(s)).replace(INVISIBLE, '')

/** Where a TXT word starts or ends in the file. */
const offset = (p: Provenance, end: 'start' | 'end') => (p.kind === 'txt' ? p[end] : 0)

function lineOf(raw: string, start: number, end: number): DocLine {
  const body = unmark(raw).replace(SPACE_ENTITY, (m) => ' '.repeat(m.length))
  const words: DocWord[] = []
  const hasTabs = body.includes('\t')
  const cells = hasTabs ? body.split('\t').map((c) => decodeEntities(c).replace(INVISIBLE, '')) : undefined
  const wordRe = /[^\s]+/g
  let cellIndex = 0
  let m: RegExpExecArray | null
  // Cell index of a position = number of tabs before it.
  const tabPositions: number[] = []
  for (let i = 0; i < body.length; i++) if (body[i] === '\t') tabPositions.push(i)
  while ((m = wordRe.exec(body)) !== null) {
    while (cellIndex < tabPositions.length && tabPositions[cellIndex] < m.index) cellIndex++
    const text = readable(m[0])
    // A cell holding only an invisible character (an "empty" web table cell) holds no word.
    if (!text) continue
    words.push({
      text,
      raw: raw.slice(m.index, m.index + m[0].length),
      source: { kind: 'txt', start: start + m.index, end: start + m.index + m[0].length },
      cell: cellIndex
    })
  }
  return {
    // A unit one or two spaces after its number, in the number's cell.
    words: attachUnits(words, (v, u) => u.cell !== v.cell || offset(u.source, 'start') - offset(v.source, 'end') > 2),
    text: readable(body),
    raw,
    source: { kind: 'txt', start, end },
    cells
  }
}
