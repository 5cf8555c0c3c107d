/**
 * Cells printed with distributed alignment (Word's 分散对齐, CSS justify): the glyphs of a short
 * header or label are spread over the cell's width, so the PDF gives one word per glyph
 * (自 然 人). In a ruled table the ruling lines tell whether two neighbouring glyphs share a
 * cell: lone glyphs with no vertical rule between them are joined into one word before the
 * table parsers read headers and labels. Without rules, lone glyphs one per column (a wrapped
 * header in narrow columns: 结 / 结 / 纠) look the same as a spread cell's; glyphs at one pitch
 * are joined there only when they spell a head of the format (HEAD_PARTS), and rows.ts joins
 * row labels by their even pitch.
 */
import type { DocLine, DocWord, Segment } from '../doc'
import { isLoneGlyph, joinWords } from '../doc'
import { matchForm } from '../../text/normalize'
import { HEAD_PARTS } from '../labels'
import { NUMBERING, wordsByLine } from './rows'

/**
 * Two glyphs this far apart (in font sizes) are too far to be one spread cell: a group header
 * spread over seven columns (申 请 人 情 况) keeps its glyphs about 8 em apart.
 */
const MAX_GAP_EM = 12

/** Glyphs of one spread cell stand at one pitch: each gap within this many font sizes of the others. */
const EVEN_PITCH_EM = 0.5

/** Runs of at least two neighbouring spread glyphs, as word indexes [from, to]. */
function candidateRuns(line: DocLine): Array<[number, number]> {
  const em = line.fontSize ?? 10
  const runs: Array<[number, number]> = []
  const w = line.words
  for (let i = 0; i < w.length; ) {
    let j = i
    while (isLoneGlyph(w[i]) && j + 1 < w.length && isLoneGlyph(w[j + 1]) && (w[j + 1].x0 ?? 0) - (w[j].x1 ?? 0) <= MAX_GAP_EM * em) j++
    if (j > i) runs.push([i, j])
    i = j + 1
  }
  return runs
}

/** Whether a vertical rule stands between two words of a line. */
function ruledApart(rules: Segment[], a: DocWord, b: DocWord): boolean {
  const yMid = ((a.y0 ?? 0) + (a.y1 ?? 0)) / 2
  return rules.some((r) => r.orient === 'v' && r.at >= (a.x1 ?? 0) - 0.5 && r.at <= (b.x0 ?? 0) + 0.5 && r.from <= yMid && r.to >= yMid)
}

/** Whether the gaps between a group's glyphs are even, as spreading makes them. */
function evenPitch(words: DocWord[], em: number): boolean {
  const gaps = words.slice(1).map((w, k) => (w.x0 ?? 0) - (words[k].x1 ?? 0))
  return Math.max(...gaps) - Math.min(...gaps) <= EVEN_PITCH_EM * em
}

/**
 * The lines of a PDF table with each cell's spread glyphs joined. Rulings are read only for
 * pages that have a candidate run; lines without one are returned as they are.
 */
export async function joinSpreadGlyphs(lines: DocLine[], rulings: (page: number) => Promise<Segment[]>): Promise<DocLine[]> {
  const out: DocLine[] = []
  const vertical = new Map<number, Segment[]>()
  const verticalRules = async (page: number) => {
    let v = vertical.get(page)
    if (!v) vertical.set(page, (v = (await rulings(page)).filter((r) => r.orient === 'v')))
    return v
  }
  for (const line of lines) {
    const runs = line.page === undefined ? [] : candidateRuns(line)
    const rules = runs.length ? await verticalRules(line.page!) : []
    if (rules.length === 0) {
      out.push(line)
      continue
    }
    const em = line.fontSize ?? 10
    const words: DocWord[] = []
    // A numbering alone stays glyph by glyph, as rows.ts keeps it: "（三）" by itself on a line
    // is a group label's first line, not the start of a numbered row.
    const join = (group: DocWord[]) => group.length > 1 && evenPitch(group, em) && !NUMBERING.test(group.map((w) => w.text).join(''))
    const flush = (group: DocWord[]) => words.push(...(join(group) ? [joinWords(group)] : group))
    let next = 0
    for (const [from, to] of runs) {
      words.push(...line.words.slice(next, from))
      let group = [line.words[from]]
      for (let k = from + 1; k <= to; k++) {
        if (ruledApart(rules, line.words[k - 1], line.words[k])) {
          flush(group)
          group = []
        }
        group.push(line.words[k])
      }
      flush(group)
      next = to + 1
    }
    words.push(...line.words.slice(next))
    out.push(words.length === line.words.length ? line : { ...line, words })
  }
  return out
}

/**
 * A header's words with the glyphs that spell a head of the format, or a line of one wrapped in
 * its cell, at one pitch on a line joined, longest first (申 请 人 情 况 over seven columns, then
 * 法 人 或 其 他 组 织 below it; 社 会 公 益 over 组 织):
 * in a table without rules nothing else tells them from a glyph of each of several narrow
 * columns. Header words only: a row label spread over its cell is joined by rows.ts, whose
 * lone glyphs 其 他 of 2.其他法律… must stay lone. New words are added to `lineOf`.
 */
export function joinSpelledHeads(words: DocWord[], lineOf: Map<DocWord, DocLine>): DocWord[] {
  const out = words.filter((w) => !lineOf.has(w))
  for (const [line, ws] of wordsByLine(words, lineOf)) {
    const part = { ...line, words: ws }
    const em = line.fontSize ?? 10
    const joined: DocWord[] = []
    let next = 0
    for (const [from, to] of candidateRuns(part)) {
      joined.push(...part.words.slice(next, from))
      for (let i = from; i <= to; ) {
        let end = -1
        for (let j = to; j > i && end < 0; j--) {
          const group = part.words.slice(i, j + 1)
          if (HEAD_PARTS.has(matchForm(group.map((w) => w.text).join(''))) && evenPitch(group, em)) end = j
        }
        if (end < 0) joined.push(part.words[i++])
        else {
          const word = joinWords(part.words.slice(i, end + 1))
          lineOf.set(word, line)
          joined.push(word)
          i = end + 1
        }
      }
      next = to + 1
    }
    joined.push(...part.words.slice(next))
    out.push(...joined)
  }
  return out
}
