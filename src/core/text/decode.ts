/**
 * Decoding TXT reports: UTF-8 (with or without BOM), UTF-16 (LE/BE, with or without BOM),
 * GB18030/GBK. A file that is not text in any of them is refused rather than shown as mojibake.
 */
import { ReadError } from '../errors'

export interface DecodedText {
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes)
  } catch {
    return null // not valid in this encoding: the caller tries the next one
  }
}

/** Share of NUL bytes at even and at odd positions (UTF-16 text has one side full of them). */
function nulProfile(bytes: Uint8Array): { even: number; odd: number; any: boolean } {
  const n = Math.min(bytes.length, 64 * 1024)
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++
      else odd++
    }
  }
  const half = Math.max(1, n / 2)
  return { even: even / half, odd: odd / half, any: even + odd > 0 }
}

/**
 * Share of characters that belong in a Chinese report: CJK ideographs and punctuation, ASCII
 * printables, full-width forms, common whitespace. Binary data decoded by a permissive
 * decoder (GB18030 accepts almost any byte sequence) scores far lower.
 */
export function plausibility(text: string): number {
  let good = 0
  let total = 0
  for (const ch of text) {
    total++
    const cp = ch.codePointAt(0)!
    if (
      (cp >= 0x20 && cp < 0x7f) ||
      cp === 0x09 ||
      cp === 0x0a ||
      cp === 0x0d ||
      (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0x3000 && cp <= 0x303f) ||
      (cp >= 0xff00 && cp <= 0xffef) ||
      (cp >= 0x2000 && cp <= 0x206f) ||
      (cp >= 0x2e80 && cp <= 0x2fdf) ||
      cp === 0xb7 ||
      cp === 0xa0 ||
      cp === 0xd7 ||
      (cp >= 0x2460 && cp <= 0x24ff) ||
      (cp >= 0x25a0 && cp <= 0x25ff)
    )
      good++
  }
  return total === 0 ? 1 : good / total
}

const MIN_PLAUSIBILITY = 0.9

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ReadError('empty', '文件为空（0 字节）')
  let result: DecodedText | null = null
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const t = tryDecode(bytes.subarray(3), 'utf-8')
    if (t !== null) result = { text: t, encoding: 'utf-8' }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const t = tryDecode(bytes.subarray(2), 'utf-16le')
    if (t !== null) result = { text: t, encoding: 'utf-16le' }
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const t = tryDecode(bytes.subarray(2), 'utf-16be')
    if (t !== null) result = { text: t, encoding: 'utf-16be' }
  }
  if (!result) {
    const nul = nulProfile(bytes)
    if (nul.any) {
      // UTF-16 without BOM: Chinese text still has many ASCII digits, tabs and newlines whose
      // high byte is 0. Anything else with NUL bytes is binary.
      const label = nul.odd > 0.2 && nul.odd > nul.even ? 'utf-16le' : nul.even > 0.2 && nul.even > nul.odd ? 'utf-16be' : null
      const t = label ? tryDecode(bytes, label) : null
      if (t !== null && label) result = { text: t, encoding: label as DecodedText['encoding'] }
      else throw new ReadError('binary', '不是文本文件（含有二进制内容），可能是改了扩展名的其他文件')
    } else {
      const utf8 = tryDecode(bytes, 'utf-8')
      if (utf8 !== null) result = { text: utf8, encoding: 'utf-8' }
      else {
        const gb = tryDecode(bytes, 'gb18030')
        if (gb !== null) result = { text: gb, encoding: 'gb18030' }
      }
    }
  }
  if (!result) throw new ReadError('binary', '无法识别文件编码（不是 UTF-8、UTF-16 或 GB18030/GBK 文本）')
  if (plausibility(result.text) < MIN_PLAUSIBILITY) {
    throw new ReadError('binary', '不是文本文件（内容不是可读的中文文本），可能是改了扩展名的其他文件')
  }
  if (result.text.replace(/\s+/g, '').length === 0) throw new ReadError('empty', '文件只有空白字符，没有内容')
  return result
}
