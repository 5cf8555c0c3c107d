/**
 * Document structure: the title (agency and year), the six section headings, and where the
 * three tables lie in the flow of lines.
 */
import { T2_LAYOUTS, T3_ROW_SHORT, T4_COLUMN_LABELS, T4_GROUP_LABELS, type TableId } from '../model/keys'
import type { Provenance } from '../model/report'
import { parseProseNumber } from '../text/cn-numbers'
import { arabicYears, joinFragments, matchForm, normalizeGlyphs } from '../text/normalize'
import { spanOf, type DocLine } from './doc'
import { SECTION_NAMES, SECTION_PATTERNS, FALLBACK_HEADING_SHAPES, HEADING_SHAPES, AGENCY_LINE, SIGN_OFF_DATE, T4_SPANNING, TABLE_START, TITLE_SHAPES } from './labels'
import { hasValues, splitTrailingValues } from './tables/rows'

export interface TitleInfo {
  title: string
  titleRaw: string
  agency: string | null
  year: number | null
  source: Provenance | null
  /** Index of the last line of the title. */
  lastLine: number
}

/** A title without spaces (PDF extraction inserts them: 辉县市人民政府 2023 年…). */
function compact(text: string): string {
  return normalizeGlyphs(text).replace(/\s+/g, '')
}

/** Agency (as printed, may be empty) and year of a compacted title, or null when it is no title. */
function readTitle(text: string): { printedAgency: string; year: number } | null {
  // NFKC and arabicYears keep the characters involved one for one, so spans of `folded` index
  // `text` too.
  const folded = arabicYears(text.normalize('NFKC'))
  for (const shape of TITLE_SHAPES) {
    const m = shape.exec(folded)
    if (!m) continue
    const [from, to] = m.indices!.groups!.agency
    let printedAgency = folded.length === text.length ? text.slice(from, to) : m.groups!.agency
    // An agency's name has no clause punctuation and quotes nothing: "各乡镇人民政府：现将《…" and
    // "2023年，我局…" are body text.
    if (/[，,：:；;。《]/.test(printedAgency)) return null
    // "…人民政府信息公开": the 政府 is both the agency's and the report's.
    if (/人民$/.test(printedAgency) && m.groups!.subject?.startsWith('政府')) printedAgency += '政府'
    return { printedAgency, year: Number(m.groups!.year) }
  }
  return null
}

/**
 * Agency and year of a text that reads as a report's title as a whole (a file name, say), or
 * null. The agency is null when the title names none.
 */
export function readTitleText(text: string): { agency: string | null; year: number } | null {
  const read = readTitle(bareTitle(compact(text)))
  return read && { agency: cleanAgency(read.printedAgency) || null, year: read.year }
}

/**
 * A compacted title line without what a web page puts around it: a field name (名称：…, as the
 * 信息公开目录's file card prints it) or book-title marks around the whole (《…年度报告》).
 */
function bareTitle(text: string): string {
  const field = /^(?:信息|文件)?(?:名称|标题|题名)[:：](.+)$/.exec(text)
  const t = field ? field[1] : text
  const quoted = /^《([^《》]+)》$/.exec(t)
  return quoted ? quoted[1] : t
}

/**
 * A covering notice that issues the report, printed before it under a letterhead
 * (…办公室关于印发《…2023年政府信息公开工作年度报告》的通知): the name of the report it quotes,
 * or null when `text` is no such notice.
 */
function noticeQuote(text: string): string | null {
  if (!/(通知|通报|公告|函)$/.test(text)) return null
  for (const m of text.matchAll(/《([^《》]+)》/g)) if (readTitle(m[1])) return m[1]
  return null
}

/** How far past a covering notice the report's own title is looked for (the notice's few paragraphs). */
const AFTER_NOTICE = 40

/** A title set large on a cover, with a long agency name, takes up to four lines. */
const TITLE_LINES = 4

/**
 * How far down a title may stand at most: a whole web page copied to text puts the site's menu,
 * breadcrumb and file card (dozens of lines) above it. It still stands above the first section.
 */
const TITLE_SEARCH = 300

/**
 * The title is the first run of one to four lines near the top that reads as
 * "{机关}{年份}年…信息公开…年度报告": within the first `limit` lines, or anywhere above the first
 * section's heading (`headings`: the document's, when the caller has found them). Under a
 * covering notice it is the report's own title after the notice, or else the report's name as
 * the notice quotes it.
 */
export function findTitle(lines: DocLine[], limit = 15, headings?: Heading[]): TitleInfo | null {
  // The document's headings when the caller has them; found here otherwise (near the top only).
  const first = limit > 1 ? (headings ?? findHeadings(lines.slice(0, TITLE_SEARCH))).find((h) => h.index === 1) : undefined
  const firstSection = first && first.line < TITLE_SEARCH ? first.line : 0
  let max = Math.min(lines.length, Math.max(limit, firstSection))
  let quoted: TitleInfo | null = null
  for (let i = 0; i < max; i++) {
    // The lines of a notice's title already read are none of the report's: its name wrapped in
    // the quote (…关于印发《上饶市信州区 / 卫生健康委员会2024年…年度报告》的通知) reads as a title
    // naming the wrong agency from its second line.
    let notice = 0
    for (let n = 1; n <= TITLE_LINES && i + n <= lines.length; n++) {
      const window = lines.slice(i, i + n)
      if (window.some((l) => hasValues(l))) break
      const text = bareTitle(compact(joinFragments(window.map((l) => l.text))))
      const quote = noticeQuote(text)
      if (quote) {
        // The notice's own lines only: a letterhead above it is met again without it.
        if (n > 1 && noticeQuote(compact(joinFragments(window.slice(1).map((l) => l.text))))) break
        quoted ??= titleInfo(lines, window, quote, readTitle(quote)!, i + n - 1)
        max = Math.min(lines.length, Math.max(max, i + n + AFTER_NOTICE))
        notice = n
        break
      }
      const read = readTitle(text)
      if (!read) continue
      // A line above the title (a letterhead, a header on the first page only, a web page's
      // breadcrumb) is not its first line: set in another size, or the rest is a title alone.
      if (n > 1 && !continuesTitle(window)) break
      // Body sentences mention the report too ("现公布2021年…年度报告如下"); a title is short.
      if (text.length > 80 || /[。；]/.test(text)) break
      return titleInfo(lines, window, text, read, i + n - 1)
    }
    if (notice) i += notice - 1
  }
  return quoted
}

function titleInfo(lines: DocLine[], window: DocLine[], text: string, read: { printedAgency: string; year: number }, lastLine: number): TitleInfo {
  // The agency as printed (full-width brackets kept); a title without one leaves it to the sign-off.
  const agency = cleanAgency(read.printedAgency) || signOffAgency(lines)
  return {
    title: text,
    titleRaw: joinFragments(window.map((l) => l.raw)),
    agency: agency || null,
    year: read.year,
    source: spanOf(window.map((l) => l.source)),
    lastLine
  }
}

/**
 * Whether a window's first line belongs to the title printed on the lines after it: set in the
 * same size (PDF), or else read from the words themselves.
 */
function continuesTitle(window: DocLine[]): boolean {
  const [first, ...rest] = window
  const sizes = window.map((l) => l.fontSize)
  if (sizes.every((s) => s !== undefined && s > 0)) {
    const ref = rest[rest.length - 1].fontSize!
    if (Math.abs(first.fontSize! - ref) <= 0.2 * ref) return true
  }
  const restText = bareTitle(compact(joinFragments(rest.map((l) => l.text))))
  const alone = readTitle(restText)
  // The rest is no title by itself: the title is wrapped. It is one but names no agency: the
  // first line is its agency if it reads as one ("上海市黄浦区人民政府" / "2022年政府信息公开…").
  if (!alone) return true
  const firstText = compact(first.text).normalize('NFKC')
  const restAgency = cleanAgency(alone.printedAgency).normalize('NFKC')
  if (!restAgency) return AGENCY_LINE.test(firstText)
  // It names only the kind of body (人民政府, 办公室), no place: the first line says whose
  // ("辉县市" / "人民政府" / "2023年政府信息公开" / "工作年度报告" on a cover).
  return !AGENCY_LINE.test(restAgency) && AGENCY_LINE.test(firstText + restAgency)
}

/**
 * The agency of the sign-off at the end of the report (its name on one line, the date on the
 * next), for a title that names none. Empty when the report has no such sign-off.
 */
export function signOffAgency(lines: DocLine[], tail = 8): string {
  const last = lines.slice(Math.max(0, lines.length - tail))
  for (let i = last.length - 1; i > 0; i--) {
    if (!SIGN_OFF_DATE.test(arabicYears(matchForm(last[i].text)))) continue
    const name = compact(last[i - 1].text)
    if (AGENCY_LINE.test(name.normalize('NFKC'))) return cleanAgency(name)
  }
  return ''
}

function cleanAgency(a: string): string {
  // 关于 before the name (关于…的通知) or after it (辉县市人民政府关于2023年…年度报告).
  let s = a.replace(/^[《「“"'\s]+/, '').replace(/^关于/, '').replace(/关于$/, '').replace(/[》」”"'\s]+$/, '')
  // Brackets around the whole name are quoting; a bracket that closes one inside the name stays.
  const balance = (t: string) => (t.match(/[（(]/g)?.length ?? 0) - (t.match(/[）)]/g)?.length ?? 0)
  while (/^[（(]/.test(s) && balance(s) > 0) s = s.slice(1)
  while (/[）)]$/.test(s) && balance(s) < 0) s = s.slice(0, -1)
  return s
}

/** A report beginning inside a document: its title, and where it is. */
export interface ReportStart {
  agency: string | null
  year: number | null
  line: number
  source: Provenance | null
}

/**
 * Every report that begins in the document: a title followed within a few lines by the first
 * section's heading (一、总体情况), and then by a table 3 of its own before the next such title.
 * A compilation (汇编) of a county's reports has one per report; a single report has one,
 * whatever its body says about other reports, and a cover page with a table of contents
 * before the title on the first page of the text counts once.
 */
export function findReportStarts(lines: DocLine[]): ReportStart[] {
  const found: ReportStart[] = []
  for (let i = 0; i < lines.length; i++) {
    if (hasValues(lines[i])) continue
    const t = findTitle(lines.slice(i, i + 3), 1)
    if (!t) continue
    const after = t.lastLine + i + 1
    if (!findHeadings(lines.slice(after, after + 6)).some((h) => h.index === 1)) continue
    found.push({ agency: t.agency, year: t.year, line: i, source: t.source })
    i = after
  }
  const hasT3 = (from: number, to: number) => lines.slice(from, to).some((l) => TABLE_START.t3.test(matchForm(l.text)))
  return found.filter((s, k) => hasT3(s.line, found[k + 1]?.line ?? lines.length))
}

export interface Heading {
  index: number
  line: number
  text: string
  raw: string
  source: Provenance
}

/**
 * A table of contents' entry: a heading, then leader dots or a gap, then its page number. (A page
 * number standing apart in a PDF line is a value of its own, and such a line no heading anyway.)
 */
const TOC_ENTRY = /(?:[.．·•‧∙…⋯‥_＿\-—–]{2,}|\s)\s*\d{1,3}\s*$/

/** An appendix after the report (附件：…, 附表 1): the captions of the tables it holds are no sections (see extract.ts). */
const APPENDIX = /^附[件表][\d一二三四五六七八九十]*(?:[:：、.]|$)/

/**
 * Where an appendix begins after the last section (六、其他需要报告的事项), as when the tables
 * are moved to 附表 at the end; null when there is none. The sections end there.
 */
export function findAppendix(lines: DocLine[], headings: Heading[]): number | null {
  const last = headings.find((h) => h.index === 6)
  if (!last) return null
  for (let i = last.line + 1; i < lines.length; i++) if (!hasValues(lines[i]) && APPENDIX.test(matchForm(lines[i].text))) return i
  return null
}

/** A line that could be a heading: no values, not a sentence, not a table of contents' entry. */
function headingLine(l: DocLine): boolean {
  // A heading is a title, not a sentence (checked before width folding turns 。 into .).
  if (hasValues(l) || /[。；;，,]/.test(l.text.replace(/^[(（【]?[一二三四五六七八九十\d][)）】]?\s*[、.．，,:：]?/, ''))) return false
  // The report's table of contents lists the headings with their pages: not the sections.
  return !TOC_ENTRY.test(l.text)
}

const numberOf = (n: string) => parseProseNumber(n) ?? 0

/**
 * The section headings, in document order (duplicates and disorder kept for the rules). When
 * fewer than three sections have a heading of the official shapes, the other shapes are read
 * (FALLBACK_HEADING_SHAPES) and kept if one of them finds three sections or more; when some
 * sections have one, a missing section is taken from the others under its official name.
 */
export function findHeadings(lines: DocLine[], from = 0): Heading[] {
  const out: Heading[] = []
  const heading = (i: number, index: number): Heading => ({ index, line: i, text: headingText(lines[i].text), raw: lines[i].raw, source: lines[i].source })
  // Match forms, made once for both passes.
  const keys: string[] = []
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]
    const k = (keys[i] = matchForm(l.text))
    const shape = HEADING_SHAPES.find((s) => s.pattern.test(k) && (!s.printed || s.printed.test(l.text.trim())))
    const m = shape?.pattern.exec(k)
    if (!m || !headingLine(l)) continue
    const hits = SECTION_PATTERNS.filter((p) => p.keywords.test(m[2]))
    if (hits.length === 0) continue
    const chosen = hits.find((h) => h.index === numberOf(m[1])) ?? hits[0]
    out.push(heading(i, chosen.index))
  }
  const sections = (hs: Heading[]) => new Set(hs.map((h) => h.index)).size
  if (sections(out) === SECTION_PATTERNS.length) return out
  const byLine = (a: Heading, b: Heading) => a.line - b.line
  // Headings of the other shapes, one list per shape (the last: no number). `named`: the words
  // after the number are a section's official name (主动公开政府信息情况, not 主动公开情况).
  const byShape: Array<Array<{ h: Heading; named: boolean }>> = Array.from({ length: FALLBACK_HEADING_SHAPES.length + 1 }, () => [])
  for (let i = from; i < lines.length; i++) {
    const k = keys[i]
    if (k.length > 42) continue
    const found: Array<[number, { h: Heading; named: boolean }]> = []
    const bare = SECTION_NAMES.find((s) => s.name === k)
    if (bare) found.push([FALLBACK_HEADING_SHAPES.length, { h: heading(i, bare.index), named: true }])
    FALLBACK_HEADING_SHAPES.forEach((re, n) => {
      const m = re.exec(k)
      const index = m ? numberOf(m[1]) : 0
      if (m && SECTION_PATTERNS.some((p) => p.index === index && p.keywords.test(m[2]))) {
        found.push([n, { h: heading(i, index), named: SECTION_NAMES.some((s) => s.index === index && s.name === m[2]) }])
      }
    })
    // The line's own checks (values, sentence, contents entry) only for a line of such a shape.
    if (found.length && headingLine(lines[i])) for (const [n, c] of found) byShape[n].push(c)
  }
  if (sections(out) >= 3) {
    // A section the official shapes missed (its heading lost its number, or has another): taken
    // where the order of the others puts it, and only under its official name, since a list
    // inside the section before may start with the same words ((二)主动公开情况).
    const fits = (h: Heading) => out.every((o) => (o.index < h.index ? o.line < h.line : o.index > h.index ? o.line > h.line : false))
    const fill = byShape
      .flat()
      .filter((c) => c.named && fits(c.h))
      .sort((a, b) => byLine(a.h, b.h))
      .filter((c, n, all) => all.findIndex((x) => x.h.index === c.h.index) === n)
    return [...out, ...fill.map((c) => c.h)].sort(byLine)
  }
  const family = byShape.reduce((a, b) => (sections(b.map((c) => c.h)) > sections(a.map((c) => c.h)) ? b : a))
  if (sections(family.map((c) => c.h)) < 3) return out
  // A list inside a section numbered the same way ((二)主动公开情况 under (一)总体情况) repeats a
  // section's number: where one heading of that number has the section's name, the others are the list.
  const other = family.filter((c) => c.named || !family.some((o) => o.named && o.h.index === c.h.index)).map((c) => c.h)
  const taken = new Set(other.map((h) => h.line))
  return [...other, ...out.filter((h) => !taken.has(h.line))].sort(byLine)
}

/**
 * A heading as shown: without the spaces PDF extraction puts between glyphs (总 体 情 况), but
 * with the one that numbers it where the heading has no 、 (第一部分 总体情况, 一 总体情况).
 */
function headingText(text: string): string {
  const whole = compact(text)
  const numbering = /^(第[一二三四五六七八九十](?:部分|章)|[一二三四五六七八九十])[ \t\u3000]+(?![、.．,，:：])/.exec(normalizeGlyphs(text).trim())
  return numbering ? `${numbering[1]} ${whole.slice(numbering[1].length)}` : whole
}

export interface Region {
  table: TableId
  start: number
  /** Exclusive. */
  end: number
}

/**
 * The last official row of each table, in match form: table 2's last block's last row (2021:
 * 行政事业性收费; 2019: 政府集中采购, after a 行政事业性收费 of its own), table 3's 结转下年度.
 */
const LAST_ROWS = {
  t2: [...new Set(Object.values(T2_LAYOUTS).map((blocks) => matchForm(blocks.at(-1)!.rows.at(-1)!.label)))],
  t3: [matchForm(T3_ROW_SHORT.carry_next)]
}

/**
 * Where a table ends when its last official row is found in [start, end): after that row's
 * values (on its line, or on the lines after a label printed alone, one cell per line) and
 * the rest of its wrapped label. A table of the office's own that follows in the same
 * section (主动公开信息分类统计, say) is then prose and its own lines, not more rows of this one.
 */
function endAfterLastRow(lines: DocLine[], k: string[], start: number, end: number, labels: string[]): number {
  // A line's label, with the lines of it wrapped above and below (行政事业性收 5,356.5572 / 费).
  const labelOf = (i: number) => matchForm(splitTrailingValues(lines[i]).label.map((w) => w.text).join(''))
  const wrapped = (i: number) => (i > start && i < end && !hasValues(lines[i]) ? k[i] : '')
  const named = (i: number) => labels.some((l) => k[i].includes(l) || (hasValues(lines[i]) && (wrapped(i - 1) + labelOf(i) + wrapped(i + 1)).includes(l)))
  let at = -1
  for (let i = end - 1; i > start && at < 0; i--) if (named(i)) at = i
  if (at < 0) return end
  // The row's values: on its label's line, or on the next lines (a label alone, one cell per line).
  let last = at
  while (last + 1 < end && !hasValues(lines[last]) && last - at < 3) last++
  if (!hasValues(lines[last])) return end
  while (last + 1 < end && hasValues(lines[last + 1])) last++
  // The rest of a wrapped label: short lines without values.
  let e = last + 1
  while (e < end && e - last <= 2 && !hasValues(lines[e]) && k[e].length <= 8) e++
  return e
}

/** A header line of a further block of table 4: its groups (行政诉讼 …) or its columns (结果维持 …). */
const T4_BLOCK_HEAD = new RegExp(`${T4_SPANNING.source}|结果维持|结果纠正|尚未审结`)
/** The characters of table 4's heads: its columns' names wrapped in narrow cells print them in pieces (结果维 | 持). */
const T4_HEAD_CHARS = new Set([...Object.values(T4_COLUMN_LABELS), ...Object.values(T4_GROUP_LABELS), '合计其它'].join('').replace(/·/g, ''))
const t4HeadPieces = (k: string) => k.length >= 2 && [...k].every((c) => T4_HEAD_CHARS.has(c))

/**
 * Where each table lies. Tables are found by their own anchors (captions, the 勾稽 note, the
 * 行政复议 header), not only by the section headings, so a table in the wrong section or a
 * missing heading does not lose it.
 */
export function findRegions(lines: DocLine[], headings: Heading[], from = 0): Region[] {
  const k = lines.map((l) => matchForm(l.text))
  const headingAt = new Map(headings.map((h) => [h.line, h.index]))
  const find = (re: RegExp, start: number, end = lines.length) => {
    for (let i = start; i < end; i++) if (!headingAt.has(i) && re.test(k[i])) return i
    return -1
  }
  const nextHeading = (after: number, indexes: number[]) => {
    for (const h of headings) if (h.line > after && indexes.includes(h.index)) return h.line
    return lines.length
  }
  const regions: Region[] = []
  const s2 = find(TABLE_START.t2, from)
  let s3 = find(TABLE_START.t3, Math.max(from, s2 + 1))
  if (s3 < 0) s3 = find(/本年新收/, Math.max(from, s2 + 1))
  const s4 = find(TABLE_START.t4, Math.max(from, s3 + 1, s2 + 1))
  if (s2 >= 0) {
    const end = Math.min(s3 >= 0 ? s3 : lines.length, s4 >= 0 ? s4 : lines.length, nextHeading(s2, [3, 4, 5, 6]))
    regions.push({ table: 't2', start: s2, end: endAfterLastRow(lines, k, s2, end, LAST_ROWS.t2) })
  }
  if (s3 >= 0) {
    const end = Math.min(s4 >= 0 ? s4 : lines.length, nextHeading(s3, [4, 5, 6]))
    regions.push({ table: 't3', start: s3, end: endAfterLastRow(lines, k, s3, end, LAST_ROWS.t3) })
  }
  if (s4 >= 0) {
    let end = nextHeading(s4, [5, 6])
    // The table ends after its value row; prose that follows belongs to the section. A table
    // set as blocks one under another (行政复议, then 行政诉讼) goes on where a header of
    // its groups or columns follows, with values under it.
    const data = lines.findIndex((l, i) => i > s4 && i < end && hasValues(l))
    if (data >= 0) {
      let j = data + 1
      for (;;) {
        while (j < end && hasValues(lines[j])) j++
        let h = j
        // Header lines: the groups and columns, and the rest of column labels wrapped in narrow
        // cells; one cell a line (a web table copied as text), 行政诉讼's two groups and ten heads.
        while (h < end && h - j < 14 && !hasValues(lines[h]) && (T4_BLOCK_HEAD.test(k[h]) || k[h].length <= 12 || t4HeadPieces(k[h]))) h++
        // The table turned (each group a row named in its first column): the next row names its
        // group itself, after the rest of a label wrapped around the row above (诉）).
        const named = T4_BLOCK_HEAD.test(k[h]) || k.slice(j, h).some((x) => T4_BLOCK_HEAD.test(x))
        if (h === j || h >= end || !hasValues(lines[h]) || !named) break
        j = h
      }
      end = j
    }
    regions.push({ table: 't4', start: s4, end })
  }
  return regions
}
