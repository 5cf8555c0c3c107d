/**
 * The browser tests drive the app's real build. Built here when missing or older than its
 * sources (CI builds it before the tests; a developer's `npm test` may not have).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from '../helpers/paths'

export const RENDERER_OUT = path.join(ROOT, 'out/renderer')

function newest(dir: string): number {
  let t = 0
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs)
  }
  return t
}

export function ensureRendererBuild(): string {
  const index = path.join(RENDERER_OUT, 'index.html')
  const sources = Math.max(newest(path.join(ROOT, 'src/renderer')), newest(path.join(ROOT, 'src/shared')), fs.statSync(path.join(ROOT, 'electron.vite.config.ts')).mtimeMs)
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return RENDERER_OUT
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }
  })
  if (r.status !== 0) throw new Error(`electron-vite build 失败（退出码 ${r.status}）：\n${r.stdout}\n${r.stderr}`)
  return RENDERER_OUT
}
