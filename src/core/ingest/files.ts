/**
 * Expanding the paths given to an import: files as they are, folders recursively (PDF and
 * TXT only, following links to files and folders, each folder once). Paths that do not exist
 * or cannot be read are reported, not thrown.
 */
import { fsReason } from '../errors'
import fs from 'node:fs'
import path from 'node:path'
import type { DocumentKind } from '../model/report'
import { kindOf } from './parse'

export interface Candidate {
  path: string
  kind: DocumentKind
}

export interface Rejected {
  path: string
  message: string
}

/** A file in a format reports also come in (Word, OFD, an archive of them), not read here. */
export interface Convertible {
  path: string
  fileName: string
  /** What it is (Word/WPS 文档) and what to do to import it (请另存为 PDF 后导入). */
  what: string
  todo: string
}

/**
 * Formats a county's folder of filings holds reports in besides PDF and TXT (data: extension,
 * what it is, what to do). The auditor is told which files they are, since they may be reports.
 */
const OTHER_FORMATS: Array<{ ext: RegExp; what: string; todo: string }> = [
  { ext: /^(doc|docx|wps|rtf|odt)$/, what: 'Word/WPS 文档', todo: '请另存为 PDF 后导入' },
  { ext: /^ofd$/, what: 'OFD 版式文件', todo: '请用 OFD 阅读器另存为 PDF 后导入' },
  { ext: /^(zip|rar|7z)$/, what: '压缩包', todo: '请先解压，再导入解压出的文件夹' },
  { ext: /^(html?|mht|mhtml)$/, what: '网页文件', todo: '请在浏览器中打印为 PDF，或复制全文存为 TXT 后导入' }
]

function convertible(file: string): Convertible | null {
  const ext = path.extname(file).slice(1).toLowerCase()
  const f = OTHER_FORMATS.find((o) => o.ext.test(ext))
  return f ? { path: path.resolve(file), fileName: path.basename(file), what: f.what, todo: f.todo } : null
}

export interface Expansion {
  files: Candidate[]
  rejected: Rejected[]
  /** Files inside folders that were skipped for their type (not an error). */
  ignored: number
  /** Of those, the ones in a format a report may come in, with what to do to import it. */
  convertible: Convertible[]
  /** Hidden and system files inside folders, skipped (see isClutter). */
  hidden: number
}

/**
 * What a folder holds besides the files put in it: hidden files and folders (.DS_Store, .git),
 * the ._name.pdf companions macOS writes beside every file copied to a USB stick or zipped on a
 * Mac (binary metadata under the report's own name and extension), and Office's ~$name owner
 * files. Read as reports, each would be an error naming a file the auditor never put there.
 */
function isClutter(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$')
}

export function expandPaths(inputs: string[]): Expansion {
  const files: Candidate[] = []
  const rejected: Rejected[] = []
  let ignored = 0
  const other: Convertible[] = []
  let hidden = 0
  const seen = new Set<string>()
  const walked = new Set<string>()
  const add = (p: string, kind: DocumentKind) => {
    const abs = path.resolve(p)
    if (seen.has(abs)) return
    seen.add(abs)
    files.push({ path: abs, kind })
  }
  const walk = (dir: string) => {
    let entries: fs.Dirent[]
    try {
      // A folder linked from inside itself (or reached twice) is read once.
      const real = fs.realpathSync(dir)
      if (walked.has(real)) return
      walked.add(real)
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch (err) {
      rejected.push({ path: dir, message: `无法读取文件夹：${fsReason(err)}` })
      return
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'))
    for (const e of entries) {
      const p = path.join(dir, e.name)
      if (isClutter(e.name)) {
        if (e.isFile()) hidden++
        continue
      }
      let isDir = e.isDirectory()
      let isFile = e.isFile()
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(p)
          isDir = st.isDirectory()
          isFile = st.isFile()
        } catch {
          rejected.push({ path: p, message: '链接指向的文件不存在' })
          continue
        }
      }
      if (isDir) walk(p)
      else if (isFile) {
        const k = kindOf(e.name)
        if (k) add(p, k)
        else {
          ignored++
          const c = convertible(p)
          if (c) other.push(c)
        }
      }
    }
  }
  for (const input of inputs) {
    let st: fs.Stats
    try {
      st = fs.statSync(input)
    } catch {
      rejected.push({ path: path.resolve(input), message: '路径不存在' })
      continue
    }
    if (st.isDirectory()) walk(input)
    else if (st.isFile()) {
      const k = kindOf(input)
      if (k) add(input, k)
      else {
        const c = convertible(input)
        rejected.push({ path: path.resolve(input), message: c ? `${c.what}不能直接导入（只能导入 PDF 和 TXT 文件）：${c.todo}` : '不支持的文件类型（只能导入 PDF 和 TXT 文件）' })
      }
    } else rejected.push({ path: path.resolve(input), message: '不是普通文件或文件夹' })
  }
  return { files, rejected, ignored, convertible: other, hidden }
}
