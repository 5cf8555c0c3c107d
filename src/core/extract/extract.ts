/**
 * From a document (TXT or PDF lines) to the extracted report: title, sections, every table
 * cell under its canonical key with provenance, table labels, and structural problems.
 */
import { partlyGarbled } from '../text/garble'
import { allKeys, TABLE_NAMES, type TableId, type Template } from '../model/keys'
import type { Cell, ExtractedReport, Provenance, Section, StructuralProblem, TableLabel } from '../model/report'
import { joinFragments } from '../text/normalize'
import type { DocLine, Segment, SourceDoc } from './doc'
import { findAppendix, findHeadings, findRegions, findTitle, type Heading, type Region } from './structure'
import { lostCell, type TableOutput } from './tables/output'
import { outOfOrder } from './tables/out-of-order'
import { splitTrailingValues } from './tables/rows'
import { parseT2 } from './tables/t2'
import { parseT3 } from './tables/t3'
import { parseT4 } from './tables/t4'
import { joinSpreadGlyphs } from './tables/spread'
import { joinVerticalText } from './tables/vertical'

/** The section each table belongs to. */
const SECTION_OF_TABLE: Record<TableId, number> = { t2: 2, t3: 3, t4: 4 }

/**
 * The first page of a section (from its heading to the next one) that paints a picture large
 * enough to be a table: offices paste tables as screenshots. Null for TXT, or when the section
 * has no heading to place it by.
 */
async function pictureInSection(doc: SourceDoc, headings: Heading[], section: number): Promise<Provenance | null> {
  if (!doc.pictures) return null
  const at = headings.findIndex((h) => h.index === section)
  if (at < 0) return null
  const from = doc.lines[headings[at].line]?.page
  const next = headings[at + 1]
  const to = next ? doc.lines[next.line]?.page : doc.pages.length
  if (from === undefined || to === undefined) return null
  for (let p = from; p <= to; p++) {
    if ((await doc.pictures(p)) > 0) {
      const info = doc.pages.find((x) => x.page === p)
      return { kind: 'pdf', page: p, box: [0, 0, info?.width ?? 0, info?.height ?? 0] }
    }
  }
  return null
}

/** Page numbers as a reader says them: 3, 3–4, 3、5. */
function pageList(pages: number[]): string {
  const contiguous = pages.every((p, i) => i === 0 || p === pages[i - 1] + 1)
  return contiguous && pages.length > 1 ? `${pages[0]}–${pages.at(-1)}` : pages.join('、')
}

/**
 * The tables read from the invisible OCR text layer of a scan, one problem each. Only a PDF with
 * a page-sized picture is looked at (doc.ocrLayer is absent otherwise: reading a page's
 * operators costs about as much as reading its text). A searchable scan is one throughout, so
 * the first table's first page decides whether the others are looked at.
 */
async function ocrLayers(doc: SourceDoc, regions: Array<Region | undefined>): Promise<StructuralProblem[]> {
  const { ocrLayer } = doc
  if (!ocrLayer) return []
  const found = regions.filter((r): r is Region => r !== undefined)
  const pagesOf = (r: Region) => [...new Set(doc.lines.slice(r.start, r.end).map((l) => l.page).filter((p): p is number => p !== undefined))].sort((a, b) => a - b)
  const first = found[0] ? pagesOf(found[0])[0] : undefined
  if (first === undefined || !(await ocrLayer(first))) return []
  const out: StructuralProblem[] = []
  for (const r of found) {
    const pages: number[] = []
    for (const p of pagesOf(r)) if (await ocrLayer(p)) pages.push(p)
    if (!pages.length) continue
    out.push({
      code: 'ocr_text',
      table: r.table,
      row: null,
      keys: [],
      message: `${TABLE_NAMES[r.table]}的文字取自扫描图像上的 OCR 识别层（第 ${pageList(pages)} 页），数值是识别结果，可能有误，须对照原件核对`,
      source: doc.lines[r.start]?.source ?? null
    })
  }
  return out
}

export async function extractReport(doc: SourceDoc): Promise<ExtractedReport> {
  const { lines } = doc
  // Headings are read once: the title stands above the first, the sections start below it.
  const allHeadings = findHeadings(lines)
  const title = findTitle(lines, undefined, allHeadings)
  const bodyStart = title ? title.lastLine + 1 : 0
  // Past the last section, an appendix (the tables moved to 附表, say) holds no more sections.
  const found = allHeadings.filter((h) => h.line >= bodyStart)
  const appendix = findAppendix(lines, found)
  const headings = appendix === null ? found : found.filter((h) => h.line < appendix)
  const regions = findRegions(lines, headings, bodyStart)

  const regionOf = (t: TableId) => regions.find((r) => r.table === t)
  // Once a table page turns out to have no ruling lines, the document is taken as printed
  // without them: further pages are not probed.
  let unruled = false
  const rulings = async (page: number): Promise<Segment[]> => {
    if (doc.kind !== 'pdf' || !doc.rulings || unruled) return []
    const segs = await doc.rulings(page)
    if (segs.filter((s) => s.orient === 'h').length < 2) unruled = true
    return segs
  }
  const ctx = { kind: doc.kind, rulings }
  // A table's lines, with vertical text and glyphs spread over a ruled cell joined (PDF).
  const tableLines = (r: Region) => {
    const slice = lines.slice(r.start, r.end)
    return doc.kind === 'pdf' ? joinSpreadGlyphs(joinVerticalText(slice), rulings) : Promise.resolve(slice)
  }

  const cells: Record<string, Cell> = {}
  const labels: TableLabel[] = []
  const problems: StructuralProblem[] = []
  const tables: ExtractedReport['tables'] = []
  const sectionOfLine = (line: number): number | null => {
    if (appendix !== null && line >= appendix) return null
    let idx: number | null = null
    for (const h of headings) if (h.line <= line) idx = h.index
    return idx
  }

  const r2 = regionOf('t2')
  const r3 = regionOf('t3')
  const r4 = regionOf('t4')
  const yearTemplate: Template | null = title?.year ? (title.year >= 2021 ? '2021' : '2019') : null

  let t2Template: Template | null = null
  let t3Template: Template | null = null
  const rowFill = new Map<TableId, TableOutput['rowFill']>()
  const collect = (r: Region, out: TableOutput) => {
    rowFill.set(r.table, out.rowFill)
    Object.assign(cells, out.cells)
    labels.push(...out.labels)
    problems.push(...out.problems)
    tables.push({ table: r.table, source: lines[r.start]?.source ?? null, sectionIndex: sectionOfLine(r.start) })
  }
  if (r2) {
    const out = await parseT2(await tableLines(r2), ctx, yearTemplate)
    t2Template = out.template
    collect(r2, out)
  }
  if (r3) {
    const out = await parseT3(await tableLines(r3), ctx, t2Template ?? yearTemplate)
    t3Template = out.template
    collect(r3, out)
  }
  if (r4) collect(r4, parseT4(await tableLines(r4), ctx))

  problems.push(...(await ocrLayers(doc, [r2, r3, r4])))
  const garble = doc.kind === 'pdf' ? partlyGarbled(lines) : null
  if (garble) {
    problems.push({
      code: 'text_garbled',
      table: null,
      row: null,
      keys: [],
      message:
        `PDF 的文字层有部分字符解码错误（约占汉字的 ${Math.max(1, Math.round(garble.share * 100))}%，如“${garble.samples.map((s) => s.text).join('”“')}”）：` +
        '含这些字的标签无法识别，相应的行和单元格记为缺失，须对照原件核对；文件可能经过转换或压缩工具处理，可索取原始文件',
      source: garble.samples[0].line.source
    })
  }

  const named: Array<[TableId, string]> = [
    ['t2', '表二（主动公开政府信息情况）'],
    ['t3', '表三（收到和处理政府信息公开申请情况）'],
    ['t4', '表四（行政复议、行政诉讼情况）']
  ]
  // A table whose text is out of order (see tables/out-of-order.ts): each row says what it lost
  // (L07); this says why, once, and what to do.
  if (doc.kind === 'txt') {
    for (const [t, name] of named) {
      const r = regionOf(t)
      if (!r) continue
      const own = Object.fromEntries(Object.entries(cells).filter(([k]) => k.startsWith(`${t}.`)))
      const lost = outOfOrder(own, rowFill.get(t) ?? [], lines.slice(r.start, r.end))
      if (!lost) continue
      const keys = Object.keys(own)
      problems.push({
        code: 'table_scrambled',
        table: t,
        row: null,
        keys: lost,
        message: `${name}有 ${lost.length}/${keys.length} 个单元格无法与行列对应：文本中表格的文字顺序可能被打乱（如从 PDF 按列导出、或在阅读器中复制的文本），这些单元格记为缺失；建议改为导入原 PDF 文件，或对照原件核对`,
        source: lines[r.start]?.source ?? null
      })
    }
  }
  // Each table: missing, or in an appendix after the sections.
  for (const [t, name] of named) {
    const r = regionOf(t)
    if (r && appendix !== null && r.start >= appendix) {
      problems.push({ code: 'table_appendix', table: t, row: null, keys: [], message: `${name}在报告正文之后的附件（附表）中`, source: lines[r.start]?.source ?? null })
    }
    if (r) continue
    problems.push({ code: 'table_missing', table: t, row: null, keys: [], message: `未找到${name}`, source: null })
    const picture = await pictureInSection(doc, headings, SECTION_OF_TABLE[t])
    if (picture?.kind === 'pdf') {
      problems.push({
        code: 'table_image',
        table: t,
        row: null,
        keys: [],
        message: `未找到${name}，第 ${picture.page} 页有图片：表格可能以图片形式插入，数据无法读取`,
        source: picture
      })
    }
  }

  if (!title) {
    problems.push({
      code: 'title_missing',
      table: null,
      row: null,
      keys: [],
      message: '未找到报告标题（应为“{机关名称}{年份}年政府信息公开工作年度报告”），无法从标题读出机关名称和年度',
      source: lines[0]?.source ?? null
    })
  }
  const template = t2Template ?? t3Template
  if (t2Template && t3Template && t2Template !== t3Template) {
    problems.push({
      code: 'template_mixed',
      table: null,
      row: null,
      keys: [],
      message: `表二为${t2Template}年格式，表三为${t3Template}年格式：新旧格式混用`,
      source: null
    })
  }
  // Every key of the layout is present: a table or row that was not found is null, not absent.
  const t2Keys = t2Template ?? (r2 ? null : template ?? yearTemplate)
  const t3Keys = t3Template ?? (r3 ? null : template ?? yearTemplate)
  for (const k of allKeys(t2Keys, t3Keys)) if (!cells[k]) cells[k] = lostCell(k)

  const inTables = new Set<number>()
  for (const r of regions) for (let i = r.start; i < r.end; i++) inTables.add(i)
  return {
    title: title?.title ?? null,
    titleRaw: title?.titleRaw ?? null,
    titleSource: title?.source ?? null,
    agency: title?.agency ?? null,
    year: title?.year ?? null,
    template,
    t2Template,
    t3Template,
    sections: buildSections(lines, headings, inTables, appendix ?? lines.length),
    cells,
    labels,
    problems,
    tables
  }
}

/** The sections' text, table lines left out; the last section ends at `end` (an appendix, or the document's end). */
function buildSections(lines: DocLine[], headings: Heading[], tableLines: Set<number>, end: number): Section[] {
  return headings.map((h, n) => {
    const stop = n + 1 < headings.length ? headings[n + 1].line : end
    const body: Section['lines'] = []
    let text = ''
    for (let i = h.line + 1; i < stop; i++) {
      if (tableLines.has(i)) continue
      const t = lines[i].text
      if (text) text += '\n'
      body.push({ at: text.length, length: t.length, source: lines[i].source })
      text += t
    }
    return { index: h.index, heading: h.text, headingRaw: h.raw, text, headingSource: h.source, lines: body }
  })
}

/** Joins a PDF's lines into the stored document text, one page after another. */
export function documentText(lines: DocLine[]): { text: string; pageOffsets: number[] } {
  let text = ''
  const pageOffsets: number[] = []
  let page = 0
  for (const l of lines) {
    while ((l.page ?? 1) > page) {
      page++
      if (text) text += '\n\f'
      pageOffsets.push(text.length)
    }
    text += (text && !text.endsWith('\f') ? '\n' : '') + joinFragments([l.text])
  }
  return { text, pageOffsets }
}
