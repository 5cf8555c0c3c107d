/**
 * Table 2 as a provincial template prints it (湖北's, domain.md §6 and V06): a filling note in
 * brackets after row and column names, and a row of the province's own, 其他主动公开文件. The
 * names are matched, the notes are not read as rows (a note may name other rows: 规范性文件,
 * 行政处罚, 行政强制), and the variant is recorded (V06, information), not reported as a wrong
 * label (L02) or a row out of place (L07).
 *
 * Variants p63 (ruled PDF, 2019 format, a name wrapped over nine lines in a narrow column), p65
 * (the same without ruling lines, 2021) and t64 (tab-separated text); their cells are checked
 * with the other variants. And seed 002's text with such notes written in.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { fillingNote, startsT2Label, withoutNotes } from '../../src/core/extract/labels'
import type { ExtractedReport } from '../../src/core/model/report'
import { expectedFor, SEEDS } from '../helpers/paths'
import { check } from '../helpers/rules'
import { variantReport } from '../helpers/variants'

const PROVINCE_ROW = /^其他主动公开文件（含以本单位名义印发的、规范性文件以外的文件）$/

function regionalFindings(report: ExtractedReport) {
  const findings = check(report)
  return {
    v06: findings.filter((f) => f.rule === 'V06').map((f) => [f.severity, f.message]),
    wrong: findings.filter((f) => ['L02', 'L07'].includes(f.rule) || (f.rule === 'L01' && f.message.startsWith('表二'))).map((f) => f.message)
  }
}

describe.each([
  ['p63-t2-notes.pdf', 12],
  ['p65-t2-notes-borderless.pdf', 4],
  ['t64-tab-t2-notes.txt', 4]
])('%s', (name, notes) => {
  it('reads the names, keeps the province’s row out of the cells, and records the variant', async () => {
    const report = await variantReport(name)
    const rows = report.labels.filter((l) => l.table === 't2' && l.role === 'row')
    // Every official row under its key, whole with its note; the province's row recorded without one.
    expect(rows.filter((l) => l.key === null).map((l) => l.text)).toEqual([expect.stringMatching(PROVINCE_ROW)])
    expect(rows.find((l) => l.key === 'regulations')?.text).toBe('规章（设区的市、自治州人民政府填报）')
    expect(rows.find((l) => l.key === 'normative_docs')?.text).toMatch(/^(行政)?规范性文件（指行政机关依法制定、公开发布，在一定时期内反复适用的公文）$/)
    if (report.t2Template === '2019') expect(rows.find((l) => l.key === 'other_services')?.text).toMatch(/^其他对外管理服务事项（指行政许可以外的.*行政处罚、行政强制等）$/)
    expect(report.problems.filter((p) => p.table === 't2')).toEqual([])
    const { v06, wrong } = regionalFindings(report)
    expect(wrong).toEqual([])
    expect(v06).toEqual([
      ['info', expect.stringMatching(/^表二增加了地方扩展行“其他主动公开文件（含/)],
      ['info', expect.stringMatching(new RegExp(`^表二有 ${notes} 个行标签或表头附有地方格式的填报说明（如“.+（指.+）”），已按名称识别，数值照常读取$`))]
    ])
  })
})

/** Seed 002's text (2019 format, tab-separated) with 湖北-style notes and the province's row written in. */
function seedWithNotes(): string {
  let text = fs.readFileSync(path.join(SEEDS, '002.txt'), 'utf8')
  const edits: Array<[string, string]> = [
    ['规章\t0\t0\t0', '规章（设区的市、自治州人民政府填报）\t0\t0\t0'],
    ['规范性文件\t4\t4\t4', '规范性文件（指行政机关制定发布的决定、公告、通告等公文）\t4\t4\t4\n其他主动公开文件（含规范性文件以外的其他文件）\t186\t86\t255'],
    ['其他对外管理服务事项\t', '其他对外管理服务事项（含行政确认、行政给付、行政处罚、行政强制等事项）\t'],
    ['信息内容\t上一年项目数量\t本年增/减\t处理决定数量', '信息内容\t上一年项目数量（指2019年事项数）\t本年增/减（减少用负数表示）\t处理决定数量（指2020年办件量）']
  ]
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`seed 002 has no “${from}”`)
    text = text.replaceAll(from, to)
  }
  return text
}

it('reads seed 002 with notes and the province’s row as the seed itself, saying only what the variant is', async () => {
  const read = async (text: string) => (await parseDocument(new TextEncoder().encode(text), 'txt')).report!
  const report = await read(seedWithNotes())
  const expected = expectedFor('002.txt')
  expect(Object.fromEntries(Object.keys(expected.cells).map((k) => [k, report.cells[k]?.value ?? null]))).toEqual(expected.cells)
  expect(Object.keys(report.cells).sort()).toEqual(Object.keys(expected.cells).sort())
  const seed = check(await read(fs.readFileSync(path.join(SEEDS, '002.txt'), 'utf8'))).map((f) => `${f.rule} ${f.message}`)
  const added = check(report)
    .map((f) => `${f.rule} ${f.message}`)
    .filter((f) => !seed.includes(f))
  expect(added).toEqual([
    'V06 表二增加了地方扩展行“其他主动公开文件（含规范性文件以外的其他文件）”（非全国格式内容）',
    expect.stringMatching(/^V06 表二有 9 个行标签或表头附有地方格式的填报说明（如“上一年项目数量（指2019年事项数）”）/)
  ])
})

it('tells a filling note from a unit, and a name’s first line from a line inside a note', () => {
  expect(withoutNotes('规章(设区的市、自治州人民政府填报)')).toBe('规章')
  expect(withoutNotes('(二)部分公开')).toBe('(二)部分公开')
  expect(fillingNote('上一年项目数量(指2019年事项数)')).toBe('(指2019年事项数)')
  expect(fillingNote('本年收费金额(单位:万元,保留4位小数)')).toBeNull()
  expect(startsT2Label('行政规范性文', null)).toBe(true)
  expect(startsT2Label('其他主动公开', '规范性文件（指行政机关依法制定）')).toBe(true)
  expect(startsT2Label('行政许可以外', '其他对外管理服务事项（指')).toBe(false)
  expect(startsT2Label('件（指行政机', '行政规范性文')).toBe(false)
})
