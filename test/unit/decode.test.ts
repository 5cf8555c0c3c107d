import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ReadError } from '../../src/core/errors'
import { decodeText } from '../../src/core/text/decode'
import { FIXTURES, SEEDS } from '../helpers/paths'

const utf8 = fs.readFileSync(path.join(SEEDS, '000.txt'))
const text = utf8.toString('utf8')

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le')
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]]
  return le
}

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(utf8)).toEqual({ text, encoding: 'utf-8' })
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({ text, encoding: 'utf-8' })
  })
  it('reads UTF-16 LE and BE, with and without BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).text).toBe(text)
    expect(decodeText(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'utf-16le' })
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])).text).toBe(text)
    expect(decodeText(utf16be(text))).toEqual({ text, encoding: 'utf-16be' })
  })
  it('reads GB18030/GBK files (made with iconv) without mojibake', () => {
    const gbk = fs.readFileSync(path.join(FIXTURES, 'encodings/000.gbk.txt'))
    expect(gbk.equals(utf8)).toBe(false)
    expect(decodeText(gbk)).toEqual({ text, encoding: 'gb18030' })
  })
  it('refuses binary data renamed as text, and empty files', () => {
    const png = fs.readFileSync(path.join(FIXTURES, 'bad/picture.png'))
    expect(() => decodeText(png)).toThrow(ReadError)
    expect(() => decodeText(png)).toThrow(/不是文本文件/)
    expect(() => decodeText(new Uint8Array())).toThrow(/文件为空/)
    expect(() => decodeText(Buffer.from(' \n\t '))).toThrow(/空白/)
  })
})

describe('line breaks of text files', () => {
  it('breaks lines at CR alone (old Mac) and at Unicode line and paragraph separators, with exact character ranges', async () => {
    const { parseDocument } = await import('../../src/core/ingest/parse')
    const expected = JSON.parse(fs.readFileSync(path.join(SEEDS, '001.expected.json'), 'utf8')) as { cells: Record<string, number | null> }
    const seed = fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8')
    for (const sep of ['\r', '\u2028', '\u2029']) {
      const t = seed.replace(/\n/g, sep)
      const parsed = await parseDocument(new Uint8Array(Buffer.from(t, 'utf8')), 'txt')
      const r = parsed.report!
      expect(r.agency, JSON.stringify(sep)).toBe('辉县市人民政府')
      for (const [key, v] of Object.entries(expected.cells)) expect(r.cells[key]?.value ?? null, key).toBe(v)
      // Each value's range still holds its raw text.
      const c = r.cells['t3.new.total']
      const src = c.source as { kind: 'txt'; start: number; end: number }
      expect(parsed.text.slice(src.start, src.end)).toBe(c.raw)
    }
  })
})

describe('invisible characters in text files', () => {
  it('reads labels, numbers and the title through zero-width spaces, joiners, stray BOMs and soft hyphens, ranges pointing into the file', async () => {
    const { parseDocument } = await import('../../src/core/ingest/parse')
    const expected = JSON.parse(fs.readFileSync(path.join(SEEDS, '001.expected.json'), 'utf8')) as { cells: Record<string, number | null> }
    const seed = fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8')
    // As web editors and copied articles leave them: inside words, inside numbers, at line starts,
    // and an "empty" cell holding one.
    const t = seed
      .replace(/(本年|政府|申请|公开)/g, '$1\u200b')
      .replace(/(年度)/g, '\u2060$1\u200c')
      .replace(/(信息)/g, '$1\u00ad')
      .replace(/\t(\d)(\d)/g, '\t$1\u200b$2')
      .replace(/\n/g, '\n\ufeff')
      .replace('四、结转下年度继续办理\t', '四、结转下年度继续办理\t\u200b')
    expect(t).toContain('\t1\u200b16\t')
    const parsed = await parseDocument(new Uint8Array(Buffer.from(t, 'utf8')), 'txt')
    const r = parsed.report!
    expect(r).toMatchObject({ agency: '辉县市人民政府', year: 2023 })
    expect(r.sections.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6])
    for (const [key, v] of Object.entries(expected.cells)) expect(r.cells[key]?.value ?? null, key).toBe(v)
    const c = r.cells['t3.new.natural']
    const src = c.source as { kind: 'txt'; start: number; end: number }
    expect(parsed.text.slice(src.start, src.end)).toBe('1\u200b16')
  })
})
