/**
 * A content signature (MinHash over character shingles) to recognise the same report in
 * several files: the web page saved as TXT, the office PDF, a browser print. Two reports'
 * signatures agree on about the same share of positions as their texts share shingles.
 */
import { matchForm } from '../text/normalize'

const SIZE = 64
const SHINGLE = 5
const PRIME = 4294967311 // > 2^32

/** Deterministic hash-function parameters (a fixed LCG; no randomness between runs). */
const PARAMS: Array<[number, number]> = (() => {
  const out: Array<[number, number]> = []
  let s = 0x9e3779b9
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s
  }
  for (let i = 0; i < SIZE; i++) out.push([(next() | 1) >>> 0, next()])
  return out
})()

function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** (a·x + b) mod p without losing precision: split a into 16-bit halves. */
function permute(x: number, a: number, b: number): number {
  const hi = Math.floor(a / 65536)
  const lo = a % 65536
  const t = ((hi * x) % PRIME) * 65536 + lo * x + b
  return t % PRIME
}

export function contentSignature(text: string): Uint32Array {
  const t = matchForm(text)
  const sig = new Uint32Array(SIZE).fill(0xffffffff)
  if (t.length < SHINGLE) return sig
  const seen = new Set<number>()
  for (let i = 0; i + SHINGLE <= t.length; i++) seen.add(fnv1a(t.slice(i, i + SHINGLE)))
  for (const h of seen) {
    for (let k = 0; k < SIZE; k++) {
      const v = permute(h, PARAMS[k][0], PARAMS[k][1]) % 0x100000000
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
