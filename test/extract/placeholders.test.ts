/**
 * Cells that hold a mark instead of a number (—, /, 无): offices print them where nothing was
 * entered or nothing applies. Such a cell is null (never 0), its row is still the row, and the
 * finding names the mark the auditor sees in the source, not “空白”.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import type { Assigned } from '../../src/core/extract/tables/columns'
import { notNumbers } from '../../src/core/extract/tables/output'
import type { ValueSlot } from '../../src/core/extract/tables/rows'
import { parseValueToken } from '../../src/core/text/numbers'
import { check } from '../helpers/rules'
import { SEEDS, expectedFor } from '../helpers/paths'
import { variantReport } from '../helpers/variants'

/** The seed's text with every table cell that holds 0 printed as `mark` instead. */
function zerosAs(text: string, mark: string): string {
  return text
    .split('\n')
    .map((l) => (l.includes('\t') ? l.split('\t').map((c) => (c.trim() === '0' ? mark : c)).join('\t') : l))
    .join('\n')
}

describe.each([
  ['001.txt', '—'],
  ['003.txt', '/'],
  ['004.txt', '——']
])('%s with every 0 printed as “%s”', (name, mark) => {
  it('reads the marked cells as null, keeps every other cell and every row', async () => {
    const text = zerosAs(fs.readFileSync(path.join(SEEDS, name), 'utf8'), mark)
    const report = (await parseDocument(new TextEncoder().encode(text), 'txt')).report!
    const expected = expectedFor(name)
    let marked = 0
    for (const [key, value] of Object.entries(expected.cells)) {
      const cell = report.cells[key]
      if (value === 0 && cell.raw === mark) {
        marked++
        expect(cell, key).toMatchObject({ value: null, status: 'blank' })
      } else expect(cell.value, key).toBe(value)
    }
    expect(marked).toBeGreaterThan(20)
    // A row holding one mark alone (行政强制 | —) is still that row, not a lost one.
    expect(report.problems.filter((p) => p.code === 'row_missing')).toEqual([])
    const l08 = check(report).filter((f) => f.rule === 'L08')
    expect(l08.length).toBeGreaterThan(0)
    for (const f of l08) expect(f.message).toContain(`（填写“${mark}”，不等于 0）`)
  })
})

it('reads a row whose one cell holds a mark in text laid out with spaces', async () => {
  const text = zerosAs(fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8'), '—').replace(/\t/g, '    ')
  const report = (await parseDocument(new TextEncoder().encode(text), 'txt')).report!
  expect(report.problems.filter((p) => p.code === 'row_missing')).toEqual([])
  expect(report.cells['t2.coercion.decisions']).toMatchObject({ value: null, status: 'blank', raw: '—' })
  expect(report.cells['t2.penalty.decisions'].value).toBe(3681)
})

it('names the columns of a table-2 row that hold marks', async () => {
  const text = zerosAs(fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8'), '—')
  const report = (await parseDocument(new TextEncoder().encode(text), 'txt')).report!
  const message = (row: string) => report.problems.find((p) => p.table === 't2' && p.row === row)?.message
  expect(message('regulations')).toBe('表二“规章”行有单元格未填数值（填写“—”，不等于 0）：本年制发件数、本年废止件数、现行有效件数')
  expect(message('normative_docs')).toBe('表二“行政规范性文件”行有单元格未填数值（填写“—”，不等于 0）：本年废止件数')
  expect(message('coercion')).toBe('表二“行政强制”行有单元格未填数值（填写“—”，不等于 0）')
})

it('says “空白或填写” when a row holds both empty cells and marks', () => {
  const slot = (text: string): ValueSlot => ({ text, raw: text, token: parseValueToken(text)!, source: { kind: 'txt', start: 0, end: 1 } })
  const keys = ['a', 'b', 'c', 'd']
  const cells: Assigned[] = [
    { slot: slot('3'), status: 'ok' },
    { slot: slot('—'), status: 'ok' },
    { slot: null, status: 'blank' },
    { slot: slot('/'), status: 'ok' }
  ]
  expect(notNumbers(keys, cells)).toEqual({ keys: ['b', 'c', 'd'], note: '（空白或填写“—”、“/”，均不等于 0）' })
  expect(notNumbers(keys.slice(0, 2), cells.slice(0, 2))).toEqual({ keys: ['b'], note: '（填写“—”，不等于 0）' })
  expect(notNumbers(['c'], [cells[2]])).toEqual({ keys: ['c'], note: '（空白不等于 0）' })
})

it('reads a PDF row whose one cell holds a dash as that row, with its mark', async () => {
  // p28 prints 行政事业性收费 | —— in a borderless table: the dash stands far from the label.
  const report = await variantReport('p28-borderless-emdash.pdf')
  const fee = report.cells['t2.fees.amount']
  expect(fee).toMatchObject({ value: null, status: 'blank' })
  expect(fee.raw).toMatch(/^[—⸺]+$/)
  expect(fee.source).toMatchObject({ kind: 'pdf' })
  const p = report.problems.find((x) => x.row === 'fees')!
  expect(p.message).toMatch(/^表二“行政事业性收费”行有单元格未填数值（填写“[—⸺]+”，不等于 0）$/)
})
