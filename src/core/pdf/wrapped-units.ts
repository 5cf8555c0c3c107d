/**
 * A value cell too narrow for its number and unit (1,889件 in a column set for 3 digits) wraps
 * the unit onto a line of its own under the number. The PDF then gives the number on one line
 * and 件 on the next, and, when the cell is centred on its row, both half a line off the row's
 * other values, which stand on a line between them. As a page's lines are built, each such
 * unit is joined to its number and the value put on its row's line.
 */
import type { DocLine, DocWord } from '../extract/doc'
import { isUnitWord, joinWords, takesUnit, withWords } from '../extract/doc'
import { parseValueToken } from '../text/numbers'

/**
 * How far below its number a wrapped unit may stand, in font sizes: one line of a cell set at
 * a fixed 28 pt (公文's usual spacing) in 五号 type is 2.7 em; LibreOffice's 220 % spacing is 3.2.
 * Nothing may stand between the two in their column, so the reach does not pass a row's values.
 */
const MAX_WRAP_EM = 3.5

const isValue = (w: DocWord) => parseValueToken(w.text) !== null
const overlaps = (a: DocWord, b: DocWord) => (a.x0 ?? 0) < (b.x1 ?? 0) - 0.5 && (b.x0 ?? 0) < (a.x1 ?? 0) - 0.5

interface Wrap {
  /** Line indexes of the unit and of its number. */
  unitLine: number
  numberLine: number
  unit: DocWord
  number: DocWord
}

/** How close a glyph of text may stand beside a unit word for it to be that text's (上 一 年 项 目), in font sizes. */
const TEXT_GAP_EM = 1

/** Each unit standing alone under a number in its column, nothing between them there. */
function findWraps(lines: DocLine[]): Wrap[] {
  const at = (i: number) => lines[i].baseline ?? 0
  const wraps: Wrap[] = []
  lines.forEach((line, i) => {
    if (line.page === undefined) return
    const em = line.fontSize ?? 10
    // A unit glyph close beside other text is a glyph of it: a head spread over its cell
    // (上 一 年 项 目 数 量) under a row's number in the block above.
    const inText = (unit: DocWord) =>
      line.words.some((w) => w !== unit && !isUnitWord(w) && !isValue(w) && Math.max((w.x0 ?? 0) - (unit.x1 ?? 0), (unit.x0 ?? 0) - (w.x1 ?? 0)) < TEXT_GAP_EM * em)
    for (const unit of line.words) {
      if (!isUnitWord(unit) || inText(unit)) continue
      for (let j = i - 1; j >= 0 && lines[j].page === line.page && at(j) - at(i) <= MAX_WRAP_EM * em; j--) {
        const hit = lines[j].words.find((w) => overlaps(w, unit))
        if (!hit) continue
        if (takesUnit(hit)) wraps.push({ unitLine: i, numberLine: j, unit, number: hit })
        break
      }
    }
  })
  return wraps
}

/** A page's lines (top to bottom) with each unit wrapped under its number joined to it, on its row's line. */
export function joinWrappedUnits(lines: DocLine[]): DocLine[] {
  if (!lines.some((l) => l.words.some(isUnitWord))) return lines
  const wraps = findWraps(lines)
  if (!wraps.length) return lines
  // Numbers whose unit wrapped stand where their cells start or end, not on their row's line:
  // only the row's whole values (its cells that did not wrap) say which line that is.
  const wrapped = new Set<DocWord>(wraps.flatMap((w) => [w.number, w.unit]))
  const words = lines.map((l) => [...l.words])
  for (const { unitLine, numberLine, unit, number } of wraps) {
    const joined = { ...joinWords([number, unit], number.text + unit.text), raw: `${number.raw} ${unit.raw}` }
    // The row's line: of the lines from the number's down to the unit's, the one holding the
    // most whole values in other columns (centred cell: a line between; top or bottom: an end).
    let row = numberLine
    let most = -1
    for (let j = numberLine; j <= unitLine; j++) {
      const others = words[j].filter((w) => !wrapped.has(w) && isValue(w))
      if (others.some((w) => overlaps(w, joined))) continue
      if (others.length > most) [row, most] = [j, others.length]
    }
    words[numberLine] = words[numberLine].filter((w) => w !== number)
    words[unitLine] = words[unitLine].filter((w) => w !== unit)
    words[row] = [...words[row], joined].sort((a, b) => (a.x0 ?? 0) - (b.x0 ?? 0))
  }
  return lines.flatMap((l, i) => (words[i].length === 0 ? [] : words[i].length === l.words.length && words[i].every((w, k) => w === l.words[k]) ? [l] : [withWords(l, words[i])]))
}
