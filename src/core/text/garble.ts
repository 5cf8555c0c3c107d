/**
 * Text layers that decode to mojibake. A font without a Unicode map gives Chinese as Latin-1
 * letters ("Õþ¸®ÐÅÏ¢" for 政府信息, the GBK bytes read one by one) or private-use code points;
 * a map broken by a converter (a PDF printer, a compressor re-encoding the fonts) does so for
 * some characters only: "1.属于ÿ家秘密", "⾏许可" (政 lost).
 */
import type { DocLine } from '../extract/doc'

/** Latin-1 letters, private use and the replacement character: what a missing map decodes to. */
const isMojibake = (c: number) => (c >= 0x80 && c <= 0xff) || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd

/**
 * A sample of the text when most of it is mojibake (the document needs OCR), else null.
 * English text (ASCII) is not mojibake: it is read and found to be no report.
 */
export function mostlyGarbled(lines: DocLine[]): string | null {
  let odd = 0
  let total = 0
  for (const l of lines) {
    for (const ch of l.text) {
      const c = ch.codePointAt(0)!
      if (c <= 32) continue
      total++
      if (isMojibake(c)) odd++
    }
  }
  if (total < 100 || odd < 0.3 * total) return null
  const sample = lines.map((l) => l.text.trim()).find((t) => t.length >= 6) ?? ''
  return sample.slice(0, 20)
}

/** Latin-1 symbols that Chinese text prints by right (·×°±§ and the like); the no-break space and soft hyphen too. */
const LEGIT = new Set([...'\u00a0\u00ad·×÷°±§©®¥£¢µ¼½¾¹²³'].map((c) => c.codePointAt(0)!))
/** Latin-1 symbols and letters and Latin Extended-A/B letters: in Chinese text, a broken map's output. */
const isStrayLatin = (c: number) => c >= 0xa0 && c <= 0x24f && !LEGIT.has(c)
const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x2f00 && c <= 0x2fdf) || (c >= 0x3400 && c <= 0x4dbf)

/** Share of Chinese text from which a broken map is reported: well above a stray foreign name. */
const PARTLY = 0.02

export interface PartialGarble {
  /** Stray Latin letters per Chinese character. */
  share: number
  /** Up to two lines holding them, as read (their first 20 characters). */
  samples: Array<{ text: string; line: DocLine }>
}

/**
 * Whether Chinese text has stray Latin letters in it (at least 20, and 2 % of its Chinese
 * characters): some characters were decoded wrongly, and labels with them match nothing.
 * Cells are then lost, not wrong; this says why.
 */
export function partlyGarbled(lines: DocLine[]): PartialGarble | null {
  let stray = 0
  let han = 0
  const samples: PartialGarble['samples'] = []
  for (const l of lines) {
    let here = 0
    for (const ch of l.text) {
      const c = ch.codePointAt(0)!
      if (isHan(c)) han++
      else if (isStrayLatin(c)) here++
    }
    stray += here
    if (here && samples.length < 2) samples.push({ text: l.text.trim().slice(0, 20), line: l })
  }
  if (stray < 20 || stray < PARTLY * han) return null
  return { share: stray / Math.max(han, 1), samples }
}
