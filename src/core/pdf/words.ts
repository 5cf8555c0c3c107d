/**
 * From pdfjs text items to words and lines.
 *
 * pdfjs items are runs of same-font glyphs, not words: office suites split text into many
 * small runs, browsers put several cells' worth of spaces into one. We split items at spaces,
 * then merge pieces that touch on the same baseline, then group words into lines by baseline.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api'
import { joinFragments, normalizeGlyphs } from '../text/normalize'
import { attachUnits, baselineAt, GLYPH_ABOVE, GLYPH_BELOW, round, wordLine, type DocLine, type DocWord } from '../extract/doc'
import { PAGE_NUMBER } from '../extract/labels'
import { advance, isSpace, textAdvance } from '../text/width'
import { joinWrappedUnits } from './wrapped-units'

interface Piece {
  raw: string
  x0: number
  x1: number
  baseline: number
  size: number
  /** Whether a space separated this piece from the previous one in the same item. */
  spaced: boolean
}

function splitItem(item: TextItem): Piece[] {
  const t = item.transform
  const size = Math.hypot(t[0], t[1]) || item.height || 1
  const str = item.str
  const total = textAdvance(str)
  const unit = total > 0 ? item.width / total : 0
  const pieces: Piece[] = []
  let pos = 0
  let current: { raw: string; start: number; end: number } | null = null
  let spaced = false
  for (const ch of str) {
    const code = ch.codePointAt(0)!
    const w = advance(code) * unit
    if (isSpace(code)) {
      if (current) {
        pieces.push({ raw: current.raw, x0: t[4] + current.start, x1: t[4] + current.end, baseline: t[5], size, spaced })
        current = null
      }
      spaced = true
    } else {
      if (!current) current = { raw: '', start: pos, end: pos }
      current.raw += ch
      current.end = pos + w
    }
    pos += w
  }
  if (current) pieces.push({ raw: current.raw, x0: t[4] + current.start, x1: t[4] + current.end, baseline: t[5], size, spaced })
  // The first piece of an item is "spaced" only if the item itself began with whitespace.
  return pieces
}

/** A run turned a quarter or more (Word's 文字方向 "所有文字旋转 90°"): it reads up or down the page. */
function isTurned(item: TextItem): boolean {
  const t = item.transform
  return Math.abs(t[1]) > Math.abs(t[0])
}

/** How far a run may lean off the page's axes and still be text (tan 10°): scans and their OCR layers lean a little. */
const MAX_LEAN = Math.tan((10 * Math.PI) / 180)

/**
 * A run set at a slant (30°, 45° …) is a watermark (仅供参考, 内部资料) drawn across the page,
 * not part of the report: read as a line, its large glyphs would fall among a table's values.
 * (Compared as ratios: this runs once per text item of every page.)
 */
function isSlanted(item: TextItem): boolean {
  const a = Math.abs(item.transform[0])
  const b = Math.abs(item.transform[1])
  return b > MAX_LEAN * a && a > MAX_LEAN * b
}

/**
 * Turned runs, each as a line of its own: a run that continues another (the same column, its
 * start where the other ends) joins it, so a label that the PDF wrote in several runs stays
 * one word. The word's box is the run's real extent on the page; its line stands at the
 * run's vertical middle, as a group label centred on the rows it spans (see vertical.ts).
 */
function turnedLines(items: TextItem[], page: number): DocLine[] {
  type Run = { raw: string; x0: number; x1: number; y0: number; y1: number; end: [number, number]; size: number }
  const runs: Run[] = []
  for (const it of items) {
    const t = it.transform
    const size = Math.hypot(t[0], t[1]) || it.height || 1
    // Along the text and towards the glyphs' tops, in page space.
    const [ax, ay] = [t[0] / size, t[1] / size]
    const [ux, uy] = [t[2] / size, t[3] / size]
    const start: [number, number] = [t[4], t[5]]
    const end: [number, number] = [t[4] + ax * it.width, t[5] + ay * it.width]
    const corners = [start, end].flatMap(([x, y]) => [
      [x - GLYPH_BELOW * size * ux, y - GLYPH_BELOW * size * uy],
      [x + GLYPH_ABOVE * size * ux, y + GLYPH_ABOVE * size * uy]
    ])
    const xs = corners.map((c) => c[0])
    const ys = corners.map((c) => c[1])
    const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) }
    const last = runs.at(-1)
    if (last && Math.hypot(last.end[0] - start[0], last.end[1] - start[1]) < 0.5 * size) {
      Object.assign(last, { raw: last.raw + it.str, x0: Math.min(last.x0, box.x0), x1: Math.max(last.x1, box.x1), y0: Math.min(last.y0, box.y0), y1: Math.max(last.y1, box.y1), end })
    } else runs.push({ raw: it.str, ...box, end, size })
  }
  return runs
    .filter((r) => r.raw.trim())
    .map((r) => {
      const raw = r.raw.trim()
      const source = { kind: 'pdf' as const, page, box: [round(r.x0), round(r.y0), round(r.x1), round(r.y1)] as [number, number, number, number] }
      const word: DocWord = { text: normalizeGlyphs(raw), raw, x0: r.x0, x1: r.x1, y0: r.y0, y1: r.y1, source }
      return wordLine(word, page, baselineAt((r.y0 + r.y1) / 2, r.size), r.size)
    })
}

/**
 * Bold faked by printing the same text twice a fraction of a point apart (WPS and some printer
 * drivers, for fonts without a bold face): pdfjs returns both impressions, which would read as
 * 一一、总体情况、总体情况 and as a value twice. A piece lying within another on the same line,
 * its text part of the other's, is the second impression (as pdfplumber's dedupe_chars).
 * `line` is sorted by x0; text on a normal line never overlaps itself, so that is checked first.
 */
function dropOverprints(line: Piece[]): Piece[] {
  let overlap = false
  for (let i = 1; i < line.length && !overlap; i++) overlap = line[i].x0 < line[i - 1].x1 - 0.5 * Math.min(line[i].size, line[i - 1].size)
  if (!overlap) return line
  const kept: Piece[] = []
  for (const p of [...line].sort((a, b) => b.x1 - b.x0 - (a.x1 - a.x0))) {
    const tol = 0.2 * p.size
    const within = (k: Piece) =>
      Math.abs(k.baseline - p.baseline) <= tol && Math.abs(k.size - p.size) <= 0.1 * k.size && p.x0 >= k.x0 - tol && p.x1 <= k.x1 + tol && k.raw.includes(p.raw)
    if (!kept.some(within)) kept.push(p)
  }
  return kept.sort((a, b) => a.x0 - b.x0)
}

/** Builds the lines of one page, top to bottom, words left to right. */
export function buildLines(items: TextItem[], page: number): DocLine[] {
  const pieces: Piece[] = []
  const turned: TextItem[] = []
  for (const it of items) {
    if (!it.str || !it.str.trim() || isSlanted(it)) continue
    if (isTurned(it)) turned.push(it)
    else pieces.push(...splitItem(it))
  }
  // Group by baseline: tolerance relative to the font size.
  pieces.sort((a, b) => b.baseline - a.baseline || a.x0 - b.x0)
  const groups: Piece[][] = []
  // Text twice the size or more is not on the same line: a level watermark's glyphs may stand
  // on a table row's baseline, between its words (see dropWatermarks).
  const fits = (g: Piece[], p: Piece) => {
    const [small, large] = g[0].size < p.size ? [g[0].size, p.size] : [p.size, g[0].size]
    return Math.abs(g[0].baseline - p.baseline) <= 0.35 * small && large < 2 * small
  }
  for (const p of pieces) {
    const g = groups.at(-1)
    if (g && fits(g, p)) g.push(p)
    else {
      // Sorted by baseline, words of two sizes on one band interleave: each joins its own size's line.
      const other = g && Math.abs(g[0].baseline - p.baseline) <= 0.35 * Math.max(g[0].size, p.size) ? groups.slice(-6, -1).findLast((x) => fits(x, p)) : undefined
      if (other) other.push(p)
      else groups.push([p])
    }
  }
  const lines: DocLine[] = []
  for (const line of groups) {
    line.sort((a, b) => a.x0 - b.x0)
    const g = dropOverprints(line)
    const words: DocWord[] = []
    let cur: Piece | null = null
    const flush = () => {
      if (!cur) return
      const size = cur.size
      const y0 = cur.baseline - GLYPH_BELOW * size
      const y1 = cur.baseline + GLYPH_ABOVE * size
      words.push({
        text: normalizeGlyphs(cur.raw),
        raw: cur.raw,
        x0: cur.x0,
        x1: cur.x1,
        y0,
        y1,
        source: { kind: 'pdf', page, box: [round(cur.x0), round(y0), round(cur.x1), round(y1)] }
      })
    }
    for (const p of g) {
      // Touching runs form one word; a space or a visible gap separates words.
      const c = cur as Piece | null
      if (c && !p.spaced && p.x0 - c.x1 < 0.2 * Math.min(c.size, p.size)) {
        cur = { ...c, raw: c.raw + p.raw, x1: Math.max(c.x1, p.x1) }
      } else {
        flush()
        cur = { ...p }
      }
    }
    flush()
    // A unit more than 0.6 em from its number is another cell's text.
    const em = (w: DocWord) => (w.y1! - w.y0!) / (GLYPH_ABOVE + GLYPH_BELOW)
    const lineWords = attachUnits(words, (v, u) => u.x0! - v.x1! > 0.6 * Math.min(em(v), em(u)))
    const baseline = g.reduce((s, p) => s + p.baseline, 0) / g.length
    const fontSize = Math.max(...g.map((p) => p.size))
    const text = joinFragments(lineWords.map((w) => w.text))
    const raw = joinFragments(lineWords.map((w) => w.raw))
    const x0 = Math.min(...lineWords.map((w) => w.x0!))
    const x1 = Math.max(...lineWords.map((w) => w.x1!))
    const y0 = Math.min(...lineWords.map((w) => w.y0!))
    const y1 = Math.max(...lineWords.map((w) => w.y1!))
    lines.push({
      words: lineWords,
      text,
      raw,
      page,
      baseline,
      fontSize,
      source: { kind: 'pdf', page, box: [round(x0), round(y0), round(x1), round(y1)] }
    })
  }
  const joined = joinWrappedUnits(lines)
  if (turned.length === 0) return joined
  return [...joined, ...turnedLines(turned, page)].sort((a, b) => (b.baseline ?? 0) - (a.baseline ?? 0))
}

/** Where a line stands up the page: its baseline, as laid out. */
const baselineOf = (l: DocLine) => l.baseline ?? 0

/** The top and bottom bands of a page where headers and footers are printed. */
function inMargin(l: DocLine, pageHeight: number, at = baselineOf): boolean {
  const margin = pageHeight * 0.08
  const b = at(l)
  return b < margin || b > pageHeight - margin
}

/**
 * Page numbers in the top and bottom margins are not content, even on a one-page document.
 * `at` places a line up the page (default: its baseline as laid out; a page read turned also
 * checks its lines' boxes as shown, where an upright page number stands).
 */
export function dropPageFurniture(lines: DocLine[], pageHeight: number, at = baselineOf): DocLine[] {
  return lines.filter((l) => {
    if (!inMargin(l, pageHeight, at)) return true
    return !PAGE_NUMBER.test(l.text.replace(/\s+/g, ''))
  })
}

/**
 * Running heads and feet: a line in the top or bottom margin whose text, numbers aside, recurs
 * at the same height on another page is printed by the page layout (the agency or the report's
 * name as a header, "第 3 页 共 6 页"), not part of the report. Left in, a header above the
 * title would be read as the first line of the title. `heights` gives each page's height.
 */
export function dropRunningHeads(lines: DocLine[], heights: Map<number, number>): DocLine[] {
  const key = (l: DocLine) => l.text.replace(/\s+/g, '').replace(/\d+/g, '#')
  const candidates = lines.filter((l) => l.page !== undefined && inMargin(l, heights.get(l.page) ?? 0))
  const running = new Set<DocLine>()
  for (const a of candidates) {
    const k = key(a)
    // Same wording within 3 pt of the same height on a different page.
    if (candidates.some((b) => b.page !== a.page && Math.abs((b.baseline ?? 0) - (a.baseline ?? 0)) <= 3 && key(b) === k)) running.add(a)
  }
  return running.size ? lines.filter((l) => !running.has(l)) : lines
}

/** How much larger than the body text a watermark is set (Word's 水印 defaults to "自动", 50–72 pt). */
const WATERMARK_SIZE = 2.5

/**
 * Level watermarks (征求意见稿, 仅供参考 set horizontally behind every page): a line set far
 * larger than the body text (by characters, the median line size) that recurs at the same height
 * on another page. Slanted ones are dropped with the text items (see isSlanted); a cover's
 * large title is printed once.
 */
export function dropWatermarks(lines: DocLine[]): DocLine[] {
  const sizes: number[] = []
  for (const l of lines) if (l.fontSize) for (let i = 0; i < l.text.length; i++) sizes.push(l.fontSize)
  if (sizes.length === 0) return lines
  sizes.sort((a, b) => a - b)
  const body = sizes[Math.floor(sizes.length / 2)]
  const big = lines.filter((l) => (l.fontSize ?? 0) >= WATERMARK_SIZE * body)
  if (big.length < 2) return lines
  const key = (l: DocLine) => l.text.replace(/\s+/g, '')
  const marks = new Set(
    big.filter((a) => big.some((b) => b.page !== a.page && key(b) === key(a) && Math.abs((b.baseline ?? 0) - (a.baseline ?? 0)) <= 3))
  )
  return marks.size ? lines.filter((l) => !marks.has(l)) : lines
}
