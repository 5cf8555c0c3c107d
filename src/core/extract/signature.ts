/**
 * A content signature (MinHash over character shingles) to recognise the same report in
 * several files: the web page saved as TXT, the office PDF, a browser print. Two reports'
 * signatures agree on about the same share of positions as their texts share shingles.
 */
import { matchForm } from '../text/normalize'

const SIZE = 64
const SHINGLE = 5

/** Deterministic hash-function parameters (a fixed LCG; no randomness between runs). */
const PARAMS: Uint32Array = (() => {
  const out = new Uint32Array(SIZE * 2)
  let s = 0x9e3779b9
  for (let i = 0; i < out.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    out[i] = i % 2 === 0 ? s | 1 : s
  }
  return out
})()

function fnv1a(s: string, from: number, to: number): number {
  let h = 0x811c9dc5
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A cheap 32-bit mixer per hash function: odd multiplier, offset, then xor-shift. */
function mix(x: number, a: number, b: number): number {
  let h = (Math.imul(x, a) + b) >>> 0
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  return h >>> 0
}

export function contentSignature(text: string): Uint32Array {
  const t = matchForm(text)
  const sig = new Uint32Array(SIZE).fill(0xffffffff)
  if (t.length < SHINGLE) return sig
  const seen = new Set<number>()
  for (let i = 0; i + SHINGLE <= t.length; i++) seen.add(fnv1a(t, i, i + SHINGLE))
  for (const h of seen) {
    for (let k = 0; k < SIZE; k++) {
      const v = mix(h, PARAMS[2 * k], PARAMS[2 * k + 1])
      if (v < sig[k]) sig[k] = v
    }
  }
  return sig
}

/** Estimated Jaccard similarity of the two texts' shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}

/** The text a signature is computed from: the report's narrative, or the whole document. */
export function signatureText(report: { sections: Array<{ text: string }> }, docText: string): string {
  return report.sections.length ? report.sections.map((s) => s.text).join('\n') : docText
}
