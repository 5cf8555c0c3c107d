/**
 * The CJK fonts bundled under resources/fonts for memo PDFs, and which characters the heading
 * face covers (GB2312 plus common punctuation: the subset make-fonts.mjs builds), so that
 * headings can fall back to the body face for anything else.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { MemoError } from './errors'

export const BODY_FONT_FILE = 'NotoSerifSC-Regular-subset.otf'
export const HEADING_FONT_FILE = 'NotoSansSC-Bold-subset.otf'

/**
 * The fonts folder: given, or DRA_FONTS_DIR, or the packaged app's resources, or the nearest
 * resources/fonts above this module (the repository, whether run from source or bundled).
 */
export function fontsDir(explicit?: string): string {
  const has = (d: string) => fs.existsSync(path.join(d, BODY_FONT_FILE)) && fs.existsSync(path.join(d, HEADING_FONT_FILE))
  const candidates: string[] = []
  if (explicit) candidates.push(explicit)
  if (process.env.DRA_FONTS_DIR) candidates.push(process.env.DRA_FONTS_DIR)
  const resources = (process as { resourcesPath?: string }).resourcesPath
  if (resources) candidates.push(path.join(resources, 'fonts'))
  if (process.env.DRA_ROOT) candidates.push(path.join(process.env.DRA_ROOT, 'resources', 'fonts'))
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'resources', 'fonts'))
    if (path.dirname(dir) === dir) break
  }
  const found = explicit ? (has(explicit) ? explicit : null) : candidates.find(has)
  if (!found) throw new MemoError(`找不到生成 PDF 所需的字体文件（${BODY_FONT_FILE}、${HEADING_FONT_FILE}），应位于 resources/fonts${explicit ? `：${explicit}` : ''}`)
  return found
}

/** Code point ranges both faces keep (make-fonts.mjs COMMON). */
const COMMON: Array<[number, number]> = [
  [0x20, 0x7e], [0xa0, 0xff], [0x2000, 0x206f], [0x2100, 0x218f], [0x2190, 0x21ff], [0x2200, 0x22ff], [0x2460, 0x24ff], [0x2500, 0x257f],
  [0x25a0, 0x25ff], [0x2600, 0x26ff], [0x3000, 0x303f], [0x3200, 0x32ff], [0xfe30, 0xfe4f], [0xff00, 0xffef]
]

let gb2312: Set<number> | null = null

function gb2312Set(): Set<number> {
  if (gb2312) return gb2312
  const dec = new TextDecoder('gb18030')
  const set = new Set<number>()
  const pair = new Uint8Array(2)
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    if (hi > 0xa9 && hi < 0xb0) continue
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      pair[0] = hi
      pair[1] = lo
      const cp = dec.decode(pair).codePointAt(0)!
      if (cp !== 0xfffd && !(cp >= 0xe000 && cp <= 0xf8ff)) set.add(cp)
    }
  }
  return (gb2312 = set)
}

/** Whether the heading face has a glyph for this code point. */
export function inHeadingFont(cp: number): boolean {
  return COMMON.some(([a, b]) => cp >= a && cp <= b) || gb2312Set().has(cp)
}
