/**
 * Bad input: each bad file gets a Chinese message naming the file and the problem, the batch
 * goes on past it, and the store stays consistent.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ingestPaths, type IngestSummary } from '../../src/core/ingest/ingest'
import { parseDocument } from '../../src/core/ingest/parse'
import { Store } from '../../src/core/store/store'
import { notImportedText } from '../../src/shared/contract'
import { runCli } from '../helpers/cli'
import { makePdf } from '../helpers/make-pdf'
import { FIXTURES, SEEDS, tempDir } from '../helpers/paths'

let dir: string
let batch: string
let summary: IngestSummary
let store: Store

const seed = (f: string) => fs.readFileSync(path.join(SEEDS, f))

beforeAll(async () => {
  dir = tempDir()
  batch = path.join(dir, 'batch')
  fs.mkdirSync(batch)
  const w = (name: string, data: Buffer | string) => fs.writeFileSync(path.join(batch, name), data)
  w('01-empty.pdf', '')
  w('02-empty.txt', '')
  const ruled = seed('000.ruled.pdf')
  w('03-truncated.pdf', ruled.subarray(0, Math.floor(ruled.length / 2)))
  const corrupt = Buffer.from(ruled)
  corrupt.fill(0x41, 2000, 60000) // the catalogue and page tree overwritten
  w('04-corrupt.pdf', corrupt)
  fs.copyFileSync(path.join(FIXTURES, 'bad/encrypted.pdf'), path.join(batch, '05-encrypted.pdf'))
  w('06-invoice.pdf', makePdf([['INVOICE No. 2023-118', 'Customer: ACME Trading Ltd.', 'Total due: 1,280.00 USD', 'Thank you for your business.']]))
  w('07-huge.pdf', makePdf(Array.from({ length: 300 }, (_, i) => [`Page ${i + 1} of a statistical yearbook`])))
  fs.copyFileSync(path.join(FIXTURES, 'bad/picture.png'), path.join(batch, '08-picture.txt'))
  w('09-not-pdf.pdf', 'This is plain text saved with a .pdf name.\n')
  w('09b-damaged-page.pdf', damagedContent(seed('001.office.pdf'), 2))
  w('10-good.txt', seed('001.txt'))
  w('11-notes.docx', 'ignored in a folder')
  w('12-某县教育局年报.wps', 'a WPS document')
  w('13-各单位年报.zip', 'PK')
  w('14-data.csv', 'a,b')
  store = Store.open(path.join(dir, 'ws.sqlite'))
  summary = await ingestPaths([batch, path.join(dir, 'does-not-exist'), path.join(batch, '11-notes.docx')], { store })
})

/**
 * A copy of a PDF whose `page`-th content stream (in file order, one per page in the seeds) has
 * 60 of its compressed bytes overwritten, as a bad copy or download leaves it.
 */
function damagedContent(pdf: Buffer, page: number): Buffer {
  const text = pdf.toString('latin1')
  const streams = [...text.matchAll(/\d+ 0 obj\s*<<\/Length \d+ 0 R\/Filter\/FlateDecode>>\s*stream\r?\n/g)]
  if (streams.length < page) throw new Error(`expected at least ${page} page content streams, found ${streams.length}`)
  const at = streams[page - 1].index! + streams[page - 1][0].length
  const out = Buffer.from(pdf)
  out.fill(0xff, at + 4, at + 64)
  return out
}

const itemOf = (name: string) => summary.items.find((i) => i.fileName === name)!

describe('each bad input gets a clear message', () => {
  it.each([
    ['01-empty.pdf', /文件为空（0 字节）/],
    ['02-empty.txt', /文件为空（0 字节）/],
    ['03-truncated.pdf', /PDF 文件不完整（缺少结尾标记 %%EOF）/],
    ['04-corrupt.pdf', /PDF 文件已损坏，无法解析/],
    ['05-encrypted.pdf', /PDF 已加密（需要密码才能打开）/],
    ['06-invoice.pdf', /不是政府信息公开工作年度报告/],
    ['07-huge.pdf', /页数过多（300 页，上限 150 页）/],
    ['08-picture.txt', /不是文本文件/],
    ['09-not-pdf.pdf', /不是 PDF 文件（缺少 %PDF 文件头）/],
    ['09b-damaged-page.pdf', /^PDF 第 2 页已损坏，无法读取（压缩数据损坏）；请重新获取原文件$/],
    ['does-not-exist', /路径不存在/],
    ['11-notes.docx', /^Word\/WPS 文档不能直接导入（只能导入 PDF 和 TXT 文件）：请另存为 PDF 后导入$/]
  ])('%s', (name, message) => {
    const item = itemOf(name)
    expect(item, `${name} not reported`).toBeTruthy()
    expect(item.status).toBe('error')
    expect(item.message).toMatch(message)
  })
})

describe('damage a reader repairs', () => {
  // Files edited or re-saved by other tools often point at the wrong places in their cross-
  // reference table; readers rebuild it silently, and so must the import.
  it.each([
    ['startxref pointing past the table', (b: Buffer) => {
      const at = b.lastIndexOf('startxref')
      const offset = /startxref\s+(\d+)/.exec(b.subarray(at).toString('latin1'))![1]
      return Buffer.concat([b.subarray(0, at), Buffer.from(b.subarray(at).toString('latin1').replace(offset, String(Number(offset) + 137)), 'latin1')])
    }],
    ['every offset shifted by bytes inserted after the header', (b: Buffer) => {
      const eol = b.indexOf('\n') + 1
      return Buffer.concat([b.subarray(0, eol), Buffer.from(`%${'x'.repeat(500)}\n`), b.subarray(eol)])
    }]
  ])('%s: read in full', async (_what, damage) => {
    const parsed = await parseDocument(new Uint8Array(damage(seed('001.office.pdf'))), 'pdf')
    expect(parsed.status, parsed.message ?? '').toBe('ok')
    const expected = JSON.parse(seed('001.expected.json').toString('utf8')) as { cells: Record<string, number | null> }
    expect(Object.fromEntries(Object.entries(parsed.report!.cells).map(([k, c]) => [k, c.value]))).toEqual(expected.cells)
  })
})

describe('PDFs without a text layer', () => {
  const ingestOne = async (file: string) => {
    const s = Store.open(path.join(dir, `ws-${path.basename(file)}.sqlite`))
    try {
      return await ingestPaths([file], { store: s })
    } finally {
      s.close()
    }
  }

  it('text turned into outlines (vector glyphs) needs OCR, with the reason', async () => {
    // Page 1 of 001.ruled.pdf through Ghostscript with -dNoOutputFonts.
    const r = await ingestOne(path.join(FIXTURES, 'bad/outlined.pdf'))
    expect(r.items[0].status).toBe('needs_ocr')
    expect(r.items[0].message).toMatch(/文字已转为曲线（1 页均为矢量图形，没有可读取的文字层/)
  })

  it('a text layer that decodes to mojibake needs OCR, and the message shows a sample', async () => {
    // GBK bytes of 辉县市人民政府2023年政府信息公开工作年度报告 etc. read one by one as Latin-1:
    // what a font without a Unicode map gives.
    const page = ['»ÔÏØÊÐÈËÃñÕþ¸®2023ÄêÕþ¸®ÐÅÏ¢¹«¿ª¹¤×÷Äê¶È±¨¸æ', 'Ò»¡¢×ÜÌåÇé¿ö', '¶þ¡¢Ö÷¶¯¹«¿ªÕþ¸®ÐÅÏ¢Çé¿ö', '±¾ÄêÐÂÊÕÕþ¸®ÐÅÏ¢¹«¿ªÉêÇëÊýÁ¿']
    const file = path.join(dir, 'garbled.pdf')
    fs.writeFileSync(file, makePdf([page, page]))
    const r = await ingestOne(file)
    expect(r.items[0].status).toBe('needs_ocr')
    expect(r.items[0].message).toMatch(/文字层无法正确解码（2 页的文字读出来是乱码，如“»ÔÏØÊÐÈËÃñÕþ¸®2023Äê”，字体缺少 Unicode 映射/)
  })

  it('pages with neither text nor drawings are empty, not a scan', async () => {
    const blank = path.join(dir, 'blank.pdf')
    fs.writeFileSync(blank, makePdf([[], []]))
    const r = await ingestOne(blank)
    expect(r.items[0].status).toBe('error')
    expect(r.items[0].message).toMatch(/PDF 共 2 页，但没有任何文字或图像内容/)
  })

  it('a PDF without a single page says so', async () => {
    const none = path.join(dir, 'no-pages.pdf')
    fs.writeFileSync(none, makePdf([]))
    const r = await ingestOne(none)
    expect(r.items[0].status).toBe('error')
    expect(r.items[0].message).toBe('PDF 没有任何页面（0 页）')
  })
})

describe('a compilation of several reports in one file', () => {
  it('is refused with the reports it holds and where each begins', async () => {
    const file = path.join(dir, '汇编.txt')
    fs.writeFileSync(file, `${seed('001.txt')}\n${seed('003.txt')}`)
    const s = Store.open(path.join(dir, 'ws-compilation.sqlite'))
    try {
      const r = await ingestPaths([file], { store: s })
      expect(r.items[0].status).toBe('error')
      expect(r.items[0].message).toMatch(/文件中有 2 份年度报告：辉县市人民政府2023年（第 3 行起）、鲁山县人民政府办公室2021年（第 \d+ 行起）。请拆分/)
      expect((s.db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n).toBe(0)
    } finally {
      s.close()
    }
  })

  it('a cover page with a table of contents before the report is not a compilation', async () => {
    // The cover names the agency otherwise than the report's own title.
    const cover = '辉县市政府\n2023年政府信息公开工作年度报告\n目  录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n'
    const parsed = await parseDocument(new TextEncoder().encode(`${cover}\n${seed('001.txt')}`), 'txt')
    expect(parsed.status, parsed.message ?? '').toBe('ok')
  })

  it('the same report saved twice in one file is not a compilation', async () => {
    const twice = `${seed('001.txt')}\n${seed('001.txt')}`
    expect((await parseDocument(new TextEncoder().encode(twice), 'txt')).status).toBe('ok')
  })
})

describe('the batch goes on and the store stays consistent', () => {
  it('imports the good file among the bad ones', () => {
    const good = itemOf('10-good.txt')
    expect(good.status).toBe('ok')
    expect(good.agency).toBe('辉县市人民政府')
    expect(summary.counts).toEqual({ ok: 1, needs_ocr: 0, error: 12, skipped: 0 })
    // The files of other types inside the folder: skipped, not errors, counted; those a report
    // may come in are named with what to do.
    expect(summary.ignored).toBe(4)
    expect(summary.convertible.map((c) => [c.fileName, c.what])).toEqual([
      ['11-notes.docx', 'Word/WPS 文档'],
      ['12-某县教育局年报.wps', 'Word/WPS 文档'],
      ['13-各单位年报.zip', '压缩包']
    ])
    expect(notImportedText(summary)).toBe(
      '另有 2 个 Word/WPS 文档（11-notes.docx、12-某县教育局年报.wps；请另存为 PDF 后导入）、1 个压缩包（13-各单位年报.zip；请先解压，再导入解压出的文件夹）、1 个其他文件未导入'
    )
  })

  it('stores bad files as documents with their error and no report, and nothing half-written', () => {
    const docs = store.db.prepare('SELECT file_name, status, error FROM documents ORDER BY file_name').all() as Array<{ file_name: string; status: string; error: string }>
    // Every non-empty file that was read is recorded (missing paths, unsupported types and empty
    // files have nothing to record).
    expect(docs).toHaveLength(9)
    for (const d of docs.filter((x) => x.file_name !== '10-good.txt')) {
      expect(d.status).toBe('error')
      expect(d.error.length).toBeGreaterThan(4)
    }
    const reports = store.db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }
    expect(reports.n).toBe(1)
    const orphanCells = store.db.prepare('SELECT COUNT(*) AS n FROM cells WHERE report_id NOT IN (SELECT id FROM reports)').get() as { n: number }
    expect(orphanCells.n).toBe(0)
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(store.db.pragma('foreign_key_check')).toEqual([])
  })

  it('a higher page limit lets a long document through to the report check', async () => {
    const s = Store.open(path.join(dir, 'ws2.sqlite'))
    try {
      const r = await ingestPaths([path.join(batch, '07-huge.pdf')], { store: s, parse: { maxPages: 400 } })
      expect(r.items[0].message).toMatch(/不是政府信息公开工作年度报告/)
    } finally {
      s.close()
    }
  })
})

describe('text files far longer than any report', () => {
  // A log or a data export saved as .txt: refused under the page limit, as a 300-page PDF is.
  const logLine = (i: number) => `2023-01-01 12:00:${String(i % 60).padStart(2, '0')} 政府信息公开平台访问日志 第 ${i} 条记录\n`
  const text = (lines: number) => Array.from({ length: lines }, (_, i) => logLine(i)).join('')

  it.each([
    ['too many bytes to decode', 60_000, /文本文件过大（\d+\.\d MB，按每页 16 KB 计超过 150 页的上限）/],
    ['too many characters', 12_000, /文本过长（超过 30 万字，按每页 2000 字计超过 150 页的上限）/]
  ])('%s: refused with the limit named', async (_what, lines, message) => {
    const parsed = await parseDocument(new Uint8Array(Buffer.from(text(lines), 'utf8')), 'txt')
    expect(parsed.status).toBe('error')
    expect(parsed.message).toMatch(message)
  })

  it('a higher page limit lets it through to the report check', async () => {
    const parsed = await parseDocument(new Uint8Array(Buffer.from(text(12_000), 'utf8')), 'txt', { maxPages: 400 })
    expect(parsed.message).toMatch(/不是政府信息公开工作年度报告/)
  })
})

describe('through the CLI', () => {
  it('names each bad file, goes on, and exits 0 when something could be read', () => {
    const r = runCli(['ingest', batch, path.join(dir, 'does-not-exist'), '--db', path.join(dir, 'cli.sqlite')])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/\[错误\] .*03-truncated\.pdf：PDF 文件不完整/)
    expect(r.stdout).toMatch(/\[错误\] .*05-encrypted\.pdf：PDF 已加密/)
    expect(r.stdout).toMatch(/\[错误\] .*does-not-exist：路径不存在/)
    expect(r.stdout).toMatch(/\[成功\] .*10-good\.txt：辉县市人民政府 2023 年/)
    expect(r.stdout).toContain(
      '共 12 个文件：成功 1，需 OCR 0，错误 11，跳过 0；另有 2 个 Word/WPS 文档（11-notes.docx、12-某县教育局年报.wps；请另存为 PDF 后导入）、' +
        '1 个压缩包（13-各单位年报.zip；请先解压，再导入解压出的文件夹）、1 个其他文件未导入；用时'
    )
  })

  it('exits 1 when nothing could be read', () => {
    const r = runCli(['ingest', path.join(batch, '01-empty.pdf'), path.join(dir, 'nothing-here'), '--db', path.join(dir, 'cli2.sqlite')])
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/01-empty\.pdf：文件为空/)
  })
})

describe('re-import', () => {
  it('reads a file that failed before again, replacing its error row', async () => {
    const s = Store.open(path.join(dir, 'ws3.sqlite'))
    try {
      const file = path.join(dir, 'later-fixed.pdf')
      fs.writeFileSync(file, fs.readFileSync(path.join(batch, '04-corrupt.pdf')))
      const first = await ingestPaths([file], { store: s })
      expect(first.items[0].status).toBe('error')
      const again = await ingestPaths([file], { store: s })
      expect(again.items[0].status).toBe('error') // still broken, but tried again, not "skipped"
      expect((s.db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(1)
    } finally {
      s.close()
    }
  })
})
