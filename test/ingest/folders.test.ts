/**
 * A county's folder as it arrives: reports in nested folders, an upper-case extension, links,
 * and what operating systems and Office leave beside the files (macOS's ._name.pdf companions,
 * .DS_Store, a hidden .git folder, Word's ~$ owner files). Reports are imported once each;
 * the clutter is skipped and counted, never reported as broken reports.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ingestPaths, type IngestSummary } from '../../src/core/ingest/ingest'
import { Store } from '../../src/core/store/store'
import { runCli } from '../helpers/cli'
import { SEEDS, tempDir } from '../helpers/paths'

let dir: string
let county: string
let summary: IngestSummary

beforeAll(async () => {
  dir = tempDir()
  county = path.join(dir, '某县各单位年报')
  const put = (rel: string, data: Buffer | string) => {
    fs.mkdirSync(path.dirname(path.join(county, rel)), { recursive: true })
    fs.writeFileSync(path.join(county, rel), data)
  }
  put('乡镇/城关镇/2023年报.PDF', fs.readFileSync(path.join(SEEDS, '001.ruled.pdf')))
  // What macOS writes beside a file copied to a FAT stick: AppleDouble metadata, same name with ._.
  put('乡镇/城关镇/._2023年报.PDF', Buffer.concat([Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]), Buffer.from('Mac OS X        '), Buffer.alloc(4000)]))
  put('.DS_Store', Buffer.alloc(6148, 1))
  put('部门/~$草稿.txt', Buffer.from([0x0c, 0x61, 0x75, 0x64, 0x69, 0x74, 0x6f, 0x72]))
  put('.git/objects/ab/cdef.txt', fs.readFileSync(path.join(SEEDS, '003.txt')))
  // A report kept elsewhere, linked into the folder; a link to nothing; the folder linked from inside itself.
  fs.mkdirSync(path.join(dir, 'elsewhere'))
  fs.copyFileSync(path.join(SEEDS, '004.txt'), path.join(dir, 'elsewhere/004.txt'))
  fs.symlinkSync(path.join(dir, 'elsewhere/004.txt'), path.join(county, '部门/新华路办事处.txt'))
  fs.symlinkSync(path.join(dir, 'elsewhere/gone.pdf'), path.join(county, '部门/已删除.pdf'))
  fs.symlinkSync(county, path.join(county, '部门/上级文件夹'))
  const store = Store.open(path.join(dir, 'ws.sqlite'))
  try {
    summary = await ingestPaths([county], { store })
  } finally {
    store.close()
  }
})

describe('importing a folder as it arrives', () => {
  it('imports each report once, whatever its extension case, and follows links', () => {
    const byName = Object.fromEntries(summary.items.map((i) => [i.fileName, i]))
    expect(Object.keys(byName).sort()).toEqual(['2023年报.PDF', '已删除.pdf', '新华路办事处.txt'].sort())
    expect(byName['2023年报.PDF']).toMatchObject({ status: 'ok', agency: '辉县市人民政府', year: 2023 })
    expect(byName['新华路办事处.txt']).toMatchObject({ status: 'ok', year: 2021 })
    // A link to nothing is named, with the reason.
    expect(byName['已删除.pdf']).toMatchObject({ status: 'error', message: '链接指向的文件不存在' })
  })

  it('skips hidden and system files and hidden folders, and counts them', () => {
    expect(summary.hidden).toBe(3) // ._2023年报.PDF, .DS_Store, ~$草稿.txt; .git is not read at all
    expect(summary.ignored).toBe(0)
    expect(summary.items.some((i) => i.path.includes('.git') || i.fileName.startsWith('._'))).toBe(false)
  })

  it('says so in the CLI summary', () => {
    const r = runCli(['ingest', county, '--db', path.join(dir, 'cli.sqlite')])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/共 3 个文件：成功 2，需 OCR 0，错误 1，跳过 0；另有 3 个隐藏或系统文件（如 Mac 附带的 \._ 文件）未导入；用时/)
  })
})
