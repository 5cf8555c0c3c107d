/**
 * Tables under a caption of their own (表1 主动公开政府信息情况), with their unit set flush right
 * above them (单位：件) or in the caption, and a note under table 3 (注：…), as many offices
 * print them (variants p58, p59 borderless, t60 TXT). The captions are not read as headings,
 * labels or rows, so no structure problem or label finding comes of them; the cells are checked
 * with the other variants.
 */
import { expect, it } from 'vitest'
import { check } from '../helpers/rules'
import { variantReport } from '../helpers/variants'

it.each(['p58-captions-units.pdf', 'p59-captions-borderless.pdf', 't60-tab-captions.txt'])('%s: captions, units and notes stay outside the tables', async (name) => {
  const report = await variantReport(name)
  expect(report.sections.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6])
  // The official fee column carries its own unit (本年收费金额（单位：万元）): not a caption.
  const captionText = /表\d|单位：件|注：/
  expect(report.labels.filter((l) => captionText.test(l.text ?? ''))).toEqual([])
  expect(report.problems).toEqual([])
  expect(check(report).filter((f) => f.rule.startsWith('L'))).toEqual([])
})
