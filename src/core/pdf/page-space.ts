/**
 * Where a page's content lands as the reader sees the page: PDF user space turned by the page's
 * /Rotate and moved to its visible box's origin, y still pointing up. Words, ruling lines and
 * every stored box use this space, so that a landscape table stored as a portrait page with
 * /Rotate 90 (Acrobat's auto-rotate) reads across like any other, and the source view (which
 * draws pages as shown) highlights the right place.
 */
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

export interface PageSpace {
  width: number
  height: number
  /** User space to the shown page; null when they are the same (no /Rotate, box at 0,0). */
  matrix: Matrix | null
}

export function pageSpace(page: PDFPageProxy): PageSpace {
  const vp = page.getViewport({ scale: 1 })
  // The viewport maps to screen space (y down); flip back to y up over the shown height.
  const m = multiply([1, 0, 0, -1, 0, vp.height], vp.transform as Matrix)
  const same = m.every((v, i) => Math.abs(v - IDENTITY[i]) < 1e-6)
  return { width: vp.width, height: vp.height, matrix: same ? null : m }
}
