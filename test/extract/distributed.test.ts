/**
 * Distributed alignment (分散对齐): a row label spread over its cell, one glyph per word, still
 * reads in order, and its last wrapped glyph, flush against the values, stays in the label
 * (variant p22); header cells spread the same way read as the official column names, so the
 * label rules find nothing to report (variant p27). In p71 (borderless, 2019 format) 信 息 内 容
 * spread a glyph a word still ends table 2's header: the name wrapped under it (行政事业性收 /
 * 费) is a row's, not a header's. In p74 (14pt, borderless) a justified line's words mix pairs and
 * lone glyphs at one pitch and read as one piece. In p76 table 3's 勾稽 note, spread too, loses its
 * closing bracket past the label column: the first row's numbered label still ends it. In p81
 * (borderless) header cells and the note spread a glyph a word read as the heads they spell; in
 * p83 a group heading spread far from its rows' lines goes with one of them. Their cells are
 * checked with the other variants.
 */
import { expect, it } from 'vitest'
import { T2_LAYOUTS } from '../../src/core/model/keys'
import { check } from '../helpers/rules'
import { variantReport } from '../helpers/variants'

it('reads spread row labels glyph by glyph in reading order', async () => {
  const report = await variantReport('p22-distributed-labels.pdf')
  const label = (key: string) => report.labels.find((l) => l.table === 't3' && l.role === 'row' && l.key === key)?.text
  // "（ 五 ）" over "不 予 处": the two lines of the group label do not interleave.
  expect(label('reject_publication')).toBe('（五）不予处3.要求提供公开出版物')
  // "不 予 公" over "开": the group's lines in order beside the leaf label.
  expect(label('deny_internal')).toBe('不予公开5.属于三类内部事务信息')
  // "（ 三 ）" beside "权        益": the numbering stays with its own column.
  expect(label('deny_third')).toBe('（三）4.保护第三方合法权益')
  // "1.信访举报投诉类" over "申        请".
  expect(label('reject_petition')).toBe('1.信访举报投诉类申请')
  expect(report.problems).toEqual([])
})

it('reads spread header cells as whole names, so no label rule fires', async () => {
  const report = await variantReport('p27-distributed-heads.pdf')
  const columns = (table: string) => report.labels.filter((l) => l.table === table && l.role === 'column')
  // Table 2: one header per column of each block (本 年 处 理 决 定 数 量 spans three columns).
  expect(columns('t2').map((l) => l.key)).toEqual(T2_LAYOUTS['2021'].flatMap((b) => b.columns.map((c) => c.key)))
  // Table 3: 申 请 人 情 况 over seven columns no longer sticks a glyph onto each column's name.
  expect(columns('t3').map((l) => l.text)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'])
  expect(columns('t4').map((l) => l.text)).toEqual(Array(3).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat())
  const groups = report.labels.filter((l) => l.table === 't4' && l.role === 'group').map((l) => l.text)
  expect(groups).toEqual(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'])
  // Spread numbering stays beside its group label, as in p22.
  const row = (key: string) => report.labels.find((l) => l.table === 't3' && l.role === 'row' && l.key === key)?.text
  expect(row('deny_third')).toBe('（三）4.保护第三方合法权益')
  expect(row('unable_create')).toBe('无法提供2.没有现成信息需要另行制作')
  expect(report.problems).toEqual([])
  expect(check(report).filter((f) => f.rule.startsWith('L'))).toEqual([])
})

it('ends a table-2 header at its spread 信息内容, and reads （三） run into 1.属于国 as two columns', async () => {
  const report = await variantReport('p71-2019-spread-heads-borderless.pdf')
  const label = (table: string, key: string) => report.labels.find((l) => l.table === table && l.role === 'row' && l.key === key)?.text
  expect(label('t2', 'fees')).toBe('行政事业性收费')
  expect(label('t3', 'deny_secret')).toBe('（三）不予公开1.属于国家秘密')
  expect(report.problems).toEqual([])
})

it('reads a justified label line whose words mix pairs and lone glyphs at one pitch as one piece (p74)', async () => {
  // 14pt spread over a borderless cell: 1.属 于 国 家 秘 (a pair, then lone glyphs, at one pitch).
  const report = await variantReport('p74-distributed-borderless-14pt.pdf')
  const label = report.labels.find((l) => l.table === 't3' && l.role === 'row' && l.key === 'deny_secret')?.text
  expect(label).toContain('1.属于国家秘密')
  expect(report.problems.filter((p) => p.code.startsWith('row_'))).toEqual([])
})

it('ends table 3’s spread 勾稽 note at the first row’s numbered label, its closing bracket past the label column (p76)', async () => {
  const report = await variantReport('p76-2019-spread-note-borderless.pdf')
  const t3 = report.labels.filter((l) => l.table === 't3')
  expect(t3.find((l) => l.role === 'row' && l.key === 'new')?.text).toBe('一、本年新收政府信息公开申请数量')
  const note = t3.find((l) => l.role === 'note')?.text ?? ''
  expect(note).toMatch(/^\(本列数据的勾稽关系/)
  expect(note).not.toMatch(/本年新收/)
  expect(report.problems).toEqual([])
})

it('reads header cells spread over a borderless table by the heads they spell, wrapped ones and the note too (p81)', async () => {
  // Without rules a spread cell's glyphs look like a glyph of each of several narrow columns:
  // 申 请 人 情 况 stood over seven columns and stuck a glyph onto each column's name.
  const report = await variantReport('p81-spread-heads-borderless.pdf')
  const of = (table: string, role: string) => report.labels.filter((l) => l.table === table && l.role === role).map((l) => l.text)
  expect(of('t3', 'group')).toEqual(['申请人情况', '法人或其他组织'])
  // 社 会 公 益 over 组 织, 法 律 服 务 over 机 构: each line joined, then stacked.
  expect(of('t3', 'column')).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'])
  // The note's first and last lines, (本 列 数 据 … and 项 之 和 ), glyph by glyph.
  expect(of('t3', 'note')).toEqual(['(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)'])
  expect(of('t4', 'group')).toEqual(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'])
  expect(of('t4', 'column')).toEqual(Array(3).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat())
  expect(check(report).filter((f) => f.rule.startsWith('L'))).toEqual([])
})

it('gives a group heading spread in its column far from every row’s line to a row of its group, not a row of its own (p83)', async () => {
  // ( 六 ) 其 他 over 处 理 between 2.申请人逾期未按… and its values: read alone, “(六)其他” named
  // 3.其他 and made a blank row out of the format.
  const report = await variantReport('p83-spread-heading-apart.pdf')
  expect(report.problems).toEqual([])
  const rows = report.labels.filter((l) => l.table === 't3' && l.role === 'row')
  expect(rows.filter((l) => l.text.includes('(六)其他')).map((l) => l.key)).toEqual([expect.stringMatching(/^other_/)])
  expect(check(report).filter((f) => f.rule.startsWith('L'))).toEqual([])
})
