/**
 * Expanding the paths given to an import: files as they are, folders recursively (PDF and
 * TXT only). Paths that do not exist or cannot be read are reported, not thrown.
 */
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

export interface Expansion {
  files: Candidate[]
  rejected: Rejected[]
  /** Files inside folders that were skipped for their type (not an error). */
  ignored: number
}

export function expandPaths(inputs: string[]): Expansion {
  const files: Candidate[] = []
  const rejected: Rejected[] = []
  let ignored = 0
  const seen = new Set<string>()
  const add = (p: string, kind: DocumentKind) => {
    const abs = path.resolve(p)
    if (seen.has(abs)) return
    seen.add(abs)
    files.push({ path: abs, kind })
  }
  const walk = (dir: string) => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch (err) {
      rejected.push({ path: dir, message: `无法读取文件夹：${(err as Error).message}` })
      return
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'))
    for (const e of entries) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile()) {
        const k = kindOf(e.name)
        if (k) add(p, k)
        else ignored++
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
      else rejected.push({ path: path.resolve(input), message: '不支持的文件类型（只能导入 PDF 和 TXT 文件）' })
    } else rejected.push({ path: path.resolve(input), message: '不是普通文件或文件夹' })
  }
  return { files, rejected, ignored }
}
