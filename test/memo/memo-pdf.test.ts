/**
 * Review memos as PDF: the text read back through pdfjs (so the embedded CJK font carries a
 * ToUnicode map) holds the title, headings, every confirmed finding with its page; the fonts
 * are the bundled ones; and a page rendered by pdftoppm has ink on it (test/artifacts/).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeMemo } from '../../src/core/memo'
import { openPdf } from '../../src/core/pdf/pdfjs'
import { listFindings } from '../../src/core/review/findings'
import { ROOT } from '../helpers/paths'
import { byIdentity, COMMENT_L01, memoWorkspace, squash, type MemoWorkspace } from './workspace'

let ws: MemoWorkspace
let pdfFile: string
let pages: string[]
let written: Awaited<ReturnType<typeof writeMemo>>

/** The text of every page, items joined without separators (CJK lines wrap mid-word). */
async function pdfPages(file: string): Promise<string[]> {
  const doc = await openPdf(fs.readFileSync(file))
  try {
    const out: string[] = []
    for (let i = 1; i <= doc.numPages; i++) {
      const tc = await (await doc.getPage(i)).getTextContent()
      out.push(tc.items.map((it) => ('str' in it ? it.str : '')).join(''))
    }
    return out
  } finally {
    await doc.destroy()
  }
}

beforeAll(async () => {
  ws = await memoWorkspace()
  pdfFile = path.join(ws.dir, '审查意见.pdf')
  written = await writeMemo(ws.store, { reports: [ws.ids.pdf000], format: 'pdf', out: pdfFile, date: '2025-04-10', reviewer: '张审核' })
  pages = await pdfPages(pdfFile)
})
afterAll(() => ws?.store.close())

describe('PDF memo', () => {
  it('reads back in Chinese: title, recipient, headings, conclusion, signature', () => {
    expect(written.pages).toBe(pages.length)
    expect(written.bytes).toBe(fs.statSync(pdfFile).size)
    const all = squash(pages.join(''))
    expect(squash(pages[0])).toMatch(/^关于《新乡经济技术开发区人民政府2021年政府信息公开工作年度报告》的审查意见新乡经济技术开发区人民政府：/)
    for (const h of ['一、审查依据', '二、审查对象与方法', '三、总体意见', '四、发现的问题', '五、整改要求', '六、附件', '（一）结构与格式', '（二）数据勾稽'])
      expect(all).toContain(h)
    expect(all).toContain('结论等级：基本合格（需更正）。')
    expect(all).toContain('某市人民政府办公室2025年4月10日')
    expect(all).toContain('附件新乡经济技术开发区人民政府2021年政府信息公开工作年度报告问题清单')
    // Page numbers in the footer.
    pages.forEach((p, i) => expect(squash(p)).toContain(`—${i + 1}—`))
  })

  it('states every confirmed finding with the page it is on; dismissed and pending ones are left out', () => {
    const all = squash(pages.join(''))
    const findings = listFindings(ws.store, ws.ids.pdf000)
    for (const f of findings) {
      const msg = squash(f.message).replace(/[。；]$/, '')
      if (f.review !== 'confirmed') {
        expect(all, `${f.identity} (${f.review})`).not.toContain(msg)
        continue
      }
      const at = all.indexOf(msg)
      expect(at, f.identity).toBeGreaterThan(0)
      // The body paragraph reads "（n）…第3页：message".
      const before = all.slice(Math.max(0, at - 60), at)
      expect([...before.matchAll(/第(\d+)页/g)].at(-1)?.[1], f.identity).toBe(String(f.page))
    }
    expect(all).toContain(squash(`审查意见：${COMMENT_L01}`))
    expect(all).not.toContain('待复核】')
  })

  it('lists pending findings as 待复核 when asked', async () => {
    const out = path.join(ws.dir, 'pending.pdf')
    await writeMemo(ws.store, { reports: [ws.ids.pdf000], format: 'pdf', out, includePending: 'list' })
    const all = squash((await pdfPages(out)).join(''))
    const pending = byIdentity(ws.store, ws.ids.pdf000, 'T2-03:normative_docs.same')
    expect(all).toMatch(new RegExp(`【待复核】第${pending.page}页：${squash(pending.message).slice(0, 20)}`))
  })

  it('embeds the bundled CJK subsets, not system fonts', () => {
    const bytes = fs.readFileSync(pdfFile).toString('latin1')
    expect(bytes).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSerifCJKsc-Regular/)
    expect(bytes).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSansCJKsc-Bold/)
    expect(bytes).toContain('/ToUnicode')
    expect(bytes).toContain('/FontFile3')
  })

  it('writes the batch 汇总 with its table numbers and annexes', async () => {
    const out = path.join(ws.dir, '汇总.pdf')
    const w = await writeMemo(ws.store, { reports: 'all', format: 'pdf', out })
    const text = squash((await pdfPages(out)).join(''))
    expect(text.startsWith('关于2021—2023年度政府信息公开工作年度报告审查情况的汇总意见各有关单位：')).toBe(true)
    expect(text).toContain('审查结论：合格1份，基本合格2份，不合格2份。')
    expect(text).toContain('鲁山县人民政府办公室2021')
    expect(text).toContain('某县交通运输局2023年度：工作区中没有该机关的年度报告')
    expect(text).toContain('附件1新乡经济技术开发区人民政府2021年政府信息公开工作年度报告问题清单')
    expect(w.reports).toBe(5)
  })
})

const HAS_PDFTOPPM = spawnSync('pdftoppm', ['-v']).error === undefined

/** Share of dark pixels in a grey PGM (P5) image. */
function ink(pgm: Buffer): number {
  const header = pgm.toString('latin1', 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!
  const data = pgm.subarray(header[0].length)
  let dark = 0
  for (const v of data) if (v < 128) dark++
  return dark / data.length
}

describe.skipIf(!HAS_PDFTOPPM)('PDF memo rendered (pdftoppm)', () => {
  it('renders the first page and an annex page with Chinese text on them', () => {
    const dir = path.join(ROOT, 'test/artifacts')
    fs.mkdirSync(dir, { recursive: true })
    const annexPage = pages.findIndex((p) => squash(p).startsWith('附件')) + 1
    expect(annexPage).toBeGreaterThan(1)
    for (const [page, name] of [
      [1, 'memo-page1'],
      [annexPage, 'memo-annex']
    ] as const) {
      const png = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdfFile, path.join(dir, name)])
      expect(png.status, png.stderr?.toString()).toBe(0)
      expect(fs.statSync(path.join(dir, `${name}.png`)).size).toBeGreaterThan(20_000)
      const gray = spawnSync('pdftoppm', ['-gray', '-r', '30', '-f', String(page), '-l', String(page), '-singlefile', pdfFile])
      // Text, not a blank page and not a page of boxes: a few per cent of the pixels are ink.
      const share = ink(gray.stdout)
      expect(share).toBeGreaterThan(0.01)
      expect(share).toBeLessThan(0.3)
    }
  })
})

if (!HAS_PDFTOPPM) console.warn('pdftoppm (poppler-utils) 未安装：跳过 PDF 渲染检查')
