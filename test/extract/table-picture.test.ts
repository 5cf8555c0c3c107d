/**
 * A table pasted as a picture (variant p25: table 3 is a screenshot): the report says the table
 * was not found and where the picture is, S11 tells the auditor to check it by hand, and the
 * table's arithmetic rules do not pile "cells are blank" findings on top.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { readPdf } from '../../src/core/pdf/read-pdf'
import { FIXTURES } from '../helpers/paths'
import { check, rulesOf } from '../helpers/rules'

const read = async (file: string) => (await parseDocument(new Uint8Array(fs.readFileSync(file)), 'pdf')).report!

it('points at the picture where table 3 should be, and checks only the tables it found', async () => {
  const report = await read(path.join(FIXTURES, 'variants', 'p25-t3-picture.pdf'))
  const picture = report.problems.find((p) => p.code === 'table_image')
  expect(picture).toMatchObject({ table: 't3', source: { kind: 'pdf', page: 2 } })
  expect(report.problems.map((p) => p.code).sort()).toEqual(['table_image', 'table_missing'])

  const findings = check(report)
  const s11 = findings.filter((f) => f.rule === 'S11')
  expect(s11).toHaveLength(1)
  expect(s11[0].message).toMatch(/未找到表三.*第 2 页有图片，表格可能以图片形式插入/)
  expect(s11[0].source).toEqual(picture!.source)
  const rules = [...rulesOf(findings)]
  expect(rules.filter((r) => r.startsWith('T3-'))).toEqual([])
  // Table 2 was read and is still checked (its 规章 row is not 0 in this variant).
  expect(rules).toContain('T2-04')
})

it('finds pictures on the pages table 3 was pasted on, and none in a report whose tables are text', async () => {
  const pictures = async (file: string) => {
    const read = await readPdf(new Uint8Array(fs.readFileSync(file)), { maxPages: 150 })
    try {
      return await Promise.all(read.doc.pages.map((p) => read.doc.pictures!(p.page)))
    } finally {
      await read.close()
    }
  }
  // The screenshot of table 3 runs over pages 2 and 3 (the print splits it), nowhere else.
  const p25 = await pictures(path.join(FIXTURES, 'variants', 'p25-t3-picture.pdf'))
  expect(p25.map((n, i) => (n > 0 ? i + 1 : 0)).filter(Boolean)).toEqual([2, 3])
  // A report whose tables are text paints none.
  expect(await pictures(path.join(FIXTURES, 'seeds', '001.ruled.pdf'))).toEqual([0, 0, 0, 0, 0])
})
