/**
 * Reading table values. A value cell holds a number, a placeholder meaning "nothing entered"
 * (-, /, 无 …: blank is not 0), or something unreadable.
 */

export type ValueToken =
  | { kind: 'number'; value: number; decimals: number }
  | { kind: 'placeholder' }

const PLACEHOLDERS = new Set(['/', '\\', '无', '空', '暂无', '×', 'x', 'X', '／', '*'])

/** A dash or a run of them (-, --, —, ——, ―― …; fonts print —— as one glyph, ⸺): the usual "not applicable" mark. */
const DASHES = /^[-−–—―－⸺⸻]{1,4}$/

/**
 * A count unit some offices print after each number (26件); 万元 is the fee column's own unit.
 * 元 alone is not taken: in a column counted in 万元 it would give a wrong amount.
 */
const UNIT = /(?:件|个|项|条|次|万元)$/

/** Digits with optional sign, thousands separators and decimals, after width folding. */
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/

/**
 * Parses one value token as printed in a table cell: `6,855`, `3,755.52`, `-213`, `－5`, `２０`.
 * Returns null when the token is not a value (a label fragment, for instance).
 */
export function parseValueToken(text: string): ValueToken | null {
  const folded = text.normalize('NFKC').replace(/\s+/g, '')
  if (!folded) return null
  if (PLACEHOLDERS.has(folded) || DASHES.test(folded)) return { kind: 'placeholder' }
  const t = folded.replace(/^[−–—]/, '-').replace(/，/g, ',').replace(UNIT, '')
  const m = NUMBER.exec(t)
  if (!m) return null
  const digits = m[2].replace(/,/g, '')
  const frac = m[3] ?? ''
  const value = Number(`${m[1] === '-' ? '-' : ''}${digits}${frac ? '.' + frac : ''}`)
  if (!Number.isFinite(value)) return null
  // -0 would print as "0" but compare oddly; a signed zero carries no information.
  return { kind: 'number', value: value === 0 ? 0 : value, decimals: frac.length }
}

export function isValueToken(text: string): boolean {
  return parseValueToken(text) !== null
}
