/**
 * A decoded TXT report as lines of words with character ranges.
 * Words are split at tabs (cell boundaries) and at runs of spaces.
 */
import type { DocLine, DocWord, SourceDoc } from '../extract/doc'
import { PAGE_NUMBER } from '../extract/labels'
import { normalizeGlyphs } from './normalize'

export function txtToDoc(text: string): SourceDoc {
  const lines: DocLine[] = []
  const re = /[^\r\n]*(\r\n|\r|\n|$)/g
  let m: RegExpExecArray | null
  // A PDF saved as text keeps its page breaks as form feeds, with the page number printed
  // next to them: the last line of a page and the first of the next are dropped if they are one.
  let pageStart = true
  while ((m = re.exec(text)) !== null) {
    const full = m[0]
    if (full.length === 0) break
    const start = m.index
    const body = full.replace(/[\r\n]+$/, '')
    const end = start + body.length
    const feed = body.includes('\f')
    if (feed) {
      const last = lines.at(-1)
      if (last && isPageNumber(last.text)) lines.pop()
      pageStart = true
    }
    if (body.trim() && !MD_TABLE_RULE.test(body) && !(pageStart && feed && isPageNumber(body.replace(/\f/g, '')))) {
      lines.push(lineOf(body, start, end))
      pageStart = false
    }
    if (re.lastIndex >= text.length) break
  }
  return { kind: 'txt', lines, pages: [] }
}

function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.replace(/[\s\f]+/g, ''))
}

/** The line under a Markdown table's header: "| --- | :---: |". */
const MD_TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/

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
  return s
}

function lineOf(raw: string, start: number, end: number): DocLine {
  const body = unmark(raw)
  const words: DocWord[] = []
  const hasTabs = body.includes('\t')
  const cells = hasTabs ? body.split('\t') : undefined
  const wordRe = /[^\s]+/g
  let cellIndex = 0
  let m: RegExpExecArray | null
  // Cell index of a position = number of tabs before it.
  const tabPositions: number[] = []
  for (let i = 0; i < body.length; i++) if (body[i] === '\t') tabPositions.push(i)
  while ((m = wordRe.exec(body)) !== null) {
    while (cellIndex < tabPositions.length && tabPositions[cellIndex] < m.index) cellIndex++
    words.push({
      text: normalizeGlyphs(m[0]),
      raw: raw.slice(m.index, m.index + m[0].length),
      source: { kind: 'txt', start: start + m.index, end: start + m.index + m[0].length },
      cell: cellIndex
    })
  }
  return {
    words,
    text: normalizeGlyphs(body),
    raw,
    source: { kind: 'txt', start, end },
    cells
  }
}
