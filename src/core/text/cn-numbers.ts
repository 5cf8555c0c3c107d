/**
 * Numbers written in Chinese in report prose: 两件, 十二件, 一百零五件, 三千余条.
 */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** Parses 零…九, 十, 百, 千, 万 numerals; null if the text is not one. */
export function parseChineseNumber(text: string): number | null {
  if (!text || !/^[零〇一二两三四五六七八九十百千万]+$/.test(text)) return null
  let total = 0
  let section = 0
  let digit: number | null = null
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]
    } else if (ch in UNITS) {
      section += (digit ?? 1) * UNITS[ch]
      digit = null
    } else if (ch === '万') {
      section += digit ?? 0
      total += (section || 1) * 10000
      section = 0
      digit = null
    }
  }
  section += digit ?? 0
  return total + section
}

/** Parses a number as written in prose: Arabic (with separators) or Chinese. */
export function parseProseNumber(text: string): number | null {
  const t = text.normalize('NFKC').replace(/[,，\s]/g, '')
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t)
  return parseChineseNumber(t)
}
