/**
 * Structure and sections (S) and template version (V).
 */
import { SECTION_TITLES } from '../../model/keys'
import { CN_YEAR, matchForm } from '../../text/normalize'
import { fillingNote, HEADING_NUMBERING, regionalT2Row, SECTION_PATTERNS } from '../../extract/labels'
import { sourceAt, sourceInSentence } from '../narrative'
import type { Draft, RuleContext, RuleDef } from '../types'

const NUMERALS = '一二三四五六'

function section(ctx: RuleContext, index: number) {
  return ctx.report.sections.find((s) => s.index === index) ?? null
}

/** S01: all six sections present. */
function s01(ctx: RuleContext): Draft[] {
  const found = new Set(ctx.report.sections.map((s) => s.index))
  const missing = [1, 2, 3, 4, 5, 6].filter((i) => !found.has(i))
  return missing.map((i) => ({ key: String(i), message: `缺少第${NUMERALS[i - 1]}部分“${SECTION_TITLES[i - 1]}”（《条例》第五十条规定的内容，年度报告格式要求“不能遗漏”）` }))
}

/** S02: the six sections in order, each once. */
function s02(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  const seen = new Map<number, number>()
  let last = 0
  for (const s of ctx.report.sections) {
    seen.set(s.index, (seen.get(s.index) ?? 0) + 1)
    if (seen.get(s.index) === 2) out.push({ key: `dup${s.index}`, source: s.headingSource, message: `第${NUMERALS[s.index - 1]}部分“${s.heading}”重复出现` })
    else if (s.index < last) out.push({ key: `order${s.index}`, source: s.headingSource, message: `“${s.heading}”出现在第${NUMERALS[last - 1]}部分之后，六个部分的顺序不符合格式要求` })
    last = Math.max(last, s.index)
  }
  return out
}

/** A heading's words after its numbering (一、 第一部分 一 (一) 1. …), in match form. */
const headingWords = (heading: string) => matchForm(heading).replace(HEADING_NUMBERING, '')

/**
 * S03: heading wording that is neither canonical nor a known variant. Headings worded as the
 * format has them but numbered another way (第一部分 总体情况, 一 总体情况, 1.总体情况, or not at all)
 * make one finding for
 * the report, a mild one: the numbering is a matter of form, the content is all there.
 */
function s03(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  const renumbered: typeof ctx.report.sections = []
  for (const s of ctx.report.sections) {
    const pattern = SECTION_PATTERNS.find((p) => p.index === s.index)!
    const k = matchForm(s.heading).replace(/^([一二三四五六七八九十])[.,:]/, '$1、')
    if (pattern.accepted.some((a) => matchForm(a) === k)) continue
    if (pattern.accepted.some((a) => headingWords(a) === headingWords(s.heading))) {
      renumbered.push(s)
      continue
    }
    out.push({ key: String(s.index), source: s.headingSource, message: `标题“${s.heading}”与格式规定的“${SECTION_TITLES[s.index - 1]}”不一致` })
  }
  if (renumbered.length) {
    const [first] = renumbered
    out.push({
      key: 'numbering',
      severity: 'info',
      source: first.headingSource,
      message: `${renumbered.length} 个部分标题的编号方式与格式规定的“一、”式不同（如“${first.heading}”，格式为“${SECTION_TITLES[first.index - 1]}”），标题文字与格式一致`
    })
  }
  return out
}

/** S04: a nested top-level heading inside a section, or an enumeration that starts over (一是…一是). */
function s04(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  for (const s of ctx.report.sections) {
    for (const l of s.lines) {
      const line = s.text.slice(l.at, l.at + l.length).trim()
      if (/^[一二三四五六七八九十]\s*[、．]/.test(line) && line.length <= 30 && !/[。；]/.test(line)) {
        out.push({ key: `nested${s.index}:${matchForm(line)}`, source: l.source, message: `第${NUMERALS[s.index - 1]}部分内又出现一级编号标题“${line}”，与报告的一级标题编号冲突（内容像工作总结而非年度报告）` })
      }
    }
    // 一是 … 一是 with no 二是 between them: the enumeration restarts (a new sub-section
    // restarting after 三是 is normal).
    const flat = s.text.replace(/\n/g, '')
    const marks = [...flat.matchAll(/([一二三四五六七八九十])是/g)]
    for (let i = 1; i < marks.length; i++) {
      if (marks[i][1] !== '一') continue
      const prevOne = marks.slice(0, i).reverse().find((m) => m[1] === '一')
      const between = prevOne ? marks.slice(marks.indexOf(prevOne) + 1, i) : []
      if (prevOne && !between.some((m) => m[1] === '二')) {
        const at = s.text.indexOf('一是', s.text.indexOf('一是') + 1)
        out.push({ key: `enum${s.index}.${i}`, source: sourceAt(s, Math.max(0, at), 2), message: `第${NUMERALS[s.index - 1]}部分列举编号重复：“一是”之后未出现“二是”又出现“一是”` })
      }
    }
  }
  return out
}

const SUBTOPICS: Array<[string, RegExp]> = [
  ['主动公开', /主动公开/],
  ['依申请公开', /依申请/],
  ['政府信息管理', /信息管理|政府信息.{0,4}管理/],
  ['政府信息公开平台建设', /平台建设|平台|网站/],
  ['监督保障', /监督|保障|考核/]
]

/** S05: section 一 covers the five sub-topics of the 2021 format. */
function s05(ctx: RuleContext): Draft[] {
  const one = section(ctx, 1)
  if (!one) return []
  const text = one.text.replace(/\n/g, '')
  const missing = SUBTOPICS.filter(([, re]) => !re.test(text)).map(([n]) => n)
  if (missing.length === 0) return []
  const year = ctx.report.year ?? 0
  return [
    {
      key: 'subtopics',
      severity: year >= 2021 ? 'warning' : 'info',
      source: one.headingSource,
      message: `第一部分“总体情况”未涉及：${missing.join('、')}（2021 年格式要求综述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面）`
    }
  ]
}

/** S06: a 人民政府's report states the results of assessment, public appraisal and accountability. */
function s06(ctx: RuleContext): Draft[] {
  const govt = ['province', 'prefecture', 'city', 'county', 'township', 'devzone'].includes(ctx.agencyType) && /政府$/.test(matchForm(ctx.report.agency ?? ''))
  if (!govt) return []
  const all = ctx.report.sections.map((s) => s.text.replace(/\n/g, '')).join('\n')
  const missing = [
    ['工作考核', /考核/],
    ['社会评议', /评议/],
    ['责任追究', /责任追究|追责|问责/]
  ].filter(([, re]) => !(re as RegExp).test(all)).map(([n]) => n as string)
  if (missing.length === 0) return []
  return [{ key: 'assessment', message: `人民政府年度报告应包括工作考核、社会评议和责任追究结果情况（《条例》第五十条第四项），未见：${missing.join('、')}` }]
}

/** S07: section 五 states problems and improvements, in finished sentences. */
function s07(ctx: RuleContext): Draft[] {
  const five = section(ctx, 5)
  if (!five) return []
  const out: Draft[] = []
  const flat = five.text.replace(/\n/g, '')
  const problems = /问题|不足|不够|欠缺|差距|薄弱|有待|短板/.test(flat)
  const improvements = /改进|措施|下一步|今后|将进一步|加强|完善|整改|提升/.test(flat)
  if (!problems || !improvements) {
    out.push({
      key: 'content',
      source: five.headingSource,
      message: `第五部分应同时写明存在的主要问题和改进情况（《条例》第五十条第四项），未见${!problems ? '对问题的说明' : ''}${!problems && !improvements ? '和' : ''}${!improvements ? '改进措施' : ''}`
    })
  }
  const paras = five.text.split('\n').map((p) => p.trim()).filter(Boolean)
  paras.forEach((t, i) => {
    // A line cut by the layout continues on the next one; a sentence left unfinished is the
    // section's last line, or is followed by a new item.
    const next = paras[i + 1]
    const continued = next !== undefined && !/^(一|二|三|四|五|六|七|八|九|十)(是|、)|^[（(]|^\d+[.、．]/.test(next)
    if (t.length >= 8 && !continued && !/[。！？；…」”"）)：:]$/.test(t)) {
      const para = t
      out.push({ key: `unfinished:${matchForm(t).slice(-12)}`, source: sourceAt(five, five.text.indexOf(para), para.length), message: `第五部分有未写完的句子：“…${t.slice(-20)}”` })
    }
  })
  return out
}

/** S08: section 六 present and not empty. */
function s08(ctx: RuleContext): Draft[] {
  const six = section(ctx, 6)
  if (!six) return [] // S01 reports the missing section
  if (six.text.replace(/\s/g, '').length === 0) return [{ key: 'empty', source: six.headingSource, message: '第六部分“其他需要报告的事项”没有内容' }]
  return []
}

/** Duties unrelated to information disclosure seen in real reports (data; extend with care). */
const OFF_TOPIC_ONE = /无线电|基站|5G|滤波器|频率检测/
const PLAN_IN_SIX = /下一步工作|工作建议|工作打算|下步打算/

/** S09: content that belongs elsewhere or nowhere (the format says 不宜泛化). */
function s09(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  const one = section(ctx, 1)
  const hit = one ? ctx.facts.sentences.find((s) => s.section === 1 && OFF_TOPIC_ONE.test(s.text)) : null
  if (hit) out.push({ key: 'one', source: hit.source, message: `第一部分包含与政府信息公开无关的工作内容：“${hit.text.slice(0, 40)}…”（格式要求“不宜泛化”）` })
  const six = ctx.facts.sentences.find((s) => s.section === 6 && PLAN_IN_SIX.test(s.text))
  if (six) out.push({ key: 'six', source: six.source, message: `第六部分写入了下一步工作计划：“${six.text.slice(0, 30)}…”，改进措施应写在第五部分` })
  return out
}

const TITLE_OK = /^(.{2,60}?)(\d{4})年度?政府信息公开工作年度报告$/

/** Why a title is not in the official form, tested in this order on its match form. */
const TITLE_FAULTS: Array<[RegExp, string]> = [
  [/政务信息公开/, '“政务信息公开”应为“政府信息公开”'],
  [/政务公开工作年度报告/, '“政务公开工作年度报告”应为“政府信息公开工作年度报告”'],
  [/\d{4}\s*[-—至~]\s*\d{4}/, '标题含年份区间'],
  [new RegExp(CN_YEAR.source), '年份应写作阿拉伯数字（如“2023年”）'],
  [/^(?!.*\d{4}年)/, '标题缺少年份'],
  [/^[(\[]?\d{4}[)\]]?年度?[)\]]?(政府信息公开|政务|信息公开)/, '标题缺少机关名称'],
  [/^(政府信息公开|政务信息公开|政务公开|信息公开)/, '标题缺少机关名称'],
  [/^[(\[]?\d{4}/, '年份应写在机关名称之后'],
  [/(公开工作|报告|年报)[(\[]?\d{4}年/, '年份应写在机关名称之后、“政府信息公开工作年度报告”之前']
]

/** S10: the title names the agency, one year and the report exactly. */
function s10(ctx: RuleContext): Draft[] {
  const t = ctx.report.title
  if (!t) return [{ key: 'missing', message: '未找到报告标题：标题应为“{机关名称}{年份}年政府信息公开工作年度报告”' }]
  const k = matchForm(t)
  if (TITLE_OK.test(k)) return []
  const why = TITLE_FAULTS.find(([re]) => re.test(k))?.[1] ?? '名称与格式规定的“政府信息公开工作年度报告”不一致'
  return [{ key: 'title', source: ctx.report.titleSource, message: `报告标题“${t}”不规范：${why}` }]
}

/** S11: each table in its section, none missing or replaced by prose. */
function s11(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  const names = { t2: ['表二', 2], t3: ['表三', 3], t4: ['表四', 4] } as const
  for (const [t, [name, idx]] of Object.entries(names)) {
    const found = ctx.report.tables.find((x) => x.table === t)
    if (!found) {
      const missing = `未找到${name}（应在第${NUMERALS[idx - 1]}部分按表格形式填报）`
      // A picture in the section is likely the table pasted as an image: say so, and point at it.
      const picture = ctx.report.problems.find((p) => p.code === 'table_image' && p.table === t)?.source
      out.push(
        picture?.kind === 'pdf'
          ? { key: t, source: picture, message: `${missing}；第 ${picture.page} 页有图片，表格可能以图片形式插入，数据无法核对，请人工核对或做文字识别（OCR）` }
          : { key: t, message: missing }
      )
    } else if (found.sectionIndex !== null && found.sectionIndex !== idx) {
      out.push({ key: t, source: found.source, message: `${name}位于第${NUMERALS[found.sectionIndex - 1]}部分，应在第${NUMERALS[idx - 1]}部分` })
    } else if (ctx.report.problems.some((p) => p.code === 'table_appendix' && p.table === t)) {
      out.push({ key: t, source: found.source, message: `${name}放在报告正文之后的附件（附表）中，应在第${NUMERALS[idx - 1]}部分按表格形式填报` })
    }
  }
  return out
}

const LATIN_OK = new Set(['ipv6', 'ipv4', 'app', 'pdf', 'html', 'http', 'https', 'www', 'gov', 'com', 'cn', 'wps', 'excel', 'word', 'qq', 'wechat', 'ppt', 'office', 'api', 'url', 'ca', 'oa', 'gdp', 'vpn', 'ofd', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'png', 'wifi', 'led'])
/** A web address (with a scheme or www.) or a mail address. */
const ADDRESS = /(?:https?:\/\/|www\.)[A-Za-z0-9.\-_~:/?#@!$&'*+,;=%]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:gov|com|org|net|edu)\.cn\b[A-Za-z0-9./_?=&%-]*/g
const INTERNAL_NOTES = /以上数据真实有效|可以对外发布|请审核|审核后发布|仅供参考|内部资料|（草稿）|\(草稿\)|征求意见稿|此处填写|××|XX/

/** S12: text artifacts: markdown, stray Latin words, internal notes, a paragraph repeated. */
function s12(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  const markdown = ctx.facts.sentences.filter((s) => /\*\*|^#{1,6}\s|`/.test(s.text))
  if (markdown.length) {
    out.push({ key: 'markdown', source: markdown[0].source, message: `文本中有 ${markdown.length} 处排版标记残留（如“**”），例如：“${markdown[0].text.slice(0, 30)}…”` })
  }
  for (const s of ctx.facts.sentences) {
    // Web and mail addresses are written in Latin letters by nature.
    const addresses = [...s.text.matchAll(ADDRESS)].map((a) => [a.index!, a.index! + a[0].length])
    for (const m of s.text.matchAll(/[A-Za-z][A-Za-z0-9]*/g)) {
      const w = m[0]
      if (addresses.some(([from, to]) => m.index! >= from && m.index! < to)) continue
      if (w.length < 3 || LATIN_OK.has(w.toLowerCase()) || /^[A-Z0-9]{2,6}$/.test(w)) continue
      out.push({ key: `latin:${w}`, source: sourceInSentence(ctx.report.sections, s, m.index!, w.length), message: `中文句子中夹有英文单词“${w}”：“…${s.text.slice(Math.max(0, m.index! - 10), m.index! + w.length + 6)}…”` })
    }
    const note = INTERNAL_NOTES.exec(s.text)
    if (note) out.push({ key: `note:${matchForm(s.text).slice(0, 20)}`, source: sourceInSentence(ctx.report.sections, s, note.index, note[0].length), message: `正文中留有内部说明或未完成的占位内容：“${s.text.slice(0, 40)}”` })
  }
  // The same long sentence in two places (often a copied paragraph).
  const seen = new Map<string, (typeof ctx.facts.sentences)[number]>()
  for (const s of ctx.facts.sentences) {
    // The same sentence under another enumeration (三是… / …) is still the same sentence.
    const k = matchForm(s.text).replace(/^([一二三四五六七八九十]+是|\([一二三四五六七八九十\d]+\)|\d+\.)/, '')
    if (k.length < 25) continue
    const first = seen.get(k)
    if (first) out.push({ key: `dup:${k.slice(0, 20)}`, source: s.source, message: `同一段文字重复出现（第${NUMERALS[first.section - 1]}部分与第${NUMERALS[s.section - 1]}部分）：“${s.text.slice(0, 30)}…”` })
    else seen.set(k, s)
  }
  return out
}

const STAT_PERIOD = /统计(期限|时限|时段|区间|周期|时间)[^。]{0,8}\d{4}\s*年\s*1\s*月\s*1\s*日/

/** S13: the statistics-period sentence (recommended). */
function s13(ctx: RuleContext): Draft[] {
  if (ctx.facts.sentences.some((s) => STAT_PERIOD.test(s.text))) return []
  return [{ key: 'period', message: '未写明统计期限（建议写明“本报告中所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止”）' }]
}

// ---- version -----------------------------------------------------------------------------

function v02(ctx: RuleContext): Draft[] {
  const { year, template } = ctx.report
  if (!year || !template) return []
  if (year >= 2021 && template === '2019') {
    return [{ key: 'template', message: `${year} 年度报告仍使用 2019 年格式（国办公开办函〔2019〕60号），未按照 2021 年新版格式（国办公开办函〔2021〕30号）填报` }]
  }
  if ((year === 2019 || year === 2020) && template === '2021') {
    return [{ key: 'template', message: `${year} 年度报告使用了 2021 年格式，该年度应使用 2019 年格式（国办公开办函〔2019〕60号）` }]
  }
  return []
}

function v03(ctx: RuleContext): Draft[] {
  return ctx.report.problems.filter((p) => p.code === 'template_mixed').map((p) => ({ key: 'mixed', message: p.message }))
}

function v04(ctx: RuleContext): Draft[] {
  const y = ctx.report.year
  return y && y <= 2018 ? [{ key: 'old', message: `${y} 年度报告早于 2019 年格式，本审查规则不适用` }] : []
}

function v05(ctx: RuleContext): Draft[] {
  if ((ctx.report.year ?? 0) < 2021) return []
  const s = ctx.facts.sentences.find((x) => /〔2019〕60号|\[2019\]60号|关于政府信息公开工作年度报告有关事项的通知/.test(x.text.replace(/\s/g, '')))
  return s ? [{ key: 'cite', source: s.source, message: `${ctx.report.year} 年度报告引用了旧格式通知（国办公开办函〔2019〕60号），应为国办公开办函〔2021〕30号` }] : []
}

function v06(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  const amount = ctx.report.labels.find((l) => l.table === 't2' && l.role === 'column' && l.key === 'amount' && /保留\d位小数/.test(matchForm(l.text)))
  if (amount) out.push({ key: 'precision', source: amount.source, message: `表二收费金额表头为地方格式“${amount.text}”（全国格式为“本年收费金额（单位：万元）”），按地方要求核对` })
  for (const l of ctx.report.labels.filter((x) => x.table === 't2' && x.role === 'row' && x.key === null && regionalT2Row(matchForm(x.text)))) {
    out.push({ key: `row:${matchForm(l.text)}`, source: l.source, message: `表二增加了地方扩展行“${l.text}”（非全国格式内容）` })
  }
  // Filling notes after row and column names (湖北's template): said once, with the first.
  const noted = ctx.report.labels.filter((l) => l.table === 't2' && (l.role === 'row' || l.role === 'column') && l.key && fillingNote(matchForm(l.text)))
  if (noted.length) {
    out.push({
      key: 'notes',
      source: noted[0].source,
      message: `表二有 ${noted.length} 个行标签或表头附有地方格式的填报说明（如“${noted[0].text}”），已按名称识别，数值照常读取`
    })
  }
  return out
}

export const STRUCTURE_RULES: RuleDef[] = [
  { id: 'S01', family: 'S', severity: 'error', title: '六个部分齐全', basis: '《条例》第五十条；年度报告格式“不能遗漏”', check: s01 },
  { id: 'S02', family: 'S', severity: 'error', title: '六个部分顺序正确且不重复', basis: '年度报告格式', check: s02 },
  { id: 'S03', family: 'S', severity: 'warning', title: '部分标题与格式一致', basis: '年度报告格式', check: s03 },
  { id: 'S04', family: 'S', severity: 'warning', title: '编号不冲突、列举不重复', basis: '文字规范', check: s04 },
  { id: 'S05', family: 'S', severity: 'warning', title: '总体情况涵盖五个方面', basis: '国办公开办函〔2021〕30号：总体情况主要包括主动公开、依申请公开、政府信息管理、平台建设、监督保障', check: s05 },
  { id: 'S06', family: 'S', severity: 'warning', title: '人民政府报告包括考核、评议、责任追究结果', basis: '《条例》第五十条第四项', check: s06 },
  { id: 'S07', family: 'S', severity: 'warning', title: '第五部分写明问题与改进情况', basis: '《条例》第五十条第四项', check: s07 },
  { id: 'S08', family: 'S', severity: 'warning', title: '第六部分有内容', basis: '年度报告格式', check: s08 },
  { id: 'S09', family: 'S', severity: 'info', title: '内容不宜泛化、不错位', basis: '国办公开办函〔2021〕30号“不宜泛化”', check: s09 },
  { id: 'S10', family: 'S', severity: 'warning', title: '报告标题规范', basis: '《中华人民共和国政府信息公开工作年度报告格式》名称', check: s10 },
  { id: 'S11', family: 'S', severity: 'error', title: '三张表格齐全且在对应部分', basis: '年度报告格式：按表格形式填写', check: s11 },
  { id: 'S12', family: 'S', severity: 'info', title: '文本残留与重复', basis: '文字严谨', check: s12 },
  { id: 'S13', family: 'S', severity: 'info', title: '写明统计期限', basis: 'DB51/T 2660—2019 第2.1条（推荐）', check: s13 },
  { id: 'V01', family: 'V', severity: null, title: '识别格式版本', basis: '表二、表三的格式特征' },
  { id: 'V02', family: 'V', severity: 'error', title: '格式版本与年度相符', basis: '国办公开办函〔2019〕60号、〔2021〕30号', check: v02 },
  { id: 'V03', family: 'V', severity: 'error', title: '新旧格式不混用', basis: '国办公开办函〔2021〕30号', check: v03 },
  { id: 'V04', family: 'V', severity: 'info', title: '2019 年以前的报告不适用', basis: '适用范围', check: v04 },
  { id: 'V05', family: 'V', severity: 'info', title: '引用的格式通知正确', basis: '国办公开办函〔2021〕30号', check: v05 },
  { id: 'V06', family: 'V', severity: 'info', title: '地方格式差异', basis: '地方年报编制通知', check: v06 }
]
