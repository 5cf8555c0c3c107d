/**
 * A PDF whose text layer a converter damaged in part (some characters decode to stray Latin
 * letters or are lost): labels with them match nothing, so rows and cells are lost, never
 * guessed, and the report says why.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { partlyGarbled } from '../../src/core/text/garble'
import { txtToDoc } from '../../src/core/text/read-txt'
import { runCli } from '../helpers/cli'
import { FIXTURES, SEEDS, tempDir } from '../helpers/paths'
import { check } from '../helpers/rules'

const expected = JSON.parse(fs.readFileSync(path.join(SEEDS, '002.expected.json'), 'utf8')) as { cells: Record<string, number | null> }

describe('a text layer partly garbled by a converter (Ghostscript)', () => {
  it('loses the cells whose labels it cannot read, guesses none, and says why (L07, warning)', async () => {
    const parsed = await parseDocument(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'converted/002.ruled.gs.pdf'))), 'pdf')
    expect(parsed.status).toBe('ok')
    const r = parsed.report!
    // Every value read is the right one; the rest are null.
    const read = Object.entries(expected.cells).filter(([k]) => r.cells[k]?.value !== null && r.cells[k]?.value !== undefined)
    expect(read.length).toBeGreaterThan(50)
    for (const [k, v] of read) expect(r.cells[k].value, k).toBe(v)
    expect(Object.keys(expected.cells).length - read.length).toBeGreaterThan(40)

    const problem = r.problems.find((p) => p.code === 'text_garbled')!
    expect(problem.message).toMatch(/^PDF 的文字层有部分字符解码错误（约占汉字的 \d+%，如“.+”）：含这些字的标签无法识别/)
    const finding = check(r).find((f) => f.rule === 'L07' && f.message === problem.message)!
    expect(finding.severity).toBe('warning')
  })

  it('says so in the import line of the file, as for a scan\'s OCR layer', () => {
    const r = runCli(['ingest', path.join(FIXTURES, 'converted/002.ruled.gs.pdf'), '--db', path.join(tempDir('dra-garbled-'), 'ws.sqlite')])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/\[成功\] .*002\.ruled\.gs\.pdf：洛阳市吉利区人民政府 2020 年（2019 版格式），读出 \d+\/\d+ 个表格单元，结构问题 \d+ 处；PDF 文字层有部分字符解码错误，读不出的单元格须对照原件核对/)
  })

  it('is not said of the seeds\' prints, nor of Chinese text with symbols and a foreign name in it', async () => {
    for (const f of ['002.ruled.pdf', '001.office.pdf', '003.borderless.pdf']) {
      const r = (await parseDocument(new Uint8Array(fs.readFileSync(path.join(SEEDS, f))), 'pdf')).report!
      expect(r.problems.filter((p) => p.code === 'text_garbled'), f).toEqual([])
    }
    const seed = fs.readFileSync(path.join(SEEDS, '002.txt'), 'utf8')
    // Symbols after every sentence (they are no letters), a foreign name once.
    const symbols = seed.replace(/。/g, '。面积 120 m²，温度 25°C，误差 ±2，3×4·5，第\u00a03\u00a0页。').replace('。', '。巴黎的 José 先生、Zoë 女士来访。')
    expect((symbols.match(/[²°±×·]/g) ?? []).length).toBeGreaterThan(100)
    expect(partlyGarbled(txtToDoc(symbols).lines)).toBeNull()
    // The same text with one character in twenty decoded wrongly is.
    let i = 0
    const broken = seed.replace(/[\u4e00-\u9fff]/g, (c) => (++i % 20 === 0 ? 'ÿ' : c))
    expect(partlyGarbled(txtToDoc(broken).lines)?.share).toBeGreaterThan(0.04)
  })
})
