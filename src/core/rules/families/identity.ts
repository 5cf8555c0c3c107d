/**
 * Agency identity (G), cross-year and cross-report checks (X), publication deadlines (D).
 */
import { T3_COLUMN_LABELS, T3_COLUMNS, describeKey } from '../../model/keys'
import { matchForm } from '../../text/normalize'
import { AGENCY_TYPE_LABELS, isGovernment, type AgencyType } from '../agency'
import { diff, fmt, sourceOfCells } from '../helpers'
import { sourceInSentence } from '../narrative'
import type { Draft, ReportView, RuleContext, RuleDef } from '../types'

const val = (r: ReportView, k: string): number | null => r.cells[k]?.value ?? null
const who = (r: ReportView) => `${r.agency ?? '（未识别机关）'}${r.year ?? ''}年报告`

// ---- G -----------------------------------------------------------------------------------

/** Self-references that belong to another kind of body (data): a 街道 says 我街道, not 我局. */
const FOREIGN_SELF: Array<{ types: AgencyType[]; words: RegExp }> = [
  { types: ['subdistrict'], words: /我局|本局|我委|本委|我镇|本镇|我乡|本乡/ },
  { types: ['township'], words: /我局|本局|我委|本委|我街道|本街道/ },
  { types: ['department'], words: /我镇|本镇|我乡|本乡|我街道|本街道/ },
  { types: ['county', 'city', 'prefecture', 'province'], words: /我局|本局|我街道|本街道|我镇|本镇/ },
  { types: ['devzone'], words: /我街道|本街道|我镇|我乡/ }
]

function g02(ctx: RuleContext): Draft[] {
  const rule = FOREIGN_SELF.find((f) => f.types.includes(ctx.agencyType))
  if (!rule) return []
  const out: Draft[] = []
  const seen = new Set<string>()
  for (const s of ctx.facts.sentences) {
    const m = rule.words.exec(s.text)
    if (!m || seen.has(m[0])) continue
    seen.add(m[0])
    out.push({ key: m[0], source: sourceInSentence(ctx.report.sections, s, m.index, m[0].length), message: `${AGENCY_TYPE_LABELS[ctx.agencyType]}的报告中自称“${m[0]}”：“${s.text.slice(0, 40)}…”，疑似套用其他机关的文本` })
  }
  return out.slice(0, 3)
}

/** Content about another body, by the reporting body's type (data). */
const FOREIGN_CONTENT: Array<{ types: AgencyType[]; pattern: RegExp; why: string }> = [
  { types: ['subdistrict', 'township'], pattern: /(财政|公安|教育|卫健|民政|自然资源|住建)部门的机构职能/, why: '公开的是政府部门的机构职能' },
  { types: ['subdistrict'], pattern: /村干部|村级|各村/, why: '街道办事处的报告中出现“村”' },
  { types: ['department'], pattern: /我(镇|乡|街道)|全(镇|乡)/, why: '部门报告中以乡镇、街道自称' },
  { types: ['county', 'city', 'prefecture'], pattern: /我局|本局/, why: '人民政府报告中以“局”自称' }
]

function g03(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  for (const f of FOREIGN_CONTENT.filter((x) => x.types.includes(ctx.agencyType))) {
    const hit = ctx.facts.sentences.find((s) => f.pattern.test(s.text))
    if (hit) out.push({ key: f.why, source: hit.source, message: `正文涉及其他机关的内容（${f.why}）：“${hit.text.slice(0, 50)}…”，疑似套用模板` })
  }
  return out
}

// ---- X -----------------------------------------------------------------------------------

function x01(ctx: RuleContext): Draft[] {
  const prev = ctx.prev
  if (!prev || !ctx.report.t3Template || !prev.t3Template) return []
  const out: Draft[] = []
  for (const c of T3_COLUMNS) {
    const now = ctx.v(`t3.carried.${c}`)
    const before = val(prev, `t3.carry_next.${c}`)
    if (now === null || before === null || now === before) continue
    out.push({
      key: c,
      cells: [`t3.carried.${c}`],
      source: sourceOfCells(ctx, [`t3.carried.${c}`]),
      message: `表三“上年结转政府信息公开申请数量”（${T3_COLUMN_LABELS[c]}）为 ${now} 件，而${who(prev)}（${prev.file}）“结转下年度继续办理”为 ${before} 件，${diff(now, before)}`
    })
  }
  return out
}

function x02(ctx: RuleContext): Draft[] {
  const prev = ctx.prev
  if (!prev || ctx.report.t2Template !== '2021' || prev.t2Template !== '2021') return []
  const out: Draft[] = []
  for (const [r, name] of [
    ['regulations', '规章'],
    ['normative_docs', '行政规范性文件']
  ]) {
    const now = ctx.v(`t2.${r}.in_force`)
    const issued = ctx.v(`t2.${r}.issued`)
    const repealed = ctx.v(`t2.${r}.repealed`)
    const before = val(prev, `t2.${r}.in_force`)
    if ([now, issued, repealed, before].some((x) => x === null)) continue
    const expected = before! + issued! - repealed!
    if (now !== expected) {
      out.push({
        key: r,
        cells: [`t2.${r}.in_force`, `t2.${r}.issued`, `t2.${r}.repealed`],
        source: sourceOfCells(ctx, [`t2.${r}.in_force`]),
        message: `表二“${name}”现行有效 ${now} 件，而上年现行有效 ${before} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected} 件，${diff(now!, expected)}（可能因文件到期失效或清理，请核实）`
      })
    }
  }
  return out
}

function x03(ctx: RuleContext): Draft[] {
  const prev = ctx.prev
  if (!prev || ctx.report.t2Template !== '2019' || prev.t2Template !== '2019') return []
  const out: Draft[] = []
  for (const r of ['licensing', 'other_services', 'penalty', 'coercion', 'fees']) {
    const now = ctx.v(`t2.${r}.prev_items`)
    const before = val(prev, `t2.${r}.prev_items`)
    const change = val(prev, `t2.${r}.change`)
    if ([now, before, change].some((x) => x === null)) continue
    if (now !== before! + change!) {
      out.push({
        key: r,
        cells: [`t2.${r}.prev_items`],
        source: sourceOfCells(ctx, [`t2.${r}.prev_items`]),
        message: `${describeKey(`t2.${r}.prev_items`)}为 ${now}，而上年报告的上一年项目数量 ${before} 加本年增/减 ${change} 为 ${before! + change!}，${diff(now!, before! + change!, '项')}`
      })
    }
  }
  return out
}

function sentenceSet(r: ReportView): Set<string> {
  const out = new Set<string>()
  for (const s of r.sections) {
    for (const part of s.text.split(/[。；\n]/)) {
      const k = matchForm(part).replace(/\d{4}年?/g, '')
      if (k.length >= 12) out.add(k)
    }
  }
  return out
}

function x04(ctx: RuleContext): Draft[] {
  const prev = ctx.prev
  if (!prev) return []
  const a = sentenceSet(ctx.report)
  const b = sentenceSet(prev)
  if (a.size >= 5) {
    let same = 0
    for (const s of a) if (b.has(s)) same++
    const share = same / a.size
    if (share > 0.9) {
      return [{ key: 'text', message: `正文与${who(prev)}（${prev.file}）高度雷同：去掉年份后 ${Math.round(share * 100)}% 的句子完全相同，疑似照搬上年报告` }]
    }
  }
  const keys = Object.keys(ctx.report.cells).filter((k) => k.startsWith('t3.') || k.startsWith('t4.'))
  const nonzero = keys.some((k) => (ctx.v(k) ?? 0) !== 0)
  if (nonzero && keys.every((k) => ctx.v(k) === val(prev, k))) {
    return [{ key: 'tables', message: `表三、表四的全部数据与${who(prev)}（${prev.file}）完全相同，疑似照搬上年数据` }]
  }
  return []
}

function shingles(text: string): Set<string> {
  const t = matchForm(text)
  const out = new Set<string>()
  for (let i = 0; i + 4 <= t.length; i++) out.add(t.slice(i, i + 4))
  return out
}

function x06(ctx: RuleContext): Draft[] {
  const prev = ctx.prev
  const before = prev?.sections.find((s) => s.index === 5)
  const now = ctx.report.sections.find((s) => s.index === 5)
  if (!prev || !before || !now || before.text.length < 30) return []
  const a = shingles(before.text)
  const b = shingles(now.text)
  let common = 0
  for (const s of a) if (b.has(s)) common++
  if (common / Math.max(1, a.size) >= 0.05) return []
  return [{ key: 'followup', source: now.headingSource, message: `第五部分未见对上年报告（${prev.file}）所列问题的整改情况说明` }]
}

function x07(ctx: RuleContext): Draft[] {
  if (ctx.versions.length === 0) return []
  // This report's values, read once: a workspace may hold many versions of an agency-year.
  const own: Array<[string, number]> = []
  for (const [k, c] of Object.entries(ctx.report.cells)) if (c.value !== null) own.push([k, c.value])
  const out: Draft[] = []
  for (const other of ctx.versions) {
    const differing: string[] = []
    for (const [k, a] of own) {
      const b = val(other, k)
      if (b !== null && a !== b) differing.push(k)
    }
    if (differing.length === 0) continue
    out.push({
      key: `version:${other.id}`,
      cells: differing,
      source: sourceOfCells(ctx, differing),
      message: `同一机关同一年度还有另一份报告（${other.file}，第 ${other.version} 版），${differing.length} 个数据不同：${differing
        .slice(0, 6)
        .map((k) => `${describeKey(k)} 本件 ${fmt(ctx.v(k))}、另一份 ${fmt(val(other, k))}`)
        .join('；')}${differing.length > 6 ? ' 等' : ''}，请确认审查的是哪一个版本`
    })
  }
  return out
}

function x08(ctx: RuleContext): Draft[] {
  if (!isGovernment(ctx.agencyType) || ctx.members.length === 0) return []
  if (!ctx.facts.sentences.some((s) => /全(县|区|市|省)/.test(s.text))) return []
  const own = ctx.v('t3.new.total')
  if (own === null) return []
  const known = ctx.members.filter((m) => val(m, 't3.new.total') !== null)
  const sum = known.reduce((s, m) => s + val(m, 't3.new.total')!, 0)
  if (sum <= own) return []
  return [
    {
      key: 'aggregate',
      cells: ['t3.new.total'],
      source: sourceOfCells(ctx, ['t3.new.total']),
      message: `本报告以“全${/全(县|区|市|省)/.exec(ctx.facts.sentences.map((s) => s.text).join(''))![1]}”口径表述，本年新收申请 ${own} 件，少于工作区中 ${known.length} 份所属部门、乡镇报告之和 ${sum} 件`
    }
  ]
}

// ---- D -----------------------------------------------------------------------------------

function deadline(y: number, mmdd: string): string {
  return `${y + 1}-${mmdd}`
}

function d01(ctx: RuleContext): Draft[] {
  const { pubDate } = ctx.meta
  const y = ctx.report.year
  if (!pubDate || !y || ctx.agencyType !== 'department') return []
  const due = deadline(y, '01-31')
  return pubDate > due ? [{ key: 'late', message: `发布日期 ${pubDate} 晚于《条例》第四十九条规定的 ${due}（县级以上人民政府部门应于每年1月31日前公布上一年度报告）` }] : []
}

function d02(ctx: RuleContext): Draft[] {
  const { pubDate } = ctx.meta
  const y = ctx.report.year
  if (!pubDate || !y || !isGovernment(ctx.agencyType)) return []
  const due = deadline(y, '03-31')
  return pubDate > due ? [{ key: 'late', message: `发布日期 ${pubDate} 晚于《条例》第四十九条规定的 ${due}（县级以上地方人民政府年度报告应于每年3月31日前公布）` }] : []
}

function d03(ctx: RuleContext): Draft[] {
  const t = ctx.agencyType
  if (t !== 'township' && t !== 'subdistrict' && t !== 'devzone') return []
  const local = ctx.config.localDeadlines[t]
  const y = ctx.report.year
  if (!local || !ctx.meta.pubDate || !y) return []
  const due = deadline(y, local)
  return ctx.meta.pubDate > due ? [{ key: 'late', message: `发布日期 ${ctx.meta.pubDate} 晚于本地规定的${AGENCY_TYPE_LABELS[t]}年报期限 ${due}` }] : []
}

function d04(ctx: RuleContext): Draft[] {
  const y = ctx.report.year
  if (!ctx.meta.pubDate || !y) return []
  return ctx.meta.pubDate < `${y + 1}-01-01` ? [{ key: 'early', message: `发布日期 ${ctx.meta.pubDate} 早于统计期结束（${y} 年 12 月 31 日），数据不可能完整` }] : []
}

function d05(ctx: RuleContext): Draft[] {
  return ctx.meta.pubDate ? [] : [{ key: 'unknown', message: '未核实发布时间（请在审查中录入报告的发布日期，以核对《条例》第四十九条规定的期限）' }]
}

function d06(ctx: RuleContext): Draft[] {
  return ctx.meta.notFound ? [{ key: 'not_found', message: '在本机关政府信息公开专栏的年度报告栏目未找到该报告，或难以查找' }] : []
}

export const IDENTITY_RULES: RuleDef[] = [
  { id: 'G01', family: 'G', severity: null, title: '识别机关类型', basis: '机关名称' },
  { id: 'G02', family: 'G', severity: 'info', title: '自称与机关类型一致', basis: '内容真实，避免套用', check: g02 },
  { id: 'G03', family: 'G', severity: 'warning', title: '正文不含其他机关的内容', basis: '避免“内容雷同”', check: g03 },
  { id: 'G04', family: 'G', severity: null, title: '同一机关跨年度关联', basis: '名称别名（人民政府/政府；街道办事处/办事处/街道）' },
  { id: 'X01', family: 'X', severity: 'warning', title: '上年结转与上年报告“结转下年度继续办理”一致', basis: '表三勾稽关系的跨年延续', compares: true, check: x01 },
  { id: 'X02', family: 'X', severity: 'warning', title: '现行有效件数与上年衔接', basis: '表二（一）项各列的含义', compares: true, check: x02 },
  { id: 'X03', family: 'X', severity: 'warning', title: '2019 年格式项目数量与上年衔接', basis: '表二“上一年项目数量”“本年增/减”', compares: true, check: x03 },
  { id: 'X04', family: 'X', severity: 'warning', title: '与上年报告雷同', basis: '避免“内容雷同”', compares: true, check: x04 },
  { id: 'X05', family: 'X', severity: null, title: '新旧格式衔接（说明）', basis: '表三各列在两版格式中相同' },
  { id: 'X06', family: 'X', severity: 'info', title: '上年所列问题的跟进', basis: '《条例》第五十条第四项', compares: true, check: x06 },
  { id: 'X07', family: 'X', severity: 'warning', title: '同一年度多个版本数据不一致', basis: '年度报告发布后有变动', compares: true, check: x07 },
  { id: 'X08', family: 'X', severity: 'info', title: '汇总口径与所属单位报告一致', basis: '全区域口径', compares: true, check: x08 },
  { id: 'D01', family: 'D', severity: 'error', title: '部门报告于 1 月 31 日前公布', basis: '《条例》第四十九条第一款', check: d01 },
  { id: 'D02', family: 'D', severity: 'error', title: '人民政府报告于 3 月 31 日前公布', basis: '《条例》第四十九条第二款', check: d02 },
  { id: 'D03', family: 'D', severity: 'info', title: '乡镇、街道、开发区报告的本地期限', basis: '本地年报编制通知', check: d03 },
  { id: 'D04', family: 'D', severity: 'warning', title: '发布日期不早于统计期结束', basis: '统计期间为全年', check: d04 },
  { id: 'D05', family: 'D', severity: 'info', title: '发布时间未核实', basis: '《条例》第四十九条', check: d05 },
  { id: 'D06', family: 'D', severity: 'info', title: '报告可获取性', basis: '在本机关网站显著位置公布', check: d06 }
]
