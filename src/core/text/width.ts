/**
 * How wide characters are set, relative to a Latin glyph: CJK and full-width forms take two.
 * Used to place characters within a run whose only width is the whole run's.
 */

/** Full-width ranges (CJK, Hangul, full-width forms): such glyphs are twice as wide as Latin ones. */
const WIDE_RANGES: Array<[number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6]
]

/** What `\s` matches, by code point (this runs once per glyph of every page). */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff
  )
}

/** Relative advance of a character: a space (even U+3000) counts as a Latin glyph. */
export function advance(c: number): number {
  if (c < 0x1100 || isSpace(c)) return 1
  for (const [lo, hi] of WIDE_RANGES) if (c >= lo && c <= hi) return 2
  return 1
}

/** The width of a text in Latin glyph widths. */
export function textAdvance(text: string): number {
  let total = 0
  for (const ch of text) total += advance(ch.codePointAt(0)!)
  return total
}
