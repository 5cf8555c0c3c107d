/**
 * Ruling lines of a page, its pictures, and whether it is a scan under an OCR text layer, from
 * its operator list (one walk of it per page).
 *
 * Tables are drawn either as stroked lines (office suites) or as thin filled rectangles
 * (browser engines). We walk the operators tracking the transformation matrix ourselves and
 * keep axis-aligned segments, then snap and join collinear pieces (pdfplumber's approach).
 *
 * pdfjs 5.5+: constructPath args are [paintOp, [pathData], minMax]; pathData uses DrawOPS
 * codes moveTo=0, lineTo=1, curveTo=2, quadraticCurveTo=3, closePath=4 (not exported, and
 * different in 5.4 — pdfjs-dist is pinned exactly for this reason).
 */
import { loadPdfjs, type PDFPageProxy } from './pdfjs'
import type { Segment } from '../extract/doc'
import { apply, IDENTITY, multiply, type Matrix } from './page-space'

const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const

/** Thickness up to which a filled rectangle counts as a line. */
const THIN = 2.5
/** Shorter pieces are text decorations, not table rules. */
const MIN_LENGTH = 3

interface RawSeg {
  x0: number
  y0: number
  x1: number
  y1: number
}

function toSegment(s: RawSeg): Segment | null {
  const dx = Math.abs(s.x1 - s.x0)
  const dy = Math.abs(s.y1 - s.y0)
  if (dy <= 0.5 && dx >= MIN_LENGTH) return { orient: 'h', at: (s.y0 + s.y1) / 2, from: Math.min(s.x0, s.x1), to: Math.max(s.x0, s.x1) }
  if (dx <= 0.5 && dy >= MIN_LENGTH) return { orient: 'v', at: (s.x0 + s.x1) / 2, from: Math.min(s.y0, s.y1), to: Math.max(s.y0, s.y1) }
  return null
}

/** Segments of one path: its straight sides, or the centre line of a thin filled rectangle. */
function pathSegments(data: ArrayLike<number>, ctm: Matrix, filled: boolean): RawSeg[] {
  const out: RawSeg[] = []
  const pts: Array<[number, number]> = []
  let start: [number, number] | null = null
  let cur: [number, number] | null = null
  let i = 0
  const subpaths: Array<Array<[number, number]>> = []
  while (i < data.length) {
    const op = data[i++]
    if (op === DRAW.moveTo) {
      if (pts.length > 1) subpaths.push(pts.splice(0))
      pts.length = 0
      cur = apply(ctm, data[i], data[i + 1])
      start = cur
      pts.push(cur)
      i += 2
    } else if (op === DRAW.lineTo) {
      cur = apply(ctm, data[i], data[i + 1])
      pts.push(cur)
      i += 2
    } else if (op === DRAW.curveTo) {
      cur = apply(ctm, data[i + 4], data[i + 5])
      pts.length = 0 // a curve makes the subpath useless as a rule
      i += 6
    } else if (op === DRAW.quadraticCurveTo) {
      cur = apply(ctm, data[i + 2], data[i + 3])
      pts.length = 0
      i += 4
    } else if (op === DRAW.closePath) {
      if (start) pts.push(start)
      if (pts.length > 1) subpaths.push(pts.splice(0))
      pts.length = 0
    } else {
      break // unknown code: the encoding changed; stop rather than misread
    }
  }
  if (pts.length > 1) subpaths.push(pts.splice(0))
  for (const sp of subpaths) {
    if (filled) {
      const xs = sp.map((p) => p[0])
      const ys = sp.map((p) => p[1])
      const x0 = Math.min(...xs)
      const x1 = Math.max(...xs)
      const y0 = Math.min(...ys)
      const y1 = Math.max(...ys)
      const w = x1 - x0
      const h = y1 - y0
      if (h <= THIN && w >= MIN_LENGTH) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 })
      else if (w <= THIN && h >= MIN_LENGTH) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 })
      else if (w > THIN && h > THIN && sp.length >= 4) {
        // A filled box (cell shading) contributes its edges.
        out.push({ x0, y0, x1, y1: y0 }, { x0, y0: y1, x1, y1 }, { x0, y0, x1: x0, y1 }, { x0: x1, y0, x1, y1 })
      }
    } else {
      for (let k = 1; k < sp.length; k++) out.push({ x0: sp[k - 1][0], y0: sp[k - 1][1], x1: sp[k][0], y1: sp[k][1] })
    }
  }
  return out
}

/** Snaps positions within `tol` and joins collinear pieces whose gap is within `tol`. */
export function mergeSegments(segs: Segment[], tol = 1.5): Segment[] {
  const out: Segment[] = []
  for (const orient of ['h', 'v'] as const) {
    const list = segs.filter((s) => s.orient === orient).sort((a, b) => a.at - b.at || a.from - b.from)
    // Snap: group by position.
    const groups: Segment[][] = []
    for (const s of list) {
      const g = groups.at(-1)
      if (g && Math.abs(s.at - g[0].at) <= tol) g.push(s)
      else groups.push([s])
    }
    for (const g of groups) {
      const at = g.reduce((sum, s) => sum + s.at, 0) / g.length
      g.sort((a, b) => a.from - b.from)
      let cur: Segment | null = null
      for (const s of g) {
        if (cur && s.from <= cur.to + tol) cur.to = Math.max(cur.to, s.to)
        else {
          if (cur) out.push(cur)
          cur = { orient, at, from: s.from, to: s.to }
        }
      }
      if (cur) out.push(cur)
    }
  }
  return out
}

/** What a page draws, as far as reading its text and tables needs it. */
export interface PageGraphics {
  /** Ruling lines, merged, laid out as the page is read. Empty for pages without drawn tables. */
  rulings: Segment[]
  /**
   * The page is a scan with an OCR text layer: it paints a picture over at least half of the
   * page, and its text is drawn invisible (text render mode 3 or 7) on top, as OCR programs
   * (Acrobat, ABBYY, ocrmypdf/Tesseract) make a scan searchable. Its text is a recognition
   * result, not the office's own text.
   */
  ocrLayer: boolean
  /** Pictures large enough to hold a table (logos and seals are smaller), by their pixel size. */
  pictures: number
}

const INVISIBLE_MODES = new Set([3, 7])

/**
 * The graphics of a page from its operator list (pdfjs caches it per page), laid out as the page
 * is read (`space`: user space to reading space, see page-space.ts; null for PDF user space).
 */
export async function pageGraphics(page: PDFPageProxy, space: Matrix | null = null): Promise<PageGraphics> {
  const { OPS } = await loadPdfjs()
  const ops = await page.getOperatorList()
  let ctm: Matrix = space ?? IDENTITY
  let renderMode = 0
  // The graphics state kept by save (q) and form XObjects: the matrix and the text render mode.
  const stack: Array<[Matrix, number]> = []
  const segs: Segment[] = []
  const [vx0, vy0, vx1, vy1] = page.view
  const pageArea = Math.abs((vx1 - vx0) * (vy1 - vy0))
  let pictureArea = 0
  let pictures = 0
  let visibleGlyphs = 0
  let invisibleGlyphs = 0
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]
    const args = ops.argsArray[i] as unknown[]
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) {
      stack.push([ctm, renderMode])
      // A form XObject draws in its own space: [matrix, bbox]; its end restores the state.
      const m = fn === OPS.paintFormXObjectBegin ? (args[0] as Matrix | null) : null
      if (m) ctm = multiply(ctm, m)
    } else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) [ctm, renderMode] = stack.pop() ?? [ctm, renderMode]
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix)
    else if (fn === OPS.setTextRenderingMode) renderMode = args[0] as number
    else if (fn === OPS.showText || fn === OPS.showSpacedText || fn === OPS.nextLineShowText || fn === OPS.nextLineSetSpacingShowText) {
      const glyphs = args.find(Array.isArray) as unknown[] | undefined
      const n = glyphs ? glyphs.filter((g) => typeof g !== 'number').length : 0
      if (INVISIBLE_MODES.has(renderMode)) invisibleGlyphs += n
      else visibleGlyphs += n
    } else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
      // An image fills the unit square of the current matrix.
      pictureArea = Math.max(pictureArea, Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]))
      // paintImageXObject: [id, width, height]; paintInlineImageXObject: [{ width, height, … }].
      const [w, h] = (fn === OPS.paintImageXObject ? [args[1], args[2]] : [(args[0] as { width?: number })?.width, (args[0] as { height?: number })?.height]).map(Number)
      if (!(w > 0 && h > 0) || (w >= 300 && h >= 150)) pictures++
    } else if (fn === OPS.constructPath) {
      const paint = args[0] as number
      const data = (args[1] as Array<ArrayLike<number> | null>)?.[0]
      if (!data || paint === OPS.endPath) continue // clipping paths draw nothing
      const filled = paint === OPS.fill || paint === OPS.eoFill
      const stroked =
        paint === OPS.stroke ||
        paint === OPS.closeStroke ||
        paint === OPS.fillStroke ||
        paint === OPS.eoFillStroke ||
        paint === OPS.closeFillStroke ||
        paint === OPS.closeEOFillStroke
      if (!filled && !stroked) continue
      for (const r of pathSegments(data, ctm, filled && !stroked)) {
        const s = toSegment(r)
        if (s) segs.push(s)
      }
    }
  }
  const ocrLayer = pictureArea >= 0.5 * pageArea && invisibleGlyphs > 0 && invisibleGlyphs >= 4 * visibleGlyphs
  return { rulings: mergeSegments(segs), ocrLayer, pictures }
}
