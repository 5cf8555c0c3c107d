/**
 * A decoded TXT report as lines of words with character ranges.
 * Words are split at tabs (cell boundaries) and at runs of spaces.
 */
import type { DocLine, DocWord, SourceDoc } from '../extract/doc'
import { normalizeGlyphs } from './normalize'

export function txtToDoc(text: string): SourceDoc {
  const lines: DocLine[] = []
  const re = /[^\r\n]*(\r\n|\r|\n|$)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    const full = m[0]
    if (full.length === 0) break
    const start = m.index
    const body = full.replace(/[\r\n]+$/, '')
    const end = start + body.length
    if (body.trim()) lines.push(lineOf(body, start, end))
    if (re.lastIndex >= text.length) break
  }
  return { kind: 'txt', lines, pages: [] }
}

function lineOf(body: string, start: number, end: number): DocLine {
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
      raw: m[0],
      source: { kind: 'txt', start: start + m.index, end: start + m.index + m[0].length },
      cell: cellIndex
    })
  }
  return {
    words,
    text: normalizeGlyphs(body),
    raw: body,
    source: { kind: 'txt', start, end },
    cells
  }
}
