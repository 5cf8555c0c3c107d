/**
 * The common shape of a document for extraction: lines of words in reading order, each with
 * where it came from. TXT and PDF sources both produce it; everything downstream (title,
 * sections, tables) works on it.
 */
import type { Box, DocumentKind, Provenance } from '../model/report'
import { joinFragments } from '../text/normalize'
import { parseValueToken } from '../text/numbers'

export interface DocWord {
  /** Glyph-repaired text. */
  text: string
  /** As in the source. */
  raw: string
  source: Provenance
  /** PDF geometry (points, y up, as the page is read: see pdf/page-space.ts); absent for TXT. */
  x0?: number
  x1?: number
  y0?: number
  y1?: number
  /** TXT: index of the tab-separated cell this word came from. */
  cell?: number
}

export interface DocLine {
  words: DocWord[]
  /** Glyph-repaired text of the whole line (TXT: as in the file; PDF: words joined). */
  text: string
  raw: string
  source: Provenance
  /** PDF: 1-based page number and baseline. */
  page?: number
  baseline?: number
  fontSize?: number
  /** TXT: the tab-separated cells of the line, when it has tabs. */
  cells?: string[]
}

/** A straight ruling line drawn on a page, as the page is read (see pdf/page-space.ts). */
export interface Segment {
  orient: 'h' | 'v'
  /** For 'h': y position, x range. For 'v': x position, y range. */
  at: number
  from: number
  to: number
}

export interface PageInfo {
  page: number
  width: number
  height: number
}

export interface SourceDoc {
  kind: DocumentKind
  lines: DocLine[]
  pages: PageInfo[]
  /** Ruling lines of a page, computed on demand (only table pages need them). */
  rulings?: (page: number) => Promise<Segment[]>
  /** Whether a page is a scan under an invisible OCR text layer (see PageGraphics.ocrLayer); absent for a file without a page-sized picture. */
  ocrLayer?: (page: number) => Promise<boolean>
  /** How many pictures of some size a page paints, computed on demand (only when a table is missing). */
  pictures?: (page: number) => Promise<number>
}

export function boxOf(words: Array<Pick<DocWord, 'x0' | 'x1' | 'y0' | 'y1'>>): Box {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const w of words) {
    x0 = Math.min(x0, w.x0 ?? Infinity)
    y0 = Math.min(y0, w.y0 ?? Infinity)
    x1 = Math.max(x1, w.x1 ?? -Infinity)
    y1 = Math.max(y1, w.y1 ?? -Infinity)
  }
  return [round(x0), round(y0), round(x1), round(y1)]
}

/**
 * A PDF word's box around its baseline, in font sizes: CJK glyphs reach a little below the
 * baseline and most of an em above it.
 */
export const GLYPH_BELOW = 0.2
export const GLYPH_ABOVE = 0.85

/** The baseline of a line whose glyphs' boxes are centred on `middle`. */
export function baselineAt(middle: number, size: number): number {
  return middle - ((GLYPH_ABOVE - GLYPH_BELOW) / 2) * size
}

const LONE_GLYPH = /^[\p{Script=Han}（）()、，。：；“”‘’《》〈〉【】〔〕\uFE10-\uFE4F]$/u

/**
 * One glyph of Chinese text standing alone as a word, what a cell spread over its width
 * (分散对齐) or set vertically (文字方向) leaves: an ideograph, a Chinese bracket or punctuation
 * mark, or its vertical form (︵ ︑ …). Never a digit, a Latin letter or an ASCII mark: those
 * make values and placeholders (1, -, /).
 */
export function isLoneGlyph(w: { raw: string; text: string }): boolean {
  const t = w.raw.trim()
  return t.length > 0 && [...t].length === 1 && LONE_GLYPH.test(w.text.trim())
}

/** A line holding one word alone (a turned run, a stack of glyphs), standing at `baseline`. */
export function wordLine(word: DocWord, page: number | undefined, baseline: number, fontSize: number): DocLine {
  return { words: [word], text: word.text, raw: word.raw, source: word.source, page, baseline, fontSize }
}

/** The line with only `words` (some taken out of it, or moved onto it): its text and span recomputed. */
export function withWords(line: DocLine, words: DocWord[]): DocLine {
  return {
    ...line,
    words,
    text: joinFragments(words.map((w) => w.text)),
    raw: joinFragments(words.map((w) => w.raw)),
    source: spanOf(words.map((w) => w.source)) ?? line.source
  }
}

/** Words printed apart (spread or stacked glyphs) as one word: their text in order, their boxes united. */
export function joinWords(words: DocWord[], text = words.map((w) => w.text).join('')): DocWord {
  return {
    text,
    raw: words.map((w) => w.raw).join(''),
    source: spanOf(words.map((w) => w.source)) ?? words[0].source,
    x0: Math.min(...words.map((w) => w.x0 ?? Infinity)),
    x1: Math.max(...words.map((w) => w.x1 ?? -Infinity)),
    y0: Math.min(...words.map((w) => w.y0 ?? Infinity)),
    y1: Math.max(...words.map((w) => w.y1 ?? -Infinity))
  }
}

/** A count unit set as a word of its own after its number (169 件): the unit parseValueToken takes. */
const UNIT_WORD = /^(?:件|个|项|条|次|万元)$/
export const isUnitWord = (w: Pick<DocWord, 'text'>) => UNIT_WORD.test(w.text)

/** A number that a unit may follow: a value token ending in a digit. */
export const takesUnit = (w: Pick<DocWord, 'text'>) => /\d$/.test(w.text) && parseValueToken(w.text)?.kind === 'number'

/**
 * Joins a count unit printed apart from its number (「169 件」: a space typed between them, or
 * justified apart in a right-aligned cell, as LibreOffice sets it) to the number, so that the
 * cell reads as one value (169件) and not as a value and a stray label. `apart` says when the
 * two are too far apart to be one cell's text.
 */
export function attachUnits(words: DocWord[], apart: (value: DocWord, unit: DocWord) => boolean): DocWord[] {
  if (!words.some(isUnitWord)) return words
  const out: DocWord[] = []
  for (const w of words) {
    const prev = out.at(-1)
    if (prev && isUnitWord(w) && takesUnit(prev) && !apart(prev, w)) {
      out[out.length - 1] = {
        ...prev,
        text: prev.text + w.text,
        // As the auditor sees it: apart.
        raw: `${prev.raw} ${w.raw}`,
        source: spanOf([prev.source, w.source]) ?? prev.source,
        ...(prev.x1 !== undefined ? { x1: Math.max(prev.x1, w.x1 ?? prev.x1) } : {})
      }
    } else out.push(w)
  }
  return out
}

export function round(n: number): number {
  return Math.round(n * 100) / 100
}

/** The provenance covering several pieces that come from one document. */
export function spanOf(sources: Array<Provenance | null | undefined>): Provenance | null {
  const list = sources.filter((s): s is Provenance => !!s)
  if (list.length === 0) return null
  const first = list[0]
  if (first.kind === 'txt') {
    const txt = list.filter((s): s is Extract<Provenance, { kind: 'txt' }> => s.kind === 'txt')
    return { kind: 'txt', start: Math.min(...txt.map((s) => s.start)), end: Math.max(...txt.map((s) => s.end)) }
  }
  // A PDF span is reported on the page where it starts; boxes of that page are united.
  const samePage = list.filter((s): s is Extract<Provenance, { kind: 'pdf' }> => s.kind === 'pdf' && s.page === first.page)
  const box: Box = [
    Math.min(...samePage.map((s) => s.box[0])),
    Math.min(...samePage.map((s) => s.box[1])),
    Math.max(...samePage.map((s) => s.box[2])),
    Math.max(...samePage.map((s) => s.box[3]))
  ]
  return { kind: 'pdf', page: first.page, box }
}
