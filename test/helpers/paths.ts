import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SEEDS = path.join(ROOT, 'test/fixtures/seeds')
export const FIXTURES = path.join(ROOT, 'test/fixtures')

export const SEED_IDS = ['000', '001', '002', '003', '004'] as const
export const PDF_KINDS = ['ruled', 'borderless', 'office'] as const

export interface Expected {
  agency: string
  year: number
  template: '2019' | '2021'
  cells: Record<string, number | null>
}

/** The expectation for a seed document: 000's PDFs have their own file. */
export function expectedFor(file: string): Expected {
  const id = path.basename(file).slice(0, 3)
  const pdfSpecific = path.join(SEEDS, `${id}.pdf.expected.json`)
  const f = file.endsWith('.pdf') && fs.existsSync(pdfSpecific) ? pdfSpecific : path.join(SEEDS, `${id}.expected.json`)
  return JSON.parse(fs.readFileSync(f, 'utf8')) as Expected
}

/** The 20 seed documents of the acceptance: 5 × (.txt, .ruled.pdf, .borderless.pdf, .office.pdf). */
export function seedDocuments(): string[] {
  return SEED_IDS.flatMap((id) => [`${id}.txt`, ...PDF_KINDS.map((k) => `${id}.${k}.pdf`)]).map((f) => path.join(SEEDS, f))
}

/** A new folder under the test run's own temporary folder (removed after the run; see temp-root.ts). */
export function tempDir(prefix = 'dra-test-'): string {
  const root = process.env.DRA_TEST_TMP ?? os.tmpdir()
  return fs.mkdtempSync(path.join(root, prefix))
}
