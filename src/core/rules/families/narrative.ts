/**
 * Text against tables (N), years (Y) and the 信息处理费 statement (F).
 */
import { arabicYears, matchForm } from '../../text/normalize'
import { fmt, sourceOfCells } from '../helpers'
import { yearsIn, type Fact } from '../narrative'
import type { Draft, RuleContext, RuleDef } from '../types'

const idOf = (f: { sentence: { text: string } }) => matchForm(f.sentence.text).slice(0, 24)
const quote = (text: string, max = 60) => (text.length > max ? text.slice(0, max) + '…' : text)

interface Comparison {
  kind: Fact['kind']
  name: string
  keys: string[]
  /** What the table says, or null when a cell is blank. */
  value: (ctx: RuleContext) => number | null
}

function tableSum(keys: string[]) {
  return (ctx: RuleContext) => {
    const vals = keys.map((k) => ctx.v(k))
    return vals.some((v) => v === null) ? null : vals.reduce((a, b) => a! + b!, 0)
  }
}

function compare(ctx: RuleContext, c: Comparison, severity: 'error' | 'warning'): Draft[] {
  const out: Draft[] = []
  for (const f of ctx.facts.facts.filter((x) => x.kind === c.kind && !x.partial)) {
    const table = c.value(ctx)
    if (table === null) continue // L08/L07 report the blank cells
    if (f.value === table) continue
    const approx = f.approx
    let note = ''
    let sev: Draft['severity'] = approx ? 'info' : severity
    if (c.kind === 'applications') {
      const carried = ctx.v('t3.carried.total')
      if (carried !== null && f.value === table + carried) {
        note = `（与本年新收加上年结转之和 ${table + carried} 件一致，正文口径可能包含上年结转）`
        sev = 'info'
      }
    }
    out.push({
      key: `${c.kind}:${idOf(f)}`,
      cells: c.keys,
      severity: sev,
      source: f.sentence.source,
      message: `正文称“${quote(f.sentence.text)}”（${f.quote}），${c.name}为 ${fmt(table)} 件，相差 ${fmt(Math.abs(f.value - table))} 件${approx ? '（正文为约数）' : ''}${note}`
    })
  }
  return out
}

const APPLICATIONS: Comparison = { kind: 'applications', name: '表三“本年新收政府信息公开申请数量”总计', keys: ['t3.new.total'], value: tableSum(['t3.new.total']) }
const REVIEW: Comparison = { kind: 'review', name: '表四“行政复议”总计', keys: ['t4.review.total'], value: tableSum(['t4.review.total']) }
const SUIT: Comparison = {
  kind: 'suit',
  name: '表四“行政诉讼”（未经复议直接起诉与复议后起诉）总计',
  keys: ['t4.suit_direct.total', 't4.suit_after_review.total'],
  value: tableSum(['t4.suit_direct.total', 't4.suit_after_review.total'])
}

function n01(ctx: RuleContext): Draft[] {
  return compare(ctx, APPLICATIONS, 'error')
}

function n02(ctx: RuleContext): Draft[] {
  const list: Comparison[] = [
    { kind: 'carried', name: '表三“上年结转政府信息公开申请数量”总计', keys: ['t3.carried.total'], value: tableSum(['t3.carried.total']) },
    { kind: 'carry_next', name: '表三“结转下年度继续办理”总计', keys: ['t3.carry_next.total'], value: tableSum(['t3.carry_next.total']) },
    { kind: 'opened', name: '表三“予以公开”总计', keys: ['t3.open.total'], value: tableSum(['t3.open.total']) },
    { kind: 'answered', name: '表三“（七）总计”', keys: ['t3.total.total'], value: tableSum(['t3.total.total']) }
  ]
  return list.flatMap((c) => compare(ctx, c, 'warning'))
}

function n03(ctx: RuleContext): Draft[] {
  return [...compare(ctx, REVIEW, 'error'), ...compare(ctx, SUIT, 'error')]
}

/** N04: the text says there were none while the table has some. */
function n04(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  const checks: Array<[Fact['kind'] & ('applications' | 'review' | 'suit'), Comparison]> = [
    ['applications', APPLICATIONS],
    ['review', REVIEW],
    ['suit', SUIT]
  ]
  for (const [kind, c] of checks) {
    const table = c.value(ctx)
    if (table === null || table === 0) continue
    for (const n of ctx.facts.negations.filter((x) => x.kind === kind)) {
      out.push({
        key: `${kind}:${idOf(n)}`,
        cells: c.keys,
        source: n.sentence.source,
        message: `正文称“${quote(n.sentence.text)}”，而${c.name}为 ${fmt(table)} 件，文字与表格矛盾`
      })
    }
  }
  return out
}

/** N05: a number for part of the year only. */
function n05(ctx: RuleContext): Draft[] {
  return ctx.facts.facts
    .filter((f) => f.partial)
    .map((f) => ({
      key: `${f.kind}:${idOf(f)}`,
      source: f.sentence.source,
      message: `正文只给出部分期间的数字：“${quote(f.sentence.text)}”，表格为全年数据，请核实全年情况是否已如实说明`
    }))
}

/** N06: documents issued, as stated, against table 2. */
function n06(ctx: RuleContext): Draft[] {
  const tpl = ctx.report.t2Template ?? ctx.report.template
  const col = tpl === '2019' ? 'made' : 'issued'
  return [
    ...compare(ctx, { kind: 'norm_docs', name: `表二“${tpl === '2019' ? '规范性文件' : '行政规范性文件'}”${tpl === '2019' ? '本年新制作数量' : '本年制发件数'}`, keys: [`t2.normative_docs.${col}`], value: tableSum([`t2.normative_docs.${col}`]) }, 'warning'),
    ...compare(ctx, { kind: 'regulations', name: `表二“规章”${tpl === '2019' ? '本年新制作数量' : '本年制发件数'}`, keys: [`t2.regulations.${col}`], value: tableSum([`t2.regulations.${col}`]) }, 'warning')
  ]
}

/** N07: fee statements that contradict each other. */
function n07(ctx: RuleContext): Draft[] {
  const none = ctx.facts.fees.find((f) => f.none)
  const charged = ctx.facts.fees.find((f) => !f.none && f.amounts.some((a) => a.value > 0))
  if (!none || !charged) return []
  return [
    {
      key: 'conflict',
      source: charged.sentence.source,
      message: `关于信息处理费的说法前后不一：“${quote(none.sentence.text, 40)}”与“${quote(charged.sentence.text, 40)}”`
    }
  ]
}

// ---- years -------------------------------------------------------------------------------

function y01(ctx: RuleContext): Draft[] {
  const t = ctx.report.title
  if (!t) return [] // S10 reports a missing title
  // 二〇二三年 is a year too (S10 asks for Arabic numerals).
  const years = [...arabicYears(t.normalize('NFKC')).matchAll(/\d{4}/g)].map((m) => m[0])
  if (years.length === 1) return []
  return [{ key: 'title', source: ctx.report.titleSource, message: years.length === 0 ? `标题“${t}”没有写明年份` : `标题“${t}”含有多个年份（${years.join('、')}）` }]
}

const STAT_PERIOD = /统计(期限|时限|时段|区间|周期|时间)/

function y02(ctx: RuleContext): Draft[] {
  const y = ctx.report.year
  if (!y) return []
  return ctx.facts.sentences
    .filter((s) => STAT_PERIOD.test(s.text) && /\d{4}\s*年/.test(s.text))
    .filter((s) => yearsIn(s.text).some((x) => x !== y))
    .map((s) => ({ key: idOf({ sentence: s }), source: s.source, message: `统计期限“${quote(s.text)}”与报告年度 ${y} 年不符` }))
}

const PLAN = /下一步|今年|明年|计划|将/

/** Y03: the body opens with a year other than the report's. */
function y03(ctx: RuleContext): Draft[] {
  const y = ctx.report.year
  if (!y) return []
  const opening = ctx.facts.sentences.filter((s) => s.section === 1).slice(0, 3)
  for (const s of opening) {
    const years = yearsIn(s.text)
    if (years.length === 0) continue
    const first = years[0]
    if (first === y || (first === y + 1 && PLAN.test(s.text))) return []
    return [{ key: 'opening', source: s.source, message: `第一部分开头写的是 ${first} 年：“${quote(s.text, 40)}”，而报告年度为 ${y} 年` }]
  }
  return []
}

function y04(ctx: RuleContext): Draft[] {
  const y = ctx.report.year
  if (!y) return []
  return ctx.facts.fees
    .filter((f) => f.sentence.section === 6)
    .filter((f) => yearsIn(f.sentence.text).some((x) => x !== y))
    .map((f) => ({ key: idOf(f), source: f.sentence.source, message: `第六部分信息处理费说明写的年份（${yearsIn(f.sentence.text).join('、')}）与报告年度 ${y} 年不符：“${quote(f.sentence.text, 40)}”` }))
}

function y05(ctx: RuleContext): Draft[] {
  const y = ctx.report.year
  if (!y) return []
  return ctx.facts.sentences
    .filter((s) => /本年度|本年(?!度)/.test(s.text))
    .filter((s) => yearsIn(s.text).some((x) => x !== y && x !== y + 1))
    .map((s) => ({ key: idOf({ sentence: s }), source: s.source, message: `“本年度”与其他年份混用：“${quote(s.text, 50)}”（报告年度为 ${y} 年）` }))
}

// ---- fees --------------------------------------------------------------------------------

function f01(ctx: RuleContext): Draft[] {
  if ((ctx.report.year ?? 0) < 2021) return []
  if (ctx.facts.fees.some((f) => f.sentence.section === 6)) return []
  const elsewhere = ctx.facts.fees[0]
  return [
    {
      key: 'statement',
      source: ctx.report.sections.find((s) => s.index === 6)?.headingSource ?? null,
      message:
        `第六部分没有说明信息处理费的收取情况（${ctx.report.year} 年度报告应依《政府信息公开信息处理费管理办法》报告）` +
        (elsewhere ? `；正文第${'一二三四五六'[elsewhere.sentence.section - 1]}部分提到“${quote(elsewhere.sentence.text, 30)}”，应在第六部分报告` : '')
    }
  ]
}

function f02(ctx: RuleContext): Draft[] {
  return ctx.facts.fees
    .filter((f) => f.sentence.section === 6 && !f.none)
    .filter((f) => !(f.mentionsNotices && f.amounts.length && f.mentionsCollected))
    .slice(0, 1)
    .map((f) => ({ key: 'figures', source: f.sentence.source, message: `信息处理费说明未写全发出收费通知的件数、总金额和实际收取的总金额：“${quote(f.sentence.text)}”` }))
}

function f03(ctx: RuleContext): Draft[] {
  const n = ctx.v('t3.other_fee.total')
  if (!n || n <= 0) return []
  const none = ctx.facts.fees.find((f) => f.sentence.section === 6 && f.none)
  if (!none) return []
  return [
    {
      key: 'other_fee',
      cells: ['t3.other_fee.total'],
      source: none.sentence.source,
      message: `表三“申请人逾期未按收费通知要求缴纳费用”为 ${n} 件（说明发出过收费通知），但第六部分称“${quote(none.sentence.text, 40)}”`
    }
  ]
}

function f04(ctx: RuleContext): Draft[] {
  return ctx.facts.fees.flatMap((f) =>
    f.amounts
      .filter((a) => a.unit === null && a.value > 0)
      .map((a) => ({ key: `${idOf(f)}:${a.quote}`, source: f.sentence.source, message: `信息处理费金额“${a.quote}”未写明单位（元或万元）：“${quote(f.sentence.text, 40)}”` }))
  )
}

export const NARRATIVE_RULES: RuleDef[] = [
  { id: 'N01', family: 'N', severity: 'error', title: '正文所述申请数与表三一致', basis: '数据精确；正文与表格相互印证', check: n01 },
  { id: 'N02', family: 'N', severity: 'warning', title: '正文所述结转、公开、答复数与表三一致', basis: '数据精确', check: n02 },
  { id: 'N03', family: 'N', severity: 'error', title: '正文所述复议、诉讼数与表四一致', basis: '数据精确', check: n03 },
  { id: 'N04', family: 'N', severity: 'error', title: '正文“未发生”与表格矛盾', basis: '数据精确', check: n04 },
  { id: 'N05', family: 'N', severity: 'info', title: '正文只给出部分期间的数字', basis: '统计期间为全年', check: n05 },
  { id: 'N06', family: 'N', severity: 'warning', title: '正文所述文件数与表二一致', basis: '数据精确', check: n06 },
  { id: 'N07', family: 'N', severity: 'warning', title: '收费说明前后一致', basis: '数据精确', check: n07 },
  { id: 'Y01', family: 'Y', severity: 'error', title: '标题有且只有一个年份', basis: '年度报告名称', check: y01 },
  { id: 'Y02', family: 'Y', severity: 'error', title: '统计期限与报告年度一致', basis: 'DB51/T 2660—2019 第2.1条', check: y02 },
  { id: 'Y03', family: 'Y', severity: 'warning', title: '正文开头年份与报告年度一致', basis: '内容准确', check: y03 },
  { id: 'Y04', family: 'Y', severity: 'warning', title: '收费说明年份与报告年度一致', basis: '内容准确', check: y04 },
  { id: 'Y05', family: 'Y', severity: 'info', title: '“本年度”与其他年份混用', basis: '内容准确', check: y05 },
  { id: 'F01', family: 'F', severity: 'warning', title: '第六部分说明信息处理费收取情况', basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；2021 年格式第六部分', check: f01 },
  { id: 'F02', family: 'F', severity: 'info', title: '收费说明写明通知件数、金额与实收', basis: '2021 年格式第六部分', check: f02 },
  { id: 'F03', family: 'F', severity: 'warning', title: '收费说明与表三“逾期未缴费”一致', basis: '国办函〔2020〕109号', check: f03 },
  { id: 'F04', family: 'F', severity: 'info', title: '收费金额写明单位', basis: '内容准确', check: f04 },
  { id: 'F05', family: 'F', severity: null, title: '2020 年及以前的报告无需收费说明', basis: '国办函〔2020〕109号自 2021 年起适用' }
]
