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

/** How far below its number a wrapped unit may stand, in font sizes: one line at double spacing and some. */
const MAX_WRAP_EM = 2.4

const isValue = (w: DocWord) => parseValueToken(w.text) !== null
const overlaps = (a: DocWord, b: DocWord) => (a.x0 ?? 0) < (b.x1 ?? 0) - 0.5 && (b.x0 ?? 0) < (a.x1 ?? 0) - 0.5

/** A page's lines (top to bottom) with each unit wrapped under its number joined to it, on its row's line. */
export function joinWrappedUnits(lines: DocLine[]): DocLine[] {
  if (!lines.some((l) => l.words.some(isUnitWord))) return lines
  const words = lines.map((l) => [...l.words])
  const at = (i: number) => lines[i].baseline ?? 0
  let changed = false
  for (let i = 0; i < lines.length; i++) {
    for (const unit of [...words[i]]) {
      if (!isUnitWord(unit) || lines[i].page === undefined) continue
      const em = lines[i].fontSize ?? 10
      // The number: the nearest word above in the unit's column, nothing between them there.
      let above = -1
      for (let j = i - 1; j >= 0 && lines[j].page === lines[i].page && at(j) - at(i) <= MAX_WRAP_EM * em; j--) {
        const hit = words[j].find((w) => overlaps(w, unit))
        if (hit) {
          if (takesUnit(hit)) above = j
          break
        }
      }
      if (above < 0) continue
      const number = words[above].find((w) => overlaps(w, unit))!
      const joined = { ...joinWords([number, unit], number.text + unit.text), raw: `${number.raw} ${unit.raw}` }
      // The row's line: of the lines from the number's down to the unit's, the one holding the
      // most other values in other columns (centred cell: a line between; top or bottom: an end).
      let row = above
      let most = -1
      for (let j = above; j <= i; j++) {
        const others = words[j].filter((w) => w !== number && w !== unit && isValue(w))
        if (others.some((w) => overlaps(w, joined))) continue
        if (others.length > most) [row, most] = [j, others.length]
      }
      words[above] = words[above].filter((w) => w !== number)
      words[i] = words[i].filter((w) => w !== unit)
      words[row] = [...words[row], joined].sort((a, b) => (a.x0 ?? 0) - (b.x0 ?? 0))
      changed = true
    }
  }
  if (!changed) return lines
  return lines.flatMap((l, i) => (words[i].length === 0 ? [] : words[i].length === l.words.length && words[i].every((w, k) => w === l.words[k]) ? [l] : [withWords(l, words[i])]))
}
