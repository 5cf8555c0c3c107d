/**
 * Table arithmetic and plausibility: T3 (依申请公开), T4 (复议、诉讼), T2 (主动公开).
 * A blank cell is never taken as 0: an identity with a blank operand is reported as
 * "could not check", with the blank cells named.
 */
import {
  T2_LAYOUTS,
  T3_COLUMN_LABELS,
  T3_COLUMNS,
  T3_OUTCOME_ROWS,
  T3_NOTE,
  T3_ROW_LABELS,
  T3_ROW_SHORT,
  T4_COLUMN_LABELS,
  T4_COLUMNS,
  T4_GROUP_LABELS,
  T4_GROUPS,
  t3Rows,
  type T3Column
} from '../../model/keys'
import { matchForm } from '../../text/normalize'
import { cannotCheck, describe, diff, fmt, solveForBlank, sourceOfCells, sumOf, type Blank } from '../helpers'
import type { Draft, RuleContext, RuleDef } from '../types'

const BASIS_T3 = `表三所列勾稽关系（${T3_NOTE}）`

const t3 = (row: string, col: string) => `t3.${row}.${col}`
const rowName = (row: string) => T3_ROW_LABELS[row]
const colName = (col: string) => T3_COLUMN_LABELS[col as T3Column]

function t3Template(ctx: RuleContext) {
  return ctx.report.t3Template ?? ctx.report.template
}

/** T3-01: for every column, 一 + 二 = 三(七)总计 + 四. */
function t3CrossFooting(ctx: RuleContext): Draft[] {
  if (!t3Template(ctx)) return []
  const out: Draft[] = []
  const blank: Blank[] = []
  for (const c of T3_COLUMNS) {
    const keys = [t3('new', c), t3('carried', c), t3('total', c), t3('carry_next', c)]
    const missing = keys.filter((k) => ctx.v(k) === null)
    if (missing.length) {
      const [a, b, t, n] = keys.map((key, i) => ({ key, label: ['第一项', '第二项', '（七）总计', '第四项'][i] }))
      blank.push({ name: `“${colName(c)}”列`, missing, solved: solveForBlank(ctx, [a, b], [t, n]) })
      continue
    }
    const [a, b, t, n] = keys.map((k) => ctx.v(k)!)
    if (a + b !== t + n) {
      out.push({
        key: c,
        cells: keys,
        source: sourceOfCells(ctx, [t3('total', c)]),
        message: `表三“${colName(c)}”列：第一项 ${a} + 第二项 ${b} = ${a + b}，第三项（七）总计 ${t} + 第四项 ${n} = ${t + n}，${diff(a + b, t + n)}`
      })
    }
  }
  return [...out, ...cannotCheck('表三“第一项加第二项之和等于第三项加第四项之和”', blank)]
}

/** T3-02: for every row, 总计 = 自然人 + the five 法人或其他组织 columns. */
function t3RowSums(ctx: RuleContext): Draft[] {
  const tpl = t3Template(ctx)
  if (!tpl) return []
  const out: Draft[] = []
  const blank: Blank[] = []
  const parts = T3_COLUMNS.filter((c) => c !== 'total')
  for (const r of t3Rows(tpl)) {
    const terms = parts.map((c) => ({ key: t3(r, c), label: colName(c) }))
    const s = sumOf(ctx, terms)
    const total = ctx.v(t3(r, 'total'))
    const missing = [...s.missing, ...(total === null ? [t3(r, 'total')] : [])]
    if (missing.length) {
      blank.push({ name: `“${rowName(r)}”行`, missing, solved: solveForBlank(ctx, terms, [{ key: t3(r, 'total'), label: '总计' }]) })
      continue
    }
    if (s.sum !== total) {
      out.push({
        key: r,
        cells: [...terms.map((t) => t.key), t3(r, 'total')],
        source: sourceOfCells(ctx, [t3(r, 'total')]),
        message: `表三“${rowName(r)}”行：${s.text} = ${s.sum}，而“总计”列为 ${total}，${diff(s.sum, total!)}`
      })
    }
  }
  return [...out, ...cannotCheck('表三行合计（总计 = 自然人 + 法人或其他组织各列）', blank)]
}

/** T3-03: for every column, （七）总计 = the sum of all outcome items. */
function t3OutcomeSums(ctx: RuleContext): Draft[] {
  const tpl = t3Template(ctx)
  if (!tpl) return []
  const out: Draft[] = []
  const blank: Blank[] = []
  const items = T3_OUTCOME_ROWS[tpl]
  for (const c of T3_COLUMNS) {
    const terms = items.map((r) => ({ key: t3(r, c), label: T3_ROW_SHORT[r] }))
    const s = sumOf(ctx, terms, true)
    const total = ctx.v(t3('total', c))
    const missing = [...s.missing, ...(total === null ? [t3('total', c)] : [])]
    if (missing.length) {
      blank.push({ name: `“${colName(c)}”列`, missing, solved: solveForBlank(ctx, terms, [{ key: t3('total', c), label: '（七）总计' }]) })
      continue
    }
    if (s.sum !== total) {
      out.push({
        key: c,
        cells: [...terms.map((t) => t.key), t3('total', c)],
        source: sourceOfCells(ctx, [t3('total', c)]),
        message: `表三“${colName(c)}”列：各项办理结果之和 ${s.text} = ${s.sum}，而（七）总计为 ${total}，${diff(s.sum, total!)}`
      })
    }
  }
  return [...out, ...cannotCheck('表三办理结果合计（（七）总计 = 各项办理结果之和）', blank)]
}

/** T3-04: group subtotal rows, only when the report prints them. */
const T3_GROUPS: Record<string, { label: string; rows: string[] }> = {
  sub_deny: { label: '（三）不予公开', rows: T3_OUTCOME_ROWS['2021'].filter((r) => r.startsWith('deny_')) },
  sub_unable: { label: '（四）无法提供', rows: T3_OUTCOME_ROWS['2021'].filter((r) => r.startsWith('unable_')) },
  sub_reject: { label: '（五）不予处理', rows: T3_OUTCOME_ROWS['2021'].filter((r) => r.startsWith('reject_')) },
  sub_other: { label: '（六）其他处理', rows: ['other_overdue', 'other_fee', 'other_other'] }
}

function t3GroupSubtotals(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  for (const [group, def] of Object.entries(T3_GROUPS)) {
    for (const c of T3_COLUMNS) {
      const sub = ctx.v(t3(group, c))
      if (sub === null) continue
      const s = sumOf(ctx, def.rows.map((r) => ({ key: t3(r, c), label: T3_ROW_SHORT[r] })), true)
      if (s.missing.length === 0 && s.sum !== sub) {
        out.push({
          key: `${group}.${c}`,
          cells: [t3(group, c), ...def.rows.map((r) => t3(r, c))],
          source: sourceOfCells(ctx, [t3(group, c)]),
          message: `表三“${def.label}”小计（“${colName(c)}”列）为 ${sub}，其下各项之和 ${s.text} = ${s.sum}，${diff(s.sum, sub)}`
        })
      }
    }
  }
  return out
}

/** T3-05 / T4-04: every cell a non-negative integer. */
function nonNegativeIntegers(prefix: 't3' | 't4', tableName: string) {
  return (ctx: RuleContext): Draft[] => {
    const bad = Object.values(ctx.report.cells).filter(
      (c) => c.key.startsWith(prefix + '.') && c.value !== null && (c.value < 0 || !Number.isInteger(c.value))
    )
    return bad.map((c) => ({
      key: c.key,
      cells: [c.key],
      source: c.source,
      message: `${describe(c.key)}为 ${c.raw || fmt(c.value)}：${tableName}的件数应为非负整数`
    }))
  }
}

/** T3-06: backlog indicators. */
function t3Backlog(ctx: RuleContext): Draft[] {
  const next = ctx.v(t3('carry_next', 'total'))
  const inflow = [ctx.v(t3('new', 'total')), ctx.v(t3('carried', 'total'))]
  if (next === null || inflow.some((x) => x === null)) return []
  const all = inflow[0]! + inflow[1]!
  const cells = [t3('carry_next', 'total'), t3('new', 'total'), t3('carried', 'total')]
  if (next > all) {
    return [{ key: 'exceeds', cells, source: sourceOfCells(ctx, cells), message: `结转下年度继续办理 ${next} 件，多于本年新收 ${inflow[0]} 件与上年结转 ${inflow[1]} 件之和 ${all} 件` }]
  }
  if (next > 0 && next > 0.5 * all) {
    return [
      {
        key: 'backlog',
        cells,
        source: sourceOfCells(ctx, cells),
        message: `结转下年度继续办理 ${next} 件，占本年新收与上年结转之和 ${all} 件的 ${Math.round((100 * next) / all)}%，积压较多，建议关注办理时限`
      }
    ]
  }
  return []
}

/** T3-07: applications ended for unpaid fees imply fee notices, which 六 should report. */
function t3FeeRowNeedsStatement(ctx: RuleContext): Draft[] {
  const n = ctx.v(t3('other_fee', 'total'))
  if (!n || n <= 0) return []
  const six = ctx.facts.fees.filter((f) => f.sentence.section === 6 && !f.none)
  if (six.length) return []
  return [
    {
      key: 'other_fee',
      cells: [t3('other_fee', 'total')],
      source: sourceOfCells(ctx, [t3('other_fee', 'total')]),
      message: `表三“申请人逾期未按收费通知要求缴纳费用”有 ${n} 件，说明发出过收费通知，但第六部分没有说明收费通知及信息处理费的情况`
    }
  ]
}

/** T3-08: risk indicators for the memo. */
function t3RiskIndicators(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  const total = ctx.v(t3('total', 'total'))
  const nohold = ctx.v(t3('unable_nohold', 'total'))
  if (total && nohold !== null && nohold / total > 0.5) {
    out.push({
      key: 'nohold',
      cells: [t3('unable_nohold', 'total'), t3('total', 'total')],
      source: sourceOfCells(ctx, [t3('unable_nohold', 'total')]),
      message: `“本机关不掌握相关政府信息”${nohold} 件，占办理结果 ${total} 件的 ${Math.round((100 * nohold) / total)}%，比例偏高，建议抽查答复是否告知了掌握信息的机关`
    })
  }
  const deny = T3_OUTCOME_ROWS['2021'].filter((r) => r.startsWith('deny_')).filter((r) => (ctx.v(t3(r, 'total')) ?? 0) > 0)
  if (deny.length && !ctx.facts.sentences.some((s) => /不予公开/.test(s.text))) {
    out.push({
      key: 'deny',
      cells: deny.map((r) => t3(r, 'total')),
      source: sourceOfCells(ctx, deny.map((r) => t3(r, 'total'))),
      message: `表三有不予公开的办理结果（${deny.map((r) => `${rowName(r)} ${ctx.v(t3(r, 'total'))} 件`).join('、')}），正文未说明不予公开的情况与理由`
    })
  }
  return out
}

// ---- table 4 -----------------------------------------------------------------------------

const t4 = (g: string, c: string) => `t4.${g}.${c}`

function t4Sum(group: (typeof T4_GROUPS)[number]) {
  return (ctx: RuleContext): Draft[] => {
    const parts = T4_COLUMNS.filter((c) => c !== 'total').map((c) => ({ key: t4(group, c), label: T4_COLUMN_LABELS[c] }))
    const s = sumOf(ctx, parts)
    const total = ctx.v(t4(group, 'total'))
    const missing = [...s.missing, ...(total === null ? [t4(group, 'total')] : [])]
    if (missing.length) return cannotCheck(`表四“${T4_GROUP_LABELS[group]}”合计`, [{ name: '总计', missing, solved: solveForBlank(ctx, parts, [{ key: t4(group, 'total'), label: '总计' }]) }])
    if (s.sum === total) return []
    return [
      {
        key: group,
        cells: [...parts.map((p) => p.key), t4(group, 'total')],
        source: sourceOfCells(ctx, [t4(group, 'total')]),
        message: `表四“${T4_GROUP_LABELS[group]}”：${s.text} = ${s.sum}，而总计为 ${total}，${diff(s.sum, total!)}`
      }
    ]
  }
}

/** T4-05: a high share of corrected results. */
function t4CorrectionRate(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  for (const g of T4_GROUPS) {
    const corrected = ctx.v(t4(g, 'corrected'))
    const total = ctx.v(t4(g, 'total'))
    const pending = ctx.v(t4(g, 'pending')) ?? 0
    if (corrected === null || total === null) continue
    const decided = total - pending
    if (decided > 0 && corrected / decided >= 0.5) {
      out.push({
        key: g,
        cells: [t4(g, 'corrected'), t4(g, 'total'), t4(g, 'pending')],
        source: sourceOfCells(ctx, [t4(g, 'corrected')]),
        message: `表四“${T4_GROUP_LABELS[g]}”已审结 ${decided} 件中结果纠正 ${corrected} 件，纠错率 ${Math.round((100 * corrected) / decided)}%，建议在审查意见中提示依法答复风险`
      })
    }
  }
  return out
}

/** T4-06: more suits after review than reviews (this year's plus last year's pending). */
function t4SuitsAfterReview(ctx: RuleContext): Draft[] {
  const after = ctx.v(t4('suit_after_review', 'total'))
  const reviews = ctx.v(t4('review', 'total'))
  if (after === null || reviews === null) return []
  const prevPending = ctx.prev ? (ctx.prev.cells['t4.review.pending']?.value ?? null) : null
  const limit = reviews + (prevPending ?? 0)
  if (after <= limit) return []
  return [
    {
      key: 'after_review',
      cells: [t4('suit_after_review', 'total'), t4('review', 'total')],
      source: sourceOfCells(ctx, [t4('suit_after_review', 'total')]),
      message:
        `表四复议后起诉 ${after} 件，多于本年行政复议 ${reviews} 件` +
        (prevPending !== null ? `与上年尚未审结的复议 ${prevPending} 件之和 ${limit} 件` : '（上年报告不在工作区，无法计入上年尚未审结的复议）') +
        '，建议核实'
    }
  ]
}

// ---- table 2 -----------------------------------------------------------------------------

const t2 = (r: string, c: string) => `t2.${r}.${c}`

/** T2-01: counts are non-negative integers (本年增/减 may be negative; amounts may have decimals). */
function t2Counts(ctx: RuleContext): Draft[] {
  const tpl = ctx.report.t2Template ?? ctx.report.template
  if (!tpl) return []
  const out: Draft[] = []
  for (const b of T2_LAYOUTS[tpl]) {
    for (const r of b.rows) {
      for (const c of b.columns) {
        const k = t2(r.key, c.key)
        const v = ctx.v(k)
        if (v === null) continue
        const bad = c.kind === 'count' ? v < 0 || !Number.isInteger(v) : c.kind === 'signed' ? !Number.isInteger(v) : v < 0
        if (bad) {
          out.push({ key: k, cells: [k], source: sourceOfCells(ctx, [k]), message: `${describe(k)}为 ${fmt(v)}：${c.kind === 'amount' ? '金额不应为负数' : '应为' + (c.kind === 'signed' ? '整数' : '非负整数')}` })
        }
      }
    }
  }
  return out
}

const DOC_ROWS: Array<[string, string]> = [
  ['regulations', '规章'],
  ['normative_docs', '行政规范性文件']
]

/** T2-02 (2021): documents issued this year and not repealed are still in force. */
function t2InForce(ctx: RuleContext): Draft[] {
  if ((ctx.report.t2Template ?? ctx.report.template) !== '2021') return []
  const out: Draft[] = []
  for (const [r, name] of DOC_ROWS) {
    const [iss, rep, inf] = ['issued', 'repealed', 'in_force'].map((c) => ctx.v(t2(r, c)))
    if (iss === null || rep === null || inf === null) continue
    if (inf < iss - rep) {
      out.push({
        key: r,
        cells: ['issued', 'repealed', 'in_force'].map((c) => t2(r, c)),
        source: sourceOfCells(ctx, [t2(r, 'in_force')]),
        message: `表二“${name}”：现行有效件数 ${inf} 少于本年制发 ${iss} − 本年废止 ${rep} = ${iss - rep}，本年制发且未废止的文件应仍现行有效，建议核实`
      })
    }
  }
  return out
}

/** T2-03 (2021): suspicious patterns 制发 = 废止 = 现行有效 > 0, or 废止 > 现行有效 + 制发. */
function t2Patterns(ctx: RuleContext): Draft[] {
  if ((ctx.report.t2Template ?? ctx.report.template) !== '2021') return []
  const out: Draft[] = []
  for (const [r, name] of DOC_ROWS) {
    const [iss, rep, inf] = ['issued', 'repealed', 'in_force'].map((c) => ctx.v(t2(r, c)))
    if (iss === null || rep === null || inf === null) continue
    const cells = ['issued', 'repealed', 'in_force'].map((c) => t2(r, c))
    if (iss > 0 && iss === rep && rep === inf) {
      out.push({ key: `${r}.same`, cells, source: sourceOfCells(ctx, cells), message: `表二“${name}”本年制发、本年废止、现行有效均为 ${iss} 件，疑似填报错误（同时废止全部新制发文件且现行有效恰好相等的情形少见）` })
    } else if (rep > inf + iss) {
      out.push({ key: `${r}.repealed`, cells, source: sourceOfCells(ctx, cells), message: `表二“${name}”本年废止 ${rep} 件，多于现行有效 ${inf} 件与本年制发 ${iss} 件之和，建议核实` })
    }
  }
  return out
}

/** T2-04: only provincial and prefecture governments (and State Council departments) make 规章. */
function t2Regulations(ctx: RuleContext): Draft[] {
  const tpl = ctx.report.t2Template ?? ctx.report.template
  if (!tpl) return []
  const keys = T2_LAYOUTS[tpl][0].columns.map((c) => t2('regulations', c.key))
  const nonzero = keys.filter((k) => (ctx.v(k) ?? 0) !== 0)
  if (nonzero.length === 0 || ctx.agencyType === 'province' || ctx.agencyType === 'prefecture') return []
  const vals = keys.map((k) => `${describe(k).replace(/^表二“规章”行/, '')} ${fmt(ctx.v(k))}`).join('，')
  if (ctx.agencyType === 'city' || ctx.agencyType === 'unknown') {
    return [{ key: 'regulations', cells: keys, severity: 'info', source: sourceOfCells(ctx, nonzero), message: `表二“规章”行不为 0（${vals}）：只有省级和设区的市级人民政府可以制定规章，请核实本机关是否为设区的市人民政府` }]
  }
  return [{ key: 'regulations', cells: keys, source: sourceOfCells(ctx, nonzero), message: `表二“规章”行不为 0（${vals}）：依照《立法法》第九十三条，县级人民政府、政府部门、乡镇街道无权制定地方政府规章，应填 0` }]
}

/** T2-05: the fee amount, in 万元, at the printed precision and a plausible magnitude. */
function t2FeeAmount(ctx: RuleContext): Draft[] {
  if ((ctx.report.t2Template ?? ctx.report.template) !== '2021') return []
  const k = t2('fees', 'amount')
  const cell = ctx.report.cells[k]
  if (!cell || cell.value === null) return []
  const out: Draft[] = []
  const header = ctx.report.labels.find((l) => l.table === 't2' && l.role === 'column' && l.key === 'amount')
  const m = header ? /保留(\d+)位小数/.exec(matchForm(header.text)) : null
  if (m && cell.value !== 0 && cell.decimals !== Number(m[1])) {
    out.push({
      key: 'precision',
      cells: [k],
      source: cell.source,
      message: `表二“行政事业性收费”本年收费金额填为“${cell.raw}”，表头要求“单位：万元，保留${m[1]}位小数”，应填为 ${cell.value.toFixed(Number(m[1]))}`
    })
  }
  if (cell.value >= 1e6) {
    out.push({ key: 'magnitude', cells: [k], source: cell.source, message: `表二本年收费金额 ${cell.raw} 万元（即 ${fmt(cell.value / 1e4)} 亿元），数额异常，可能误按“元”填报` })
  }
  return out
}

/** T2-06 (2019): 新公开 ≤ 公开总数; 上一年项目数量 + 本年增/减 ≥ 0. */
function t2Format2019(ctx: RuleContext): Draft[] {
  if ((ctx.report.t2Template ?? ctx.report.template) !== '2019') return []
  const out: Draft[] = []
  for (const [r, name] of [['regulations', '规章'], ['normative_docs', '规范性文件']]) {
    const pub = ctx.v(t2(r, 'published'))
    const tot = ctx.v(t2(r, 'total'))
    if (pub !== null && tot !== null && pub > tot) {
      out.push({ key: `${r}.published`, cells: [t2(r, 'published'), t2(r, 'total')], source: sourceOfCells(ctx, [t2(r, 'published')]), message: `表二“${name}”本年新公开 ${pub} 件，多于对外公开总数量 ${tot} 件` })
    }
  }
  for (const r of ['licensing', 'other_services', 'penalty', 'coercion', 'fees']) {
    const prev = ctx.v(t2(r, 'prev_items'))
    const ch = ctx.v(t2(r, 'change'))
    if (prev !== null && ch !== null && prev + ch < 0) {
      out.push({ key: `${r}.items`, cells: [t2(r, 'prev_items'), t2(r, 'change')], source: sourceOfCells(ctx, [t2(r, 'change')]), message: `${describe(t2(r, 'prev_items'))} ${prev} 加本年增/减 ${ch} 为 ${prev + ch}，项目数量不应为负` })
    }
  }
  return out
}

/** T2-07: decisions reported by a body without licensing or enforcement powers, or denied in the text. */
function t2Powers(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  const agency = matchForm(ctx.report.agency ?? '')
  const powerless = /政府办公室|人民政府办公室|办公厅/.test(agency) || ctx.agencyType === 'subdistrict'
  for (const [r, name] of [
    ['licensing', '行政许可'],
    ['penalty', '行政处罚']
  ]) {
    const v = ctx.v(t2(r, 'decisions'))
    if (!v || v <= 0) continue
    const denied = ctx.facts.sentences.find((s) => new RegExp(`(无|没有|未)[^，。；]{0,6}${name}`).test(s.text))
    if (powerless || denied) {
      out.push({
        key: r,
        cells: [t2(r, 'decisions')],
        source: sourceOfCells(ctx, [t2(r, 'decisions')]),
        message: `表二“${name}”本年处理决定 ${v} 件，` + (denied ? `而正文称“${denied.text.slice(0, 40)}”` : `但${ctx.report.agency}一般不具有${name}职权`) + '，建议核实'
      })
    }
  }
  return out
}

export const TABLE_RULES: RuleDef[] = [
  { id: 'T3-01', family: 'T3', severity: 'error', title: '表三各列“一+二=三（七）+四”勾稽关系', basis: BASIS_T3, check: t3CrossFooting },
  { id: 'T3-02', family: 'T3', severity: 'error', title: '表三各行总计等于各申请人类别之和', basis: '表三结构：总计 = 自然人 + 法人或其他组织各类', check: t3RowSums },
  { id: 'T3-03', family: 'T3', severity: 'error', title: '表三（七）总计等于各项办理结果之和', basis: '表三“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”：每件申请只计一种结果', check: t3OutcomeSums },
  { id: 'T3-04', family: 'T3', severity: 'error', title: '表三分组小计等于其下各项之和（仅在报告列出小计时）', basis: '表三结构', check: t3GroupSubtotals },
  { id: 'T3-05', family: 'T3', severity: 'error', title: '表三各单元格为非负整数', basis: '表三计量单位为件', check: nonNegativeIntegers('t3', '表三') },
  { id: 'T3-06', family: 'T3', severity: 'info', title: '结转下年度继续办理的数量合理性', basis: '《条例》第三十三条答复期限', check: t3Backlog },
  { id: 'T3-07', family: 'T3', severity: 'warning', title: '“逾期未按收费通知缴费”与第六部分收费说明一致', basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）', check: t3FeeRowNeedsStatement },
  { id: 'T3-08', family: 'T3', severity: 'info', title: '依申请公开办理结果的风险提示', basis: '《条例》第三十六条', check: t3RiskIndicators },
  { id: 'T4-01', family: 'T4', severity: 'error', title: '表四行政复议总计等于各结果之和', basis: '表四结构', check: t4Sum('review') },
  { id: 'T4-02', family: 'T4', severity: 'error', title: '表四未经复议直接起诉总计等于各结果之和', basis: '表四结构', check: t4Sum('suit_direct') },
  { id: 'T4-03', family: 'T4', severity: 'error', title: '表四复议后起诉总计等于各结果之和', basis: '表四结构', check: t4Sum('suit_after_review') },
  { id: 'T4-04', family: 'T4', severity: 'error', title: '表四各单元格为非负整数', basis: '表四计量单位为件', check: nonNegativeIntegers('t4', '表四') },
  { id: 'T4-05', family: 'T4', severity: 'info', title: '复议、诉讼结果纠正比例', basis: '风险提示', check: t4CorrectionRate },
  { id: 'T4-06', family: 'T4', severity: 'info', title: '复议后起诉数量与复议数量的关系', basis: '风险提示', compares: true, check: t4SuitsAfterReview },
  { id: 'T2-01', family: 'T2', severity: 'error', title: '表二件数为非负整数', basis: '表二计量单位', check: t2Counts },
  { id: 'T2-02', family: 'T2', severity: 'warning', title: '现行有效件数不少于本年制发减本年废止', basis: '表二（一）项各列的含义', check: t2InForce },
  { id: 'T2-03', family: 'T2', severity: 'warning', title: '表二（一）项可疑填报', basis: '表二（一）项各列的含义', check: t2Patterns },
  { id: 'T2-04', family: 'T2', severity: 'warning', title: '无规章制定权的机关“规章”行应为 0', basis: '《立法法》第九十一条、第九十三条', check: t2Regulations },
  { id: 'T2-05', family: 'T2', severity: 'warning', title: '收费金额的单位与精度', basis: '表二（八）项表头“本年收费金额（单位：万元）”', check: t2FeeAmount },
  { id: 'T2-06', family: 'T2', severity: 'warning', title: '2019 年格式表二各列关系', basis: '国办公开办函〔2019〕60号格式', check: t2Format2019 },
  { id: 'T2-07', family: 'T2', severity: 'info', title: '许可、处罚决定与机关职权一致', basis: '风险提示', check: t2Powers }
]
