/**
 * Text normalization for Chinese government reports.
 *
 * Two levels:
 * - `normalizeGlyphs` repairs code points that PDF generators emit for look-alike glyphs
 *   (Kangxi radicals, CJK radical supplement, compatibility ideographs) and nothing else:
 *   it is what the app stores and shows as "the text".
 * - `matchForm` additionally folds width (NFKC), punctuation variants and whitespace:
 *   it is only for comparing labels, never for display.
 * The raw text is always kept separately for provenance.
 */

/**
 * Kangxi radicals (U+2F00–U+2FD5) whose NFKC form is a traditional character: in simplified
 * reports the glyph stands for the simplified character (⼾ is printed for 户, not 戶).
 */
const KANGXI_TO_SIMPLIFIED: Record<string, string> = {
  '\u2F3E': '户', // ⼾ → 戶 by NFKC
  '\u2F92': '见', // ⾒
  '\u2F99': '贝', // ⾙
  '\u2F9E': '车', // ⾞
  '\u2FA7': '长', // ⾧
  '\u2FA8': '门', // ⾨
  '\u2FAD': '青', // ⾭
  '\u2FB1': '韦', // ⾱
  '\u2FB4': '页', // ⾴
  '\u2FB5': '风', // ⾵
  '\u2FB6': '飞', // ⾶
  '\u2FBA': '马', // ⾺
  '\u2FBE': '斗', // ⾾
  '\u2FC2': '鱼', // ⿂
  '\u2FC3': '鸟', // ⿃
  '\u2FC4': '卤', // ⿄
  '\u2FC6': '麦', // ⿆
  '\u2FC8': '黄', // ⿈
  '\u2FCC': '黾', // ⿌
  '\u2FD1': '齐', // ⿑
  '\u2FD2': '齿', // ⿒
  '\u2FD3': '龙', // ⿓
  '\u2FD4': '龟' // ⿔
}

/**
 * CJK Radicals Supplement (U+2E80–U+2EFF): NFKC leaves these alone, but fonts map whole
 * simplified characters to them (⺠ for 民, ⻔ for 门, ⻝ for 食). Only radicals that are
 * also complete characters are listed.
 */
const SUPPLEMENT_TO_CHAR: Record<string, string> = {
  '\u2E9F': '母',
  '\u2EA0': '民',
  '\u2EC1': '虎',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC9': '贝',
  '\u2ECB': '车',
  '\u2ECA': '足',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
  '\u2EF3': '龟'
}

const GLYPH_SUSPECTS = /[\u2E80-\u2EFF\u2F00-\u2FDF\uF900-\uFAFF]|[\uD87E][\uDC00-\uDE1F]/u

/** Repairs look-alike code points; leaves punctuation, width and spacing as printed. */
export function normalizeGlyphs(raw: string): string {
  if (!GLYPH_SUSPECTS.test(raw)) return raw
  let out = ''
  for (const ch of raw) {
    const cp = ch.codePointAt(0)!
    if (cp >= 0x2e80 && cp <= 0x2eff) out += SUPPLEMENT_TO_CHAR[ch] ?? ch
    else if (cp >= 0x2f00 && cp <= 0x2fdf) out += KANGXI_TO_SIMPLIFIED[ch] ?? ch.normalize('NFKC')
    else if ((cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f)) out += ch.normalize('NFKC')
    else out += ch
  }
  return out
}

/** Punctuation variants folded for matching, applied after NFKC. */
const PUNCT_FOLD: Array<[RegExp, string]> = [
  [/[“”〝〞„‟"]/g, '"'],
  [/[‘’']/g, "'"],
  [/[【〔［]/g, '['],
  [/[】〕］]/g, ']'],
  [/[．。]/g, '.'],
  [/[−－–—]/g, '-'],
  [/：/g, ':'],
  [/，/g, ','],
  [/；/g, ';']
]

/**
 * The form used to compare labels: glyphs repaired, NFKC (full-width → half-width, so （一）
 * becomes (一)), punctuation variants unified, all whitespace removed.
 */
export function matchForm(text: string): string {
  let s = normalizeGlyphs(text).normalize('NFKC')
  for (const [re, rep] of PUNCT_FOLD) s = s.replace(re, rep)
  return s.replace(/\s+/gu, '')
}

const CN_DIGITS: Record<string, string> = { 〇: '0', '○': '0', 零: '0', Ｏ: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' }

/** A year written in Chinese numerals, as titles and sign-offs sometimes do: 二〇二三年. */
export const CN_YEAR = /[〇○零Ｏ一二三四五六七八九]{4}(?=年)/g

/** 二〇二三年 → 2023年, one character for one, so positions in the text still hold. */
export function arabicYears(text: string): string {
  return text.replace(CN_YEAR, (y) => [...y].map((c) => CN_DIGITS[c]).join(''))
}

/** Collapses runs of spaces (PDF extraction inserts them inside words) but keeps line breaks. */
export function tidySpaces(text: string): string {
  return text.replace(/[ \t\u00A0\u3000]+/g, ' ').trim()
}

const CJK = /[\u3000-\u303F\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u

/** True when a space between these two strings would not be written in Chinese text. */
export function joinsWithoutSpace(left: string, right: string): boolean {
  const a = left.at(-1) ?? ''
  const b = right[0] ?? ''
  return CJK.test(a) || CJK.test(b)
}

/** Joins text fragments in reading order: no space around CJK characters, one space otherwise. */
export function joinFragments(parts: string[]): string {
  let out = ''
  for (const p of parts) {
    if (!p) continue
    if (!out) out = p
    else out += joinsWithoutSpace(out, p) ? p : ' ' + p
  }
  return out
}
