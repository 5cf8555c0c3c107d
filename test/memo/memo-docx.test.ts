/**
 * Review memos as data and as DOCX: what is listed (confirmed, not dismissed, pending as the
 * auditor chooses), the conclusion, and the Word file itself opened as XML — headings, title,
 * every confirmed finding's message with its page or line, fonts, A4, page numbers.
 */
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBatchMemo, buildReportMemo, writeMemo } from '../../src/core/memo'
import { listFindings } from '../../src/core/review/findings'
import { byIdentity, COMMENT_L01, memoWorkspace, squash, type MemoWorkspace } from './workspace'

let ws: MemoWorkspace

beforeAll(async () => {
  ws = await memoWorkspace()
})
afterAll(() => ws?.store.close())

const TITLE_000 = '关于《新乡经济技术开发区人民政府2021年政府信息公开工作年度报告》的审查意见'
const HEADINGS = ['一、审查依据', '二、审查对象与方法', '三、总体意见', '四、发现的问题', '五、整改要求', '六、附件']

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

/** The text of each paragraph and of each table row of a DOCX. */
async function docxText(file: string): Promise<{ xml: string; styles: string; footer: string; paragraphs: string[]; rows: string[] }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file))
  const xml = await zip.file('word/document.xml')!.async('string')
  const styles = await zip.file('word/styles.xml')!.async('string')
  const footerName = Object.keys(zip.files).find((n) => /^word\/footer\d*\.xml$/.test(n))!
  const footer = await zip.file(footerName)!.async('string')
  const text = (chunk: string) => unescapeXml([...chunk.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
  return {
    xml,
    styles,
    footer,
    paragraphs: xml.split('</w:p>').map(text),
    rows: xml.split('</w:tr>').slice(0, -1).map((r) => text(r.slice(r.lastIndexOf('<w:tr'))))
  }
}

describe('memo model', () => {
  it('lists confirmed findings with the auditor’s comment, leaves out dismissed ones, and pending ones unless asked', () => {
    const { store, ids } = ws
    const omit = buildReportMemo(store, ids.s000)
    const list = buildReportMemo(store, ids.s000, { includePending: 'list' })
    const all = listFindings(store, ids.s000)
    const confirmed = all.filter((f) => f.review === 'confirmed')
    const pending = all.filter((f) => f.review === 'pending')
    expect(omit.problems.map((p) => p.findingId).sort()).toEqual(confirmed.map((f) => f.id).sort())
    expect(list.problems.map((p) => p.findingId).sort()).toEqual([...confirmed, ...pending].map((f) => f.id).sort())
    const dismissed = byIdentity(store, ids.s000, 'L04:wording:deny_law')
    expect(list.problems.some((p) => p.findingId === dismissed.id)).toBe(false)
    expect(omit.problems.find((p) => p.rule === 'L01')).toMatchObject({ comment: COMMENT_L01, line: expect.any(Number), page: null })
    expect(omit.pending).toBe(pending.length)
    // Numbers run 1…n through the categories, in the order of domain.md §5.2.
    expect(omit.problems.map((p) => p.no)).toEqual(omit.problems.map((_, i) => i + 1))
    expect(omit.categories.map((c) => c.name)).toEqual(['结构与格式', '数据勾稽'])
  })

  it('gives each problem of a PDF report the page of its quote', () => {
    const { store, ids } = ws
    const memo = buildReportMemo(store, ids.pdf000)
    const pages = Object.fromEntries(memo.problems.map((p) => [p.rule + (p.rule === 'S12' ? p.computation.slice(0, 4) : ''), p.page]))
    expect(pages).toEqual({ L01: 3, 'T2-05': 3, L08: 4, S12中文句子: 5, S12同一段文: 2 })
    for (const p of memo.problems) expect(p.page).toBe(listFindings(store, ids.pdf000).find((f) => f.id === p.findingId)!.page)
    const l01 = memo.problems.find((p) => p.rule === 'L01')!
    expect(l01).toMatchObject({ location: '表二表头“本年度止件数”（第3页）', quote: '本年度止件数', basis: '年度报告格式表二（规则 L01）' })
    expect(memo.problems.find((p) => p.rule === 'S12' && p.computation.includes('workflows'))!.quote).toContain('workflows')
  })

  it('concludes 不合格 on a confirmed error, 基本合格 on confirmed warnings only, 合格 otherwise', () => {
    const { store, ids } = ws
    expect(buildReportMemo(store, ids.s000).conclusion.level).toBe('不合格') // L07 error confirmed
    expect(buildReportMemo(store, ids.pdf000).conclusion.level).toBe('基本合格') // warnings only
    expect(buildReportMemo(store, ids.s004).conclusion.level).toBe('基本合格')
    expect(buildReportMemo(store, ids.s003).conclusion.level).toBe('不合格') // D01: published late
    expect(buildReportMemo(store, ids.s001).conclusion.level).toBe('合格')
  })

  it('sums up a batch: conclusions, late and missing filers, expected agencies without a report', () => {
    const b = buildBatchMemo(ws.store)
    expect(b.reports).toHaveLength(5)
    expect(b.byLevel).toEqual({ 合格: 1, 基本合格: 2, 不合格: 2 })
    expect(b.late).toEqual([{ agency: '鲁山县人民政府办公室', year: 2021, detail: expect.stringContaining('发布日期 2022-02-15 晚于') }])
    // Not found online (marked by the auditor), then expected agencies with no report, year by year.
    expect(b.missing.map((m) => `${m.agency}${m.year}`)).toEqual(['新密市新华路办事处2021', '某县交通运输局2021', '新密市新华路办事处2023', '某县交通运输局2023'])
    expect(b.title).toBe('关于2021—2023年度政府信息公开工作年度报告审查情况的汇总意见')
  })
})

describe('DOCX memo', () => {
  it('is an A4 Word file with the memo’s title, headings, fonts and page numbers', async () => {
    const out = path.join(ws.dir, '审查意见.docx')
    const w = await writeMemo(ws.store, { reports: [ws.ids.s000], format: 'docx', out, date: '2025-04-10', reviewer: '张审核' })
    expect(w).toMatchObject({ path: out, reports: 1 })
    expect(w.bytes).toBe(fs.statSync(out).size)
    const d = await docxText(out)
    expect(d.paragraphs[0]).toBe(TITLE_000)
    expect(d.paragraphs[1]).toBe('新乡经济技术开发区人民政府：')
    for (const h of HEADINGS) expect(d.paragraphs).toContain(h)
    expect(d.paragraphs).toContain('（一）结构与格式')
    expect(d.paragraphs).toContain('结论等级：不合格（需整改后重新发布）。')
    const signed = d.paragraphs.indexOf('某市人民政府办公室')
    expect(signed).toBeGreaterThan(d.paragraphs.indexOf('六、附件'))
    expect(d.paragraphs[signed + 1]).toBe('2025年4月10日')
    expect(d.xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')
    expect(d.xml).toContain('w:orient="landscape"') // the annex 问题清单
    expect(d.xml).toContain('w:eastAsia="仿宋_GB2312"')
    expect(d.xml).toContain('w:eastAsia="黑体"')
    expect(d.xml).toContain('w:eastAsia="方正小标宋简体"')
    expect(d.styles).toContain('w:eastAsia="仿宋_GB2312"')
    expect(d.footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/)
  })

  it('states every confirmed finding with its message, place and line, leaves out dismissed and pending ones', async () => {
    const out = path.join(ws.dir, 'txt-omit.docx')
    await writeMemo(ws.store, { reports: [ws.ids.s000], format: 'docx', out })
    const d = await docxText(out)
    const body = d.paragraphs.join('\n')
    const memo = buildReportMemo(ws.store, ws.ids.s000)
    for (const f of listFindings(ws.store, ws.ids.s000)) {
      const p = memo.problems.find((x) => x.findingId === f.id)
      if (f.review !== 'confirmed') {
        expect(body, `${f.identity} (${f.review}) must not be in the memo`).not.toContain(f.message)
        continue
      }
      expect(body).toContain(f.message.replace(/[。；]$/, ''))
      // The annex row of the finding names its line in the TXT file.
      const row = d.rows.find((r) => r.startsWith(String(p!.no)) && r.includes(f.message.slice(0, 30)))
      expect(row, f.identity).toBeDefined()
      expect(row).toContain(`第${p!.line}行`)
    }
    expect(body).toContain(`审查意见：${COMMENT_L01}`)
  })

  it('names the page of each confirmed finding of a PDF report, and lists pending ones as 待复核 on request', async () => {
    const out = path.join(ws.dir, 'pdf-list.docx')
    await writeMemo(ws.store, { reports: [ws.ids.pdf000], format: 'docx', out, includePending: 'list' })
    const d = await docxText(out)
    const findings = listFindings(ws.store, ws.ids.pdf000)
    for (const f of findings.filter((x) => x.review === 'confirmed')) {
      const row = d.rows.find((r) => r.includes(f.message.slice(0, 30)))
      expect(row, f.identity).toContain(`第${f.page}页`)
      expect(d.paragraphs.some((p) => p.includes(`第${f.page}页：${f.message.slice(0, 20)}`))).toBe(true)
    }
    const pending = byIdentity(ws.store, ws.ids.pdf000, 'T2-03:normative_docs.same')
    expect(d.paragraphs.find((p) => p.includes(pending.message))).toMatch(/^（\d+）【待复核】/)
    expect(d.rows.find((r) => r.includes(pending.message.slice(0, 30)))).toContain('（待复核）')
    expect(d.paragraphs.join('\n')).not.toContain(byIdentity(ws.store, ws.ids.pdf000, 'V06:precision').message)
  })

  it('puts several reports in one document, each memo from a new page', async () => {
    const out = path.join(ws.dir, 'two.docx')
    const w = await writeMemo(ws.store, { reports: [ws.ids.s003, ws.ids.s004], format: 'docx', out })
    expect(w.reports).toBe(2)
    const d = await docxText(out)
    expect(d.paragraphs).toContain('关于《鲁山县人民政府办公室2021年政府信息公开工作年度报告》的审查意见')
    expect(d.paragraphs).toContain('关于《新密市新华路办事处2021年政府信息公开工作年度报告》的审查意见')
    // Memo, annex, memo, annex: four sections.
    expect(d.xml.match(/<w:sectPr/g)).toHaveLength(4)
  })

  it('writes the batch 汇总 with a table per agency and the per-report problem lists as annexes', async () => {
    const out = path.join(ws.dir, '汇总.docx')
    await writeMemo(ws.store, { reports: 'all', format: 'docx', out, date: '2025-04-10' })
    const d = await docxText(out)
    expect(d.paragraphs[0]).toBe('关于2021—2023年度政府信息公开工作年度报告审查情况的汇总意见')
    for (const h of ['三、总体情况', '四、主要问题', '五、未按时公布或未找到报告的单位', '六、整改要求', '七、附件']) expect(d.paragraphs).toContain(h)
    const batch = buildBatchMemo(ws.store)
    for (const r of batch.reports) {
      const row = d.rows.find((x) => x.includes(r.agency!) && x.endsWith(r.conclusion.level))
      expect(row, r.agency!).toBeDefined()
      expect(squash(row!)).toContain(`${r.year}${r.confirmed.error}${r.confirmed.warning}${r.confirmed.info}${r.pending}${r.conclusion.level}`)
    }
    const text = d.paragraphs.join('\n')
    expect(text).toContain('1．鲁山县人民政府办公室2021年度报告：发布日期 2022-02-15 晚于')
    expect(text).toContain('新密市新华路办事处2021年度：在本机关政府信息公开专栏未找到该报告或难以查找')
    expect(text).toContain('某县交通运输局2021年度：工作区中没有该机关的年度报告')
    const annexes = batch.reports.filter((r) => r.problems.length)
    annexes.forEach((r, i) => expect(d.paragraphs).toContain(`附件${i + 1}：${r.reportName}问题清单`))
    expect(d.xml.match(/<w:sectPr/g)).toHaveLength(1 + annexes.length)
  })
})
