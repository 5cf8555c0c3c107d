/**
 * The spaces a page is read in.
 *
 * Shown space: PDF user space turned by the page's /Rotate and moved to its visible box's
 * origin, y pointing up: the page as the source view draws it. Every stored box is in it, so a
 * landscape table stored as a portrait page with /Rotate 90 (Acrobat's auto-rotate) reads
 * across like any other, and its cells highlight where they are shown.
 *
 * Reading space: the shown page, turned a quarter more when most of its text runs up or down
 * it: a wide table printed sideways on a portrait page, or a landscape page turned to portrait
 * in a viewer. Words and ruling lines are laid out in it, so rows run across; their boxes are
 * turned back into shown space.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api'
import { round, type DocLine } from '../extract/doc'
import type { PDFPageProxy } from './pdfjs'

export type Matrix = [number, number, number, number, number, number]

/** m1 · m2: first m2, then m1 (as PDF's `cm` concatenates). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5]
  ]
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

function invert([a, b, c, d, e, f]: Matrix): Matrix {
  const det = a * d - b * c
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]
}

const isIdentity = (m: Matrix) => m.every((v, i) => Math.abs(v - IDENTITY[i]) < 1e-6)

export interface PageSpace {
  /** The page as shown. */
  width: number
  height: number
  /** User space to reading space; null when they are the same (upright text, no /Rotate, box at 0,0). */
  matrix: Matrix | null
  /** The page in reading space (the shown size, or turned). */
  readWidth: number
  readHeight: number
  /** Reading space back to shown space, for boxes; null when the page is read as shown. */
  toShown: Matrix | null
  /** Non-space characters of the page's text. */
  chars: number
}

/** Text that runs up or down the page (as shown) on more than this share of its characters turns the reading. */
const SIDEWAYS_SHARE = 0.6
/** … and at least this many characters: a page of a few vertical labels is still upright. */
const SIDEWAYS_MIN = 40

/** The spaces of a page, given its text items in user space. */
export function pageSpace(page: PDFPageProxy, items: TextItem[]): PageSpace {
  const vp = page.getViewport({ scale: 1 })
  // The viewport maps to screen space (y down); flip back to y up over the shown height.
  const shown = multiply([1, 0, 0, -1, 0, vp.height], vp.transform as Matrix)
  let [up, down, all] = [0, 0, 0]
  for (const it of items) {
    const n = it.str.replace(/\s+/g, '').length
    if (!n) continue
    all += n
    // The run's direction as shown: the linear part of `shown` applied to its own.
    const t = it.transform
    const dx = shown[0] * t[0] + shown[2] * t[1]
    const dy = shown[1] * t[0] + shown[3] * t[1]
    if (Math.abs(dy) > Math.abs(dx)) {
      if (dy > 0) up += n
      else down += n
    }
  }
  const { width, height } = vp
  if (up + down < SIDEWAYS_MIN || up + down < SIDEWAYS_SHARE * all) {
    return { width, height, matrix: isIdentity(shown) ? null : shown, readWidth: width, readHeight: height, toShown: null, chars: all }
  }
  // Turn the shown page so that the text reads left to right: a quarter clockwise when it
  // runs up the page, anticlockwise when it runs down.
  const turn: Matrix = up >= down ? [0, -1, 1, 0, 0, width] : [0, 1, -1, 0, height, 0]
  return { width, height, matrix: multiply(turn, shown), readWidth: height, readHeight: width, toShown: invert(turn), chars: all }
}

/** Turns the boxes of lines laid out in reading space back into shown space (axis-aligned stays axis-aligned). */
export function boxesToShown(lines: DocLine[], toShown: Matrix): void {
  // A one-word line shares its word's source object: turn each object once.
  const done = new Set<DocLine['source']>()
  const turn = (src: DocLine['source']) => {
    if (src.kind !== 'pdf' || done.has(src)) return
    done.add(src)
    const [x0, y0] = apply(toShown, src.box[0], src.box[1])
    const [x1, y1] = apply(toShown, src.box[2], src.box[3])
    src.box = [round(Math.min(x0, x1)), round(Math.min(y0, y1)), round(Math.max(x0, x1)), round(Math.max(y0, y1))]
  }
  for (const l of lines) {
    turn(l.source)
    for (const w of l.words) if (w.source) turn(w.source)
  }
}
