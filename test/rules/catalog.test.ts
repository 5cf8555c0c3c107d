/**
 * The registry holds the whole catalogue of domain.md §3: 84 rules in 12 families, with the
 * catalogue's IDs and default severities.
 */
import { describe, expect, it } from 'vitest'
import { RULES } from '../../src/core/rules/registry'

const E = 'error'
const W = 'warning'
const I = 'info'
const CATALOGUE: Record<string, string | null> = {
  S01: E, S02: E, S03: W, S04: W, S05: W, S06: W, S07: W, S08: W, S09: I, S10: W, S11: E, S12: I, S13: I,
  V01: null, V02: E, V03: E, V04: I, V05: I, V06: I,
  L01: W, L02: E, L03: W, L04: E, L05: W, L06: W, L07: E, L08: W, L09: W,
  'T3-01': E, 'T3-02': E, 'T3-03': E, 'T3-04': E, 'T3-05': E, 'T3-06': I, 'T3-07': W, 'T3-08': I,
  'T4-01': E, 'T4-02': E, 'T4-03': E, 'T4-04': E, 'T4-05': I, 'T4-06': I,
  'T2-01': E, 'T2-02': W, 'T2-03': W, 'T2-04': W, 'T2-05': W, 'T2-06': W, 'T2-07': I,
  N01: E, N02: W, N03: E, N04: E, N05: I, N06: W, N07: W,
  Y01: E, Y02: E, Y03: W, Y04: W, Y05: I,
  G01: null, G02: I, G03: W, G04: null,
  X01: W, X02: W, X03: W, X04: W, X05: null, X06: I, X07: W, X08: I,
  D01: E, D02: E, D03: I, D04: W, D05: I, D06: I,
  F01: W, F02: I, F03: W, F04: I, F05: null
}

describe('rule registry', () => {
  it('has all 84 rules of the catalogue, each once, with its severity', () => {
    expect(Object.keys(CATALOGUE)).toHaveLength(84)
    expect(RULES.map((r) => r.id).sort()).toEqual(Object.keys(CATALOGUE).sort())
    for (const r of RULES) expect(r.severity, r.id).toBe(CATALOGUE[r.id])
  })

  it('gives every rule that can raise a finding a check, a title and a basis', () => {
    for (const r of RULES) {
      expect(r.title.length, r.id).toBeGreaterThan(3)
      expect(r.basis.length, r.id).toBeGreaterThan(1)
      expect(!!r.check, r.id).toBe(r.severity !== null)
    }
    expect(RULES.filter((r) => r.check)).toHaveLength(79)
  })
})
