/**
 * Mutation test (issue 3): change single table cells at random (seeded) in the extracted
 * models of the seeds; every change that breaks an arithmetic identity must be reported by
 * the matching T3/T4 rule, naming the changed cell. The identities are computed here
 * independently of the rules.
 */
import { describe, expect, it } from 'vitest'
import { T3_COLUMNS, T3_OUTCOME_ROWS, T4_COLUMNS, T4_GROUPS, t3Rows, type Template } from '../../src/core/model/keys'
import type { ExtractedReport } from '../../src/core/model/report'
import { buildContext, runRules } from '../../src/core/rules/engine'
import { impliedValues } from '../../src/core/rules/implied'
import { seedReport, setCell, viewOf } from '../helpers/rules'

interface Identity {
  rule: string
  left: string[]
  right: string[]
}

function identities(tpl: Template): Identity[] {
  const out: Identity[] = []
  for (const c of T3_COLUMNS) {
    out.push({ rule: 'T3-01', left: [`t3.new.${c}`, `t3.carried.${c}`], right: [`t3.total.${c}`, `t3.carry_next.${c}`] })
    out.push({ rule: 'T3-03', left: T3_OUTCOME_ROWS[tpl].map((r) => `t3.${r}.${c}`), right: [`t3.total.${c}`] })
  }
  for (const r of t3Rows(tpl)) {
    out.push({ rule: 'T3-02', left: T3_COLUMNS.filter((c) => c !== 'total').map((c) => `t3.${r}.${c}`), right: [`t3.${r}.total`] })
  }
  for (const g of T4_GROUPS) {
    out.push({ rule: `T4-0${T4_GROUPS.indexOf(g) + 1}`, left: T4_COLUMNS.filter((c) => c !== 'total').map((c) => `t4.${g}.${c}`), right: [`t4.${g}.total`] })
  }
  return out
}

/** Holds (true/false), or null when an operand is blank and it cannot be evaluated. */
function holds(r: ExtractedReport, id: Identity): boolean | null {
  const v = (k: string) => r.cells[k]?.value ?? null
  const all = [...id.left, ...id.right].map(v)
  if (all.some((x) => x === null)) return null
  const sum = (ks: string[]) => ks.reduce((s, k) => s + v(k)!, 0)
  return sum(id.left) === sum(id.right)
}

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SEED_FILES = ['000', '001', '002', '003', '004'].flatMap((s) => [`${s}.txt`, `${s}.ruled.pdf`, `${s}.office.pdf`, `${s}.borderless.pdf`])
const PER_FILE = 40

describe('mutation test', () => {
  it(`detects every identity-breaking change among ${SEED_FILES.length * PER_FILE} single-cell mutations`, async () => {
    const rand = prng(20261123)
    let counted = 0
    const misses: string[] = []
    for (const file of SEED_FILES) {
      const base = await seedReport(file)
      const tpl = base.t3Template ?? base.template ?? '2021'
      const ids = identities(tpl)
      const keys = Object.keys(base.cells).filter((k) => (k.startsWith('t3.') || k.startsWith('t4.')) && base.cells[k].value !== null)
      for (let n = 0; n < PER_FILE; n++) {
        const key = keys[Math.floor(rand() * keys.length)]
        const old = base.cells[key].value!
        const delta = (1 + Math.floor(rand() * 5)) * (old > 5 && rand() < 0.5 ? -1 : 1)
        const mutated = structuredClone(base)
        setCell(mutated, key, old + delta)
        const broken = ids.filter((id) => [...id.left, ...id.right].includes(key) && holds(base, id) === true && holds(mutated, id) === false)
        if (broken.length === 0) continue
        counted++
        const findings = runRules(buildContext({ report: viewOf(mutated, file) }), (id) => /^T[34]-0[1-3]$/.test(id))
        for (const id of broken) {
          if (!findings.some((f) => f.rule === id.rule && f.cells.includes(key))) misses.push(`${file} ${key} ${old}→${old + delta}: ${id.rule} not reported`)
        }
      }
    }
    expect(misses).toEqual([])
    expect(counted).toBeGreaterThanOrEqual(500)
  })

  it('reports the computation and the difference', async () => {
    const r = await seedReport('001.txt')
    setCell(r, 't3.total.total', 120)
    const f = runRules(buildContext({ report: viewOf(r) }), (id) => id === 'T3-01').find((x) => x.identity === 'T3-01:total')!
    expect(f.message).toBe('表三“总计”列：第一项 121 + 第二项 0 = 121，第三项（七）总计 120 + 第四项 0 = 120，相差 1 件')
    expect(f.cells).toEqual(['t3.new.total', 't3.carried.total', 't3.total.total', 't3.carry_next.total'])
  })

  it('does not take a blank cell for 0: it says what could not be checked', async () => {
    const r = await seedReport('001.txt')
    setCell(r, 't3.open.commercial', null)
    const f = runRules(buildContext({ report: viewOf(r) }), (id) => id === 'T3-02')
    expect(f).toHaveLength(1)
    expect(f[0].severity).toBe('warning')
    expect(f[0].message).toMatch(/无法核对（空白不等于 0，未按 0 计算）.*（一）予以公开.*商业企业/)
    expect(f[0].cells).toEqual(['t3.open.commercial'])
  })

  it('gives the one blank cell of an identity the value the identity implies, with the computation', async () => {
    const r = await seedReport('001.txt')
    setCell(r, 't3.new.natural', null)
    const run = (id: string) => runRules(buildContext({ report: viewOf(r) }), (x) => x === id).map((f) => f.message)
    expect(run('T3-02')).toEqual([
      '表三行合计（总计 = 自然人 + 法人或其他组织各列）有 1 处因单元格为空或缺失无法核对（空白不等于 0，未按 0 计算）：“一、本年新收政府信息公开申请数量”行（表三“一、本年新收政府信息公开申请数量”行“自然人”列为空，按此关系推算为 116：总计 121 − 其他 5 = 116，其余为 0）'
    ])
    expect(run('T3-01')).toEqual([expect.stringContaining('“自然人”列（表三“一、本年新收政府信息公开申请数量”行“自然人”列为空，按此关系推算为 116：（七）总计 116 = 116，其余为 0）')])
    // What the review screen offers for the cell: both identities, the same value.
    expect(impliedValues(viewOf(r))['t3.new.natural'].map((i) => [i.identity, i.value])).toEqual([
      ['表三“第一项加第二项之和等于第三项加第四项之和”', 116],
      ['表三行合计（总计 = 自然人 + 法人或其他组织各列）', 116]
    ])
    // A total left blank is the sum of its items.
    setCell(r, 't3.new.natural', 116)
    setCell(r, 't4.review.total', null)
    expect(run('T4-01')).toEqual([expect.stringMatching(/总计（表四“行政复议·总计”为空，按此关系推算为 6：.* = 6(，其余为 0)?）$/)])
    // Two blank cells, or a value that would be negative, give no value.
    setCell(r, 't3.open.natural', null)
    setCell(r, 't3.open.other_org', null)
    expect(run('T3-02').join()).not.toContain('“（一）予以公开”行（表三“（一）予以公开”行“自然人”列、表三“（一）予以公开”行“其他”列为空，按此')
    setCell(r, 't3.open.natural', 83)
    setCell(r, 't3.open.total', 2)
    expect(run('T3-02').join()).toContain('“（一）予以公开”行（表三“（一）予以公开”行“其他”列为空）')
  })
})
