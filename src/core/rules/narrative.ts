/**
 * Facts stated in the report's prose, for the narrative rules (N, Y, F): how many
 * applications, reviews and suits the text claims, what it denies, what it says about fees,
 * and which years it mentions. Numbers may be Arabic or Chinese (两件, 十二件); approximate
 * wording (余/多/近/约) is recorded so that rules can lower their severity.
 */
import type { Provenance, Section } from '../model/report'
import { parseProseNumber } from '../text/cn-numbers'

export interface Sentence {
  section: number
  text: string
  /** Where the sentence starts: the line of its first character. */
  source: Provenance | null
  /** Offset in the section's text of the sentence's first character (the text drops line breaks). */
  at: number
}

export type FactKind = 'applications' | 'carried' | 'carry_next' | 'opened' | 'answered' | 'review' | 'suit' | 'norm_docs' | 'regulations'

export interface Fact {
  kind: FactKind
  value: number
  approx: boolean
  /** The number covers only part of the year (上半年, 一季度, 1-6月). */
  partial: boolean
  /** The number as written, with its unit: "121 件", "两件". */
  quote: string
  sentence: Sentence
}

export interface Negation {
  kind: 'applications' | 'review' | 'suit'
  sentence: Sentence
}

export interface FeeStatement {
  sentence: Sentence
  /** Says no fee arose / none was charged / 0 元. */
  none: boolean
  amounts: Array<{ value: number; unit: '元' | '万元' | null; quote: string }>
  mentionsNotices: boolean
  mentionsCollected: boolean
}

export interface NarrativeFacts {
  sentences: Sentence[]
  facts: Fact[]
  negations: Negation[]
  fees: FeeStatement[]
}

const NUM = '(\\d[\\d,，]*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万]+)'
const APPROX_BEFORE = '(近|约|大约|逾|超过|共约)?'
const APPROX_AFTER = '(余|多)?'

/** A quantity with its unit, for the given units. */
function quantity(units: string): RegExp {
  return new RegExp(`${APPROX_BEFORE}\\s*${NUM}\\s*${APPROX_AFTER}\\s*(${units})`, 'g')
}

const PARTIAL = /上半年|下半年|第[一二三四1-4]季度|一季度|二季度|三季度|四季度|\d{1,2}\s*[-－—至到~]\s*\d{1,2}\s*月|[一二三四五六七八九十]{1,2}至[一二三四五六七八九十]{1,2}月/

interface Pattern {
  kind: FactKind
  /** The sentence must contain this. */
  when: RegExp
  /** The quantity is looked for after the first match of this. */
  after: RegExp
  units: string
  /** Maximum distance (characters) between the anchor and the number. */
  within: number
}

/** Statement patterns (data): which words introduce which table figure. */
const PATTERNS: Pattern[] = [
  { kind: 'applications', when: /申请/, after: /(共收到|收到|受理|新收|接收|接到)/, units: '件|份|个|条', within: 24 },
  { kind: 'carried', when: /上年结转/, after: /上年结转/, units: '件|份|个', within: 10 },
  { kind: 'carry_next', when: /结转(至|到)?下(一)?年/, after: /结转(至|到)?下(一)?年(度)?/, units: '件|份|个', within: 10 },
  { kind: 'opened', when: /予以公开/, after: /予以公开/, units: '件|份|个', within: 6 },
  { kind: 'answered', when: /(答复|办结)/, after: /(已)?(答复|办结)/, units: '件|份|个', within: 8 },
  { kind: 'review', when: /复议/, after: /(行政复议|申请复议|复议)/, units: '件|起|宗|次', within: 10 },
  { kind: 'suit', when: /诉讼|起诉/, after: /(行政诉讼|提起诉讼|被起诉|起诉|诉讼)/, units: '件|起|宗|次', within: 10 },
  { kind: 'norm_docs', when: /规范性文件/, after: /(制发|印发|出台|制定|新制作|发布)[^，。；]{0,8}规范性文件|规范性文件/, units: '件|个|份', within: 8 },
  { kind: 'regulations', when: /规章/, after: /(制发|印发|出台|制定|新制作)[^，。；]{0,6}规章|规章/, units: '件|个|部', within: 6 }
]

const NEGATIONS: Array<{ kind: Negation['kind']; clause: RegExp }> = [
  { kind: 'review', clause: /(未|没有|无)(发生|产生|出现|收到|接到|因|被)?[^，。；]{0,24}复议/ },
  { kind: 'suit', clause: /(未|没有|无)(发生|产生|出现|收到|接到|因|被)?[^，。；]{0,30}(诉讼|起诉)/ },
  { kind: 'applications', clause: /(未|没有)(收到|受理|接到)[^，。；]{0,12}申请|无(政府信息公开|依申请公开)申请/ }
]

const TERMINAL = /[。；;！!？?]/
/** A line that starts a new item: （一）, 一、, 1., 一是, 第一. */
const ITEM_START = /^\s*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[.、．]|[一二三四五六七八九十]是|第[一二三四五六七八九十]+)/

const BLANK = /[ \t\u3000\u00a0]/

/**
 * Whether a character goes when a sentence's lines are joined: a line break, and the spaces
 * around it (a line's trailing spaces, the next line's indent), which would otherwise show in
 * the middle of a quoted sentence (没有在思想   上引起).
 */
function joinDrops(t: string, i: number): boolean {
  if (t[i] === '\n') return true
  if (!BLANK.test(t[i])) return false
  let a = i
  while (a > 0 && BLANK.test(t[a - 1])) a--
  let b = i
  while (b + 1 < t.length && BLANK.test(t[b + 1])) b++
  return t[a - 1] === '\n' || t[b + 1] === '\n'
}

function joinLines(t: string): string {
  let out = ''
  for (let i = 0; i < t.length; i++) if (!joinDrops(t, i)) out += t[i]
  return out
}

/**
 * Splits a section's text into sentences and maps each back to its source line. A line break
 * ends a sentence only after sentence punctuation (or a colon) or before a new item: PDF lines
 * wrap in mid-sentence, and so do some TXT files.
 */
function sentencesOf(section: Section): Sentence[] {
  const out: Sentence[] = []
  const t = section.text
  let start = 0
  const push = (end: number) => {
    const raw = t.slice(start, end)
    const text = joinLines(raw).trim()
    const at = start + (raw.length - raw.trimStart().length)
    if (text.length >= 2) out.push({ section: section.index, text, source: sourceAt(section, at, end - start), at })
    start = end
  }
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]
    if (TERMINAL.test(ch)) push(i + 1)
    else if (ch === '\n') {
      const before = t.slice(start, i).trimEnd()
      const nextLine = t.slice(i + 1, t.indexOf('\n', i + 1) < 0 ? t.length : t.indexOf('\n', i + 1))
      if (before.length === 0) start = i + 1
      else if (/[：:]$/.test(before) || ITEM_START.test(nextLine)) push(i + 1)
    }
  }
  if (start < t.length) push(t.length)
  return out
}

/** The provenance of a span of a section's text: the line it starts on (a char range for TXT). */
export function sourceAt(section: Section, at: number, length: number): Provenance | null {
  const line = [...section.lines].reverse().find((l) => l.at <= at)
  if (!line || !line.source) return null
  if (line.source.kind === 'txt') {
    const start = line.source.start + (at - line.at)
    return { kind: 'txt', start, end: Math.min(line.source.end, start + length) }
  }
  return line.source
}

/**
 * The provenance of `length` characters at `index` of a sentence's text: the line they are on,
 * which for a sentence wrapped over several lines is not always its first.
 */
export function sourceInSentence(sections: Section[], s: Sentence, index: number, length: number): Provenance | null {
  const section = sections.find((x) => x.index === s.section)
  if (!section) return s.source
  const t = section.text
  // The sentence's text is the section's with line breaks dropped: count the other characters.
  let pos = s.at
  for (let seen = 0; pos < t.length && seen < index; pos++) if (!joinDrops(t, pos)) seen++
  while (pos < t.length && joinDrops(t, pos)) pos++
  return sourceAt(section, pos, length) ?? s.source
}

/** Years written in a sentence, outside 《document titles》 and 〔文号〕. */
export function yearsIn(text: string): number[] {
  const stripped = text.replace(/《[^》]*》/g, '').replace(/[〔［\[][^〕］\]]*[〕］\]]/g, '')
  return [...stripped.matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1])).filter((y) => y >= 1990 && y <= 2100)
}

function readQuantity(text: string, from: number, units: string, within: number): { value: number; approx: boolean; quote: string } | null {
  const re = quantity(units)
  re.lastIndex = from
  const m = re.exec(text)
  if (!m || m.index - from > within) return null
  const value = parseProseNumber(m[2])
  if (value === null) return null
  return { value, approx: !!(m[1] || m[3]), quote: m[0].trim() }
}

export function narrativeFacts(sections: Section[]): NarrativeFacts {
  const sentences = sections.flatMap(sentencesOf)
  const facts: Fact[] = []
  const negations: Negation[] = []
  const fees: FeeStatement[] = []
  for (const s of sentences) {
    for (const p of PATTERNS) {
      if (!p.when.test(s.text)) continue
      const anchor = p.after.exec(s.text)
      if (!anchor) continue
      const q = readQuantity(s.text, anchor.index + anchor[0].length, p.units, p.within)
      if (!q) continue
      // 复议 inside "复议后起诉" is about suits, and a review count must not be read from it.
      if (p.kind === 'review' && /复议后/.test(s.text.slice(anchor.index, anchor.index + 6))) continue
      facts.push({ kind: p.kind, value: q.value, approx: q.approx, partial: PARTIAL.test(s.text), quote: q.quote, sentence: s })
    }
    for (const n of NEGATIONS) {
      if (n.clause.test(s.text) && !/避免/.test(s.text)) negations.push({ kind: n.kind, sentence: s })
    }
    if (/信息处理费|处理费|(收取|收)[^，。；]{0,6}费用|收费通知/.test(s.text)) {
      const amounts = [...s.text.matchAll(new RegExp(`${NUM}\\s*(万元|元)?(?=[^\\d]|$)`, 'g'))]
        .filter((m) => m[2] || /费[^，。；]{0,6}$/.test(s.text.slice(0, m.index)))
        .map((m) => ({ value: parseProseNumber(m[1]) ?? NaN, unit: (m[2] as '元' | '万元' | undefined) ?? null, quote: m[0].trim() }))
        .filter((a) => Number.isFinite(a.value))
      fees.push({
        sentence: s,
        none: /(没有|未|无)(产生|收取|发生|收)|不收取|免收|免费|(^|[^\d.])0\s*(元|万元)/.test(s.text),
        amounts,
        mentionsNotices: /收费通知|缴费通知|通知书/.test(s.text),
        mentionsCollected: /实际收取|实收|已收取|收取.{0,4}(总)?金额/.test(s.text)
      })
    }
  }
  return { sentences, facts, negations, fees }
}
