#!/usr/bin/env node
// Rebuilds the two CJK fonts bundled for memo PDFs from Debian's fonts-noto-cjk (SIL OFL 1.1):
//   apt-get install fonts-noto-cjk libharfbuzz-bin && node resources/fonts/make-fonts.mjs
// Subsets keep the files small enough for the repository: the body face keeps every CJK
// Unified Ideograph the font has (any agency name renders), the heading face keeps GB2312
// (headings fall back to the body face for anything else, see src/core/memo/pdf.ts).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const NOTO = '/usr/share/fonts/opentype/noto'

/** Punctuation, symbols and full-width forms used in Chinese official documents. */
const COMMON = '20-7E,A0-FF,2000-206F,2100-218F,2190-21FF,2200-22FF,2460-24FF,2500-257F,25A0-25FF,2600-26FF,3000-303F,3200-32FF,FE30-FE4F,FF00-FFEF'

/** The GB2312 repertoire, read off the GB18030 decoder (rows A1–A9 symbols, B0–F7 hanzi). */
function gb2312() {
  const dec = new TextDecoder('gb18030')
  let s = ''
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    if (hi > 0xa9 && hi < 0xb0) continue
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]))
      const cp = ch.codePointAt(0)
      if (ch.length === 1 && ch !== '\ufffd' && !(cp >= 0xe000 && cp <= 0xf8ff)) s += ch
    }
  }
  return s
}

// The TTCs hold JP, KR, SC, TC, HK faces; index 2 is Simplified Chinese (fc-query shows it).
const FONTS = [
  { src: 'NotoSerifCJK-Regular.ttc', face: 2, out: 'NotoSerifSC-Regular-subset.otf', unicodes: `${COMMON},4E00-9FFF` },
  { src: 'NotoSansCJK-Bold.ttc', face: 2, out: 'NotoSansSC-Bold-subset.otf', unicodes: COMMON, text: gb2312() }
]

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fonts-'))
for (const f of FONTS) {
  const args = [`--font-file=${path.join(NOTO, f.src)}`, `--face-index=${f.face}`, `--unicodes=${f.unicodes}`, '--no-hinting', '--layout-features=', `--output-file=${path.join(here, f.out)}`]
  if (f.text) {
    const t = path.join(tmp, 'text.txt')
    fs.writeFileSync(t, f.text)
    args.push(`--text-file=${t}`)
  }
  execFileSync('hb-subset', args, { stdio: 'inherit' })
  console.log(`${f.out}: ${(fs.statSync(path.join(here, f.out)).size / 1e6).toFixed(2)} MB`)
}
fs.rmSync(tmp, { recursive: true, force: true })
