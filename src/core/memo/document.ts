/**
 * A memo as a renderer-neutral document: sections (each starts a new page; annex tables go
 * landscape) of titles, headings, paragraphs and tables. All wording lives here, so the DOCX
 * and the PDF say exactly the same thing.
 */
import { CONCLUSION_RULES, requirements, type ConclusionRule } from './catalog'
import { ordinal, type BatchMemo, type MemoMeta, type MemoProblem, type ReportMemo } from './model'

export type Block =
  /** `small`: an annex's title on a landscape page (小二 rather than 二号). */
  | { type: 'title'; text: string; small?: boolean }
  /** 主送: flush left, ends with a full-width colon. */
  | { type: 'recipient'; text: string }
  /** 1: 一、… (黑体); 2: （一）… (楷体); 3: 1．… (仿宋 bold). */
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  /** A body paragraph; `lead` is a label set in bold before the text (位置：…). */
  | { type: 'para'; text: string; lead?: string; indent?: boolean; small?: boolean }
  | { type: 'table'; columns: Column[]; rows: string[][]; small?: boolean }
  /** 落款: the office and the date, right-aligned. */
  | { type: 'signature'; lines: string[] }

export interface Column {
  title: string
  /** Relative width. */
  width: number
  center?: boolean
}

export interface DocSection {
  landscape: boolean
  blocks: Block[]
}

export interface MemoDocument {
  title: string
  subject: string
  author: string
  sections: DocSection[]
}

/** 2025-11-23 → 2025年11月23日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function dateCn(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

function countsText(c: Record<'error' | 'warning' | 'info', number>): string {
  return `错误 ${c.error} 条、警告 ${c.warning} 条、提示 ${c.info} 条`
}

function methodText(memoCount: number, meta: MemoMeta, reviewers: string[], pending: number, mode: 'list' | 'omit', corrections: number): string {
  const fixed = corrections ? `表格数据中经审查人员核对原件更正提取结果 ${corrections} 处，按更正后的数据校验；` : ''
  const pend =
    pending === 0 ? '' : mode === 'list' ? `；尚未复核的 ${pending} 条标注为“待复核”，供参考` : `；尚未复核的 ${pending} 条未列入本意见`
  return (
    `使用年报审查台对${memoCount > 1 ? '各份' : ''}报告逐项自动校验（审查规则 ${meta.rulesCount} 条，提取程序版本 ${meta.extractorVersion}），` +
    `涵盖结构与格式、表格数据勾稽、文字与表格一致性、发布时效、信息处理费和跨年度比对；${fixed}自动校验结果经审查人员逐条复核，` +
    `驳回的不列入本意见${pend}。复核人：${reviewers.length ? reviewers.join('、') : '（未记录）'}。`
  )
}

function conclusionBlocks(c: ConclusionRule): Block[] {
  return [
    { type: 'para', lead: '结论等级：', text: `${c.label}。`, indent: true },
    { type: 'para', lead: '评定标准：', text: `${c.criterion}。`, indent: true, small: true }
  ]
}

const ANNEX_COLUMNS: Column[] = [
  { title: '序号', width: 3.5, center: true },
  { title: '问题类别', width: 6 },
  { title: '规则', width: 4.5, center: true },
  { title: '位置', width: 11 },
  { title: '原文摘录', width: 15 },
  { title: '问题描述', width: 22 },
  { title: '依据', width: 11 },
  { title: '严重程度', width: 4.5, center: true },
  { title: '整改建议', width: 14 },
  { title: '整改时限', width: 5.5, center: true },
  { title: '整改情况（由被审查机关填写）', width: 8 }
]

const ANNEX_TEXT_MAX = 160
const ANNEX_QUOTE_MAX = 60

/** The annex column is narrow: the quote is cut (the memo body has it up to 120 characters). */
function clipQuote(q: string): string {
  return q.length > ANNEX_QUOTE_MAX ? `${q.slice(0, ANNEX_QUOTE_MAX - 1).replace(/…$/, '')}…` : q
}

/** Long computations (lists of blank cells) are cut in the annex; the memo body has them whole. */
function annexText(text: string, no: number): string {
  return text.length > ANNEX_TEXT_MAX ? `${text.slice(0, ANNEX_TEXT_MAX)}…（全文见正文第（${no}）项）` : text
}

function annexTable(memo: ReportMemo, meta: MemoMeta): Block {
  const rows = memo.categories.flatMap((c) =>
    c.problems.map((p) => [
      String(p.no),
      c.name,
      p.rule,
      p.location,
      p.quote ? `“${clipQuote(p.quote)}”` : '—',
      annexText(p.computation, p.no) + (p.comment ? `（审查意见：${p.comment}）` : ''),
      p.basis,
      p.severityLabel + (p.review === 'pending' ? '（待复核）' : ''),
      p.suggestion,
      `${meta.deadlineDays}个工作日`,
      p.review === 'fixed' ? '已整改' : ''
    ])
  )
  return { type: 'table', columns: ANNEX_COLUMNS, rows, small: true }
}

/** Problems of one rule (and severity) in a category: the memo states their basis and remedy once. */
function groups(problems: MemoProblem[]): MemoProblem[][] {
  const out: MemoProblem[][] = []
  for (const p of problems) {
    const last = out[out.length - 1]
    if (last && last[0].rule === p.rule && last[0].severity === p.severity && last[0].title === p.title) last.push(p)
    else out.push([p])
  }
  return out
}

function problemBlocks(group: MemoProblem[], n: number): Block[] {
  const head = group[0]
  const many = group.length > 1 ? `，共 ${group.length} 处` : ''
  const out: Block[] = [{ type: 'heading', level: 3, text: `${n}．${head.title}（${head.severityLabel}${many}）` }]
  for (const p of group) {
    // The message names its cells already; then only the page or line is added.
    const redundant = p.place.startsWith('表') && p.computation.includes(p.place.slice(0, 2))
    const where = `${redundant ? '' : p.place}${p.at ?? ''}`
    const parts = [`${where ? `${where}：` : ''}${p.computation.replace(/[。；]$/, '')}。`]
    if (p.quote) parts.push(`原文摘录：“${p.quote}”。`)
    if (p.comment) parts.push(`审查意见：${p.comment.replace(/[。；]$/, '')}。`)
    out.push({ type: 'para', indent: true, lead: `（${p.no}）${p.review === 'pending' ? '【待复核】' : p.review === 'fixed' ? '【已整改】' : ''}`, text: parts.join('') })
  }
  out.push({ type: 'para', indent: true, lead: '依据：', text: head.basis }, { type: 'para', indent: true, lead: '整改建议：', text: head.suggestion })
  return out
}

function objectText(m: ReportMemo): string {
  const form = m.kind === 'pdf' ? `PDF 文件，${m.pages ?? '?'} 页` : 'TXT 文本'
  return (
    `《${m.printedTitle ?? m.reportName}》（${m.file}，${form}${m.version > 1 ? `，同一年度第 ${m.version} 个版本` : ''}；文件指纹 SHA-256 ${m.sha256.slice(0, 16)}…）。` +
    `机关类型：${m.agencyType}。发布网址：${m.pubUrl ?? '未录入'}；发布日期：${m.pubDate ?? '未核实'}；采集时间：${dateCn(m.importedAt.slice(0, 10))}。`
  )
}

function overallText(m: ReportMemo): string {
  if (m.problems.length === 0) return '经审查，该报告结构完整，表格数据勾稽相符，未发现需要整改的问题。'
  const fixed = m.problems.filter((p) => p.review === 'fixed').length
  const pendingListed = m.problems.filter((p) => p.review === 'pending').length
  const parts = [`已确认 ${m.problems.length - fixed - pendingListed} 条`, fixed ? `已整改 ${fixed} 条` : '', pendingListed ? `待复核 ${pendingListed} 条` : '']
  return `经审查，该报告共列出问题 ${m.problems.length} 条，其中${countsText(m.listed)}（${parts.filter(Boolean).join('，')}）。`
}

/** The sections of one report's memo: the memo itself, then its annex (if it has problems). */
export function reportSections(m: ReportMemo, meta: MemoMeta, annexNo: string | null = null): DocSection[] {
  const annexName = `${m.reportName}问题清单`
  const b: Block[] = [
    { type: 'title', text: m.title },
    { type: 'recipient', text: `${m.agency ?? '被审查机关'}：` },
    {
      type: 'para',
      indent: true,
      text: `根据《中华人民共和国政府信息公开条例》有关规定，${meta.office}对你单位公布的《${m.printedTitle ?? m.reportName}》进行了审查。现将审查意见通知如下：`
    },
    { type: 'heading', level: 1, text: '一、审查依据' },
    ...m.basis.map((x, i): Block => ({ type: 'para', indent: true, text: `${i + 1}．${x}${i === m.basis.length - 1 ? '。' : '；'}` })),
    { type: 'heading', level: 1, text: '二、审查对象与方法' },
    { type: 'para', indent: true, lead: '审查对象：', text: objectText(m) },
    { type: 'para', indent: true, lead: '审查方法：', text: methodText(1, meta, m.reviewers, m.pending, m.pendingMode, m.corrections) },
    { type: 'heading', level: 1, text: '三、总体意见' },
    { type: 'para', indent: true, text: overallText(m) },
    ...conclusionBlocks(m.conclusion),
    { type: 'heading', level: 1, text: '四、发现的问题' }
  ]
  if (m.categories.length === 0) b.push({ type: 'para', indent: true, text: '未发现问题。' })
  for (const c of m.categories) {
    b.push({ type: 'heading', level: 2, text: `${c.ordinal}${c.name}` })
    groups(c.problems).forEach((g, i) => b.push(...problemBlocks(g, i + 1)))
  }
  b.push({ type: 'heading', level: 1, text: '五、整改要求' })
  if (m.problems.length) {
    requirements(meta.deadlineDays).forEach((t, i) => b.push({ type: 'para', indent: true, text: `（${ordinal(i)}）${t}` }))
    b.push({ type: 'heading', level: 1, text: '六、附件' })
    b.push({ type: 'para', indent: true, text: `${annexNo ?? '附件'}：${annexName}` })
  } else {
    b.push({ type: 'para', indent: true, text: '请继续严格按照《中华人民共和国政府信息公开条例》和年度报告格式编制、按时公布年度报告。' })
  }
  b.push({ type: 'signature', lines: [meta.office, dateCn(meta.date)] })

  const sections: DocSection[] = [{ landscape: false, blocks: b }]
  if (m.problems.length) sections.push({ landscape: true, blocks: annexBlocks(m, meta, annexNo ?? '附件', annexName) })
  return sections
}

function annexBlocks(m: ReportMemo, meta: MemoMeta, label: string, name: string): Block[] {
  return [{ type: 'heading', level: 1, text: label }, { type: 'title', text: name, small: true }, annexTable(m, meta)]
}

export function reportDocument(memos: ReportMemo[], meta: MemoMeta): MemoDocument {
  return {
    title: memos.length === 1 ? memos[0].title : `审查意见（${memos.length} 份报告）`,
    subject: memos.map((m) => m.reportName).join('；'),
    author: meta.office,
    sections: memos.flatMap((m) => reportSections(m, meta))
  }
}

const LEVEL_COLUMNS: Column[] = [
  { title: '序号', width: 3, center: true },
  { title: '机关', width: 16 },
  { title: '年度', width: 4, center: true },
  { title: '错误', width: 3, center: true },
  { title: '警告', width: 3, center: true },
  { title: '提示', width: 3, center: true },
  { title: '待复核', width: 3.5, center: true },
  { title: '结论', width: 6, center: true }
]

export function batchDocument(batch: BatchMemo, meta: MemoMeta): MemoDocument {
  const span = batch.years.length === 0 ? '' : batch.years.length === 1 ? `${batch.years[0]}年度` : `${batch.years[0]}—${batch.years.at(-1)}年度`
  const n = batch.reports.length
  const withProblems = batch.reports.filter((r) => r.problems.length)
  const annexNo = new Map(withProblems.map((r, i) => [r.reportId, `附件${i + 1}`]))
  const basis = [...new Set(batch.reports.flatMap((r) => r.basis))]
  basis[0] = '《中华人民共和国政府信息公开条例》第四十七条、第四十九条、第五十条'
  const unknownDates = batch.reports.filter((r) => !r.pubDate).length

  const b: Block[] = [
    { type: 'title', text: batch.title },
    { type: 'recipient', text: '各有关单位：' },
    {
      type: 'para',
      indent: true,
      text: `根据《中华人民共和国政府信息公开条例》有关规定，${meta.office}对${span ? `${span}的` : ''} ${n} 份政府信息公开工作年度报告进行了审查。现将审查情况汇总如下：`
    },
    { type: 'heading', level: 1, text: '一、审查依据' },
    ...basis.map((x, i): Block => ({ type: 'para', indent: true, text: `${i + 1}．${x}${i === basis.length - 1 ? '。' : '；'}` })),
    { type: 'heading', level: 1, text: '二、审查范围与方法' },
    {
      type: 'para',
      indent: true,
      lead: '审查范围：',
      text: `共审查年度报告 ${n} 份，涉及 ${batch.agencies} 个机关${batch.years.length ? `，报告年度 ${batch.years.join('、')}` : ''}。`
    },
    { type: 'para', indent: true, lead: '审查方法：', text: methodText(n, meta, batch.reviewers, batch.pending, batch.reports[0].pendingMode, batch.reports.reduce((x, r) => x + r.corrections, 0)) },
    { type: 'heading', level: 1, text: '三、总体情况' },
    {
      type: 'para',
      indent: true,
      text:
        `审查结论：合格 ${batch.byLevel['合格']} 份，基本合格 ${batch.byLevel['基本合格']} 份，不合格 ${batch.byLevel['不合格']} 份。` +
        `共确认问题 ${batch.totals.error + batch.totals.warning + batch.totals.info} 条，其中${countsText(batch.totals)}` +
        (batch.pending ? `；另有 ${batch.pending} 条自动校验结果待复核。` : '。') +
        '各报告审查结果见下表：'
    },
    {
      type: 'table',
      columns: LEVEL_COLUMNS,
      rows: batch.reports.map((r, i) => [
        String(i + 1),
        (r.agency ?? r.file) + (r.version > 1 ? `（第 ${r.version} 版）` : ''),
        r.year ? String(r.year) : '—',
        String(r.confirmed.error),
        String(r.confirmed.warning),
        String(r.confirmed.info),
        String(r.pending),
        r.conclusion.level
      ])
    },
    { type: 'para', indent: true, small: true, lead: '评定标准：', text: levelCriteria() },
    { type: 'heading', level: 1, text: '四、主要问题' }
  ]
  if (batch.frequent.length === 0) b.push({ type: 'para', indent: true, text: '未发现共性问题。' })
  batch.frequent.forEach((f, i) =>
    b.push({
      type: 'para',
      indent: true,
      text: `${i + 1}．${f.title}（规则 ${f.rule}）：涉及 ${f.reports} 份报告、${f.items} 处（${f.agencies.slice(0, 5).join('、')}${f.agencies.length > 5 ? ' 等' : ''}）。`
    })
  )
  b.push({ type: 'heading', level: 1, text: '五、未按时公布或未找到报告的单位' }, { type: 'heading', level: 2, text: '（一）逾期公布' })
  if (batch.late.length === 0) b.push({ type: 'para', indent: true, text: '未发现逾期公布的报告。' })
  batch.late.forEach((l, i) => b.push({ type: 'para', indent: true, text: `${i + 1}．${l.agency}${l.year ?? ''}年度报告：${l.detail}。` }))
  if (unknownDates) b.push({ type: 'para', indent: true, small: true, text: `另有 ${unknownDates} 份报告未录入发布日期，未能核对公布时限。` })
  b.push({ type: 'heading', level: 2, text: '（二）未公布或未找到报告' })
  if (batch.missing.length === 0) b.push({ type: 'para', indent: true, text: '未发现应报未报或无法查找的报告。' })
  batch.missing.forEach((l, i) => b.push({ type: 'para', indent: true, text: `${i + 1}．${l.agency}${l.year ? `${l.year}年度` : ''}：${l.detail}。` }))
  b.push({ type: 'heading', level: 1, text: '六、整改要求' })
  requirements(meta.deadlineDays).forEach((t, i) => b.push({ type: 'para', indent: true, text: `（${ordinal(i)}）${t.replace('请对照本意见', '请各单位对照本意见')}` }))
  b.push({ type: 'heading', level: 1, text: '七、附件' })
  if (withProblems.length === 0) b.push({ type: 'para', indent: true, text: '无（各报告均未发现问题）。' })
  for (const r of withProblems) b.push({ type: 'para', indent: true, text: `${annexNo.get(r.reportId)}：${r.reportName}问题清单` })
  b.push({ type: 'signature', lines: [meta.office, dateCn(meta.date)] })

  return {
    title: batch.title,
    subject: `${n} 份年度报告的审查汇总`,
    author: meta.office,
    sections: [
      { landscape: false, blocks: b },
      ...withProblems.map((r) => ({ landscape: true, blocks: annexBlocks(r, meta, annexNo.get(r.reportId)!, `${r.reportName}问题清单`) }))
    ]
  }
}

function levelCriteria(): string {
  return `${CONCLUSION_RULES.map((r) => `${r.level}——${r.criterion}`).join('；')}。表中问题数为已确认、尚未整改的问题。`
}
