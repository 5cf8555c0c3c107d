/**
 * Acceptance through the CLI: ingest the seed folder into a fresh store, export JSON, and
 * compare every report with its expected.json (the public contract of data-model.md).
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli, type CliResult } from '../helpers/cli'
import { expectedFor, SEEDS, seedDocuments, tempDir } from '../helpers/paths'

let dir: string
let db: string
let ingest: CliResult
let exported: Array<Record<string, unknown>>

beforeAll(() => {
  dir = tempDir()
  // A copy of the seeds, as a user's folder of filings (the CLI must not depend on our tree).
  const folder = path.join(dir, '县级年报')
  fs.mkdirSync(path.join(folder, '扫描件'), { recursive: true })
  for (const f of fs.readdirSync(SEEDS)) {
    const target = f.includes('.scanned.') ? path.join(folder, '扫描件', f) : path.join(folder, f)
    fs.copyFileSync(path.join(SEEDS, f), target)
  }
  db = path.join(dir, 'workspace.sqlite')
  ingest = runCli(['ingest', folder, '--db', db])
  const out = runCli(['export', '--db', db])
  expect(out.status, out.stderr).toBe(0)
  exported = JSON.parse(out.stdout)
})

describe('cli ingest', () => {
  it('prints one line per file and a summary, and exits 0', () => {
    expect(ingest.status, ingest.stderr).toBe(0)
    const lines = ingest.stdout.trim().split('\n')
    const perFile = lines.filter((l) => /^\[(成功|需OCR|错误|跳过)\]/.test(l))
    expect(perFile).toHaveLength(22)
    expect(perFile.filter((l) => l.startsWith('[成功]'))).toHaveLength(20)
    expect(lines.at(-1)).toMatch(/^共 22 个文件：成功 20，需 OCR 2，错误 0，跳过 0/)
  })

  it('marks the two scanned PDFs as needing OCR, with the reason', () => {
    const ocr = ingest.stdout.split('\n').filter((l) => l.startsWith('[需OCR]'))
    expect(ocr).toHaveLength(2)
    for (const l of ocr) expect(l).toMatch(/scanned\.pdf：扫描件（5 页均为图像，没有可读取的文字层），需要先做文字识别（OCR）/)
  })

  it('fills the identity of the title-less prints from the same report in another file', () => {
    const filled = ingest.stdout.split('\n').filter((l) => l.startsWith('[补全]'))
    expect(filled).toHaveLength(5)
    expect(filled.join('\n')).toMatch(/004\.borderless\.pdf：未找到报告标题，机关与年度取自内容相同的 004\.\w+(\.pdf)?（新密市新华路办事处 2021 年）/)
  })
})

describe('cli export', () => {
  it('exports one object per report in the data-model shape', () => {
    expect(exported).toHaveLength(20)
    for (const r of exported) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['file', 'sha256', 'agency', 'year', 'template', 'cells', 'findings']))
      expect(r.sha256).toMatch(/^[0-9a-f]{64}$/)
      // The checks run after the import: every finding has the data-model fields.
      const findings = r.findings as Array<Record<string, unknown>>
      expect(findings.length).toBeGreaterThan(0)
      for (const f of findings) {
        expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'cells', 'message', 'page']))
        expect(['error', 'warning', 'info']).toContain(f.severity)
      }
    }
  })

  it.each(seedDocuments().map((f) => path.basename(f)))('%s: cells, agency, year and template as expected', (name) => {
    const r = exported.find((x) => x.file === name)!
    expect(r, `${name} missing from export`).toBeTruthy()
    const expected = expectedFor(name)
    expect(r.cells).toEqual(expected.cells)
    expect({ agency: r.agency, year: r.year, template: r.template }).toEqual({
      agency: expected.agency,
      year: expected.year,
      template: expected.template
    })
  })

  it('writes to --out and leaves stdout empty', () => {
    const out = path.join(dir, 'out', 'export.json')
    const r = runCli(['export', '--db', db, '--out', out])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('')
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(exported)
  })

  it('re-importing the same folder changes nothing', () => {
    const before = fs.readFileSync(db).length
    const again = runCli(['ingest', path.join(dir, '县级年报'), '--db', db])
    expect(again.status).toBe(0)
    expect(again.stdout).toMatch(/共 22 个文件：成功 0，需 OCR 0，错误 0，跳过 22/)
    const after = JSON.parse(runCli(['export', '--db', db]).stdout)
    expect(after).toEqual(exported)
    expect(before).toBeGreaterThan(0)
  })

  it('explains wrong usage with exit code 2', () => {
    const r = runCli(['export'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/缺少 --db/)
    expect(runCli(['frobnicate']).status).toBe(2)
    const missing = runCli(['export', '--db', path.join(dir, 'nope.sqlite')])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/工作区文件不存在/)
  })
})
