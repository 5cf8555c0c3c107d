/**
 * Vertical text in table cells (Word's 文字方向 on the tall group cells of table 3: 三、本年度
 * 办理结果, （三）不予公开 …). A PDF prints it one upright glyph under another, so each glyph
 * lands on whatever text line shares its height: on a row's value line it reads as a value
 * (无 is a placeholder), beside a row's label it sticks to that label. Before the table parsers
 * read the lines, each such stack is taken out of the lines it fell on and put back as one
 * word on a line of its own, at the middle of the stack, where a wrapped group label would be.
 *
 * A stack: at least three lone glyphs (not digits) centred on one x, each less than
 * MAX_PITCH_EM font sizes below the one above. Horizontal lines, even single-spaced, stand
 * further apart than glyphs set one under another.
 */
import type { DocLine, DocWord } from '../doc'
import { baselineAt, isLoneGlyph, joinWords, withWords, wordLine } from '../doc'

/** Vertical presentation forms (︵ ︶ ︑ …) and the punctuation they stand for. */
const VERTICAL_FORMS: Record<string, string> = {
  '\uFE10': '，',
  '\uFE11': '、',
  '\uFE12': '。',
  '\uFE13': '：',
  '\uFE14': '；',
  '\uFE15': '！',
  '\uFE16': '？',
  '\uFE31': '—',
  '\uFE32': '–',
  '\uFE35': '（',
  '\uFE36': '）',
  '\uFE37': '｛',
  '\uFE38': '｝',
  '\uFE39': '〔',
  '\uFE3A': '〕',
  '\uFE3B': '【',
  '\uFE3C': '】',
  '\uFE3D': '《',
  '\uFE3E': '》',
  '\uFE3F': '〈',
  '\uFE40': '〉',
  '\uFE41': '「',
  '\uFE42': '」',
  '\uFE43': '『',
  '\uFE44': '』'
}

const MAX_PITCH_EM = 1.15
const MIN_GLYPHS = 3

interface Glyph {
  word: DocWord
  line: DocLine
  centre: number
  /** The glyph's own vertical middle: a line's baseline is an average over all it holds. */
  middle: number
  size: number
}

/** Stacks of glyphs on one page, each top to bottom. */
function findStacks(lines: DocLine[]): Glyph[][] {
  const glyphs: Glyph[] = []
  for (const line of lines) {
    if (line.page === undefined) continue
    for (const word of line.words) {
      if (word.x0 === undefined || word.x1 === undefined || word.y0 === undefined || word.y1 === undefined || !isLoneGlyph(word)) continue
      glyphs.push({ word, line, centre: (word.x0 + word.x1) / 2, middle: (word.y0 + word.y1) / 2, size: line.fontSize ?? 10 })
    }
  }
  glyphs.sort((a, b) => (a.line.page ?? 0) - (b.line.page ?? 0) || b.middle - a.middle)
  const stacks: Glyph[][] = []
  const open: Glyph[][] = []
  for (const g of glyphs) {
    const stack = open.find((s) => {
      const last = s[s.length - 1]
      return (
        last.line.page === g.line.page &&
        Math.abs(last.centre - g.centre) <= 0.25 * g.size &&
        last.middle - g.middle > 0 &&
        last.middle - g.middle <= MAX_PITCH_EM * Math.max(last.size, g.size)
      )
    })
    if (stack) stack.push(g)
    else {
      const s = [g]
      open.push(s)
      stacks.push(s)
    }
  }
  return stacks.filter((s) => s.length >= MIN_GLYPHS)
}

function stackLine(stack: Glyph[]): DocLine {
  const words = stack.map((g) => g.word)
  const size = Math.max(...stack.map((g) => g.size))
  const word = joinWords(words, words.map((w) => VERTICAL_FORMS[w.text] ?? w.text).join(''))
  // At the middle of the stack: a group label is centred on the rows it spans.
  return wordLine(word, stack[0].line.page, baselineAt((stack[0].middle + stack[stack.length - 1].middle) / 2, size), size)
}

/** The lines of a PDF table with each vertical stack of glyphs read as one word of its own. */
export function joinVerticalText(lines: DocLine[]): DocLine[] {
  const stacks = findStacks(lines)
  if (stacks.length === 0) return lines
  const taken = new Set<DocWord>(stacks.flatMap((s) => s.map((g) => g.word)))
  const out: DocLine[] = []
  for (const line of lines) {
    const words = line.words.filter((w) => !taken.has(w))
    if (words.length === line.words.length) out.push(line)
    else if (words.length) out.push(withWords(line, words))
  }
  // Each stack's line goes where its page and height put it (lines run page by page, top down).
  for (const stack of stacks) {
    const added = stackLine(stack)
    const at = out.findIndex((l) => (l.page ?? 0) > (added.page ?? 0) || (l.page === added.page && (l.baseline ?? 0) < (added.baseline ?? 0)))
    out.splice(at < 0 ? out.length : at, 0, added)
  }
  return out
}
