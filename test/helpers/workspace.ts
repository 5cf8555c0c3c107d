/**
 * Workspaces for the review and rules tests: seed 001 (辉县市 2023, tables clean) and the same
 * report as 2022 under another spelling of the agency's name (新乡市辉县市人民政府).
 */
import fs from 'node:fs'
import path from 'node:path'
import { ingestPaths } from '../../src/core/ingest/ingest'
import { Store } from '../../src/core/store/store'
import { SEEDS, tempDir } from './paths'

export const seedText = (n: string) => fs.readFileSync(path.join(SEEDS, n), 'utf8')

/** Writes the two years; last year's 结转下年度 (自然人 and 总计) set to `carryNext`. */
export function writeTwoYears(dir: string, carryNext: number): { y2022: string; y2023: string } {
  const text2023 = seedText('001.txt')
  const text2022 = text2023
    .replace('辉县市人民政府 2023 年政府信息公开工作年度报告', '新乡市辉县市人民政府2022年政府信息公开工作年度报告')
    .replace(/2023 年/g, '2022 年')
    .replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/, `四、结转下年度继续办理\t\t${carryNext}\t0\t0\t0\t0\t0\t${carryNext}`)
  if (!text2022.includes(`结转下年度继续办理\t\t${carryNext}`)) throw new Error('seed 001.txt changed: cannot build the 2022 report')
  const y2022 = path.join(dir, '辉县市2022.txt')
  const y2023 = path.join(dir, '辉县市2023.txt')
  fs.writeFileSync(y2022, text2022)
  fs.writeFileSync(y2023, text2023)
  return { y2022, y2023 }
}

export interface TwoYears {
  store: Store
  dir: string
  files: { y2022: string; y2023: string }
  id2022: number
  id2023: number
}

export async function twoYearWorkspace(carryNext: number): Promise<TwoYears> {
  const dir = tempDir('dra-review-')
  const store = Store.open(path.join(dir, 'ws.sqlite'))
  const files = writeTwoYears(dir, carryNext)
  const { items } = await ingestPaths([files.y2022, files.y2023], { store })
  const [id2022, id2023] = items.map((i) => {
    if (i.reportId === undefined) throw new Error(`${i.fileName} was not read: ${i.message}`)
    return i.reportId
  })
  return { store, dir, files, id2022, id2023 }
}

/** A workspace holding seed 001 alone. */
export async function seed001(): Promise<{ store: Store; dir: string; id: number; file: string }> {
  const dir = tempDir('dra-review-')
  const store = Store.open(path.join(dir, 'ws.sqlite'))
  const file = path.join(dir, '001.txt')
  fs.copyFileSync(path.join(SEEDS, '001.txt'), file)
  const { items } = await ingestPaths([file], { store })
  if (items[0].reportId === undefined) throw new Error(`001.txt was not read: ${items[0].message}`)
  return { store, dir, id: items[0].reportId, file }
}
