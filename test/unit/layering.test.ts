/**
 * The domain runs in plain Node (tests, CLI, app): nothing under src/core, src/backend or
 * src/shared may import electron, and the renderer may not import Node or the domain.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/paths'

function sources(dir: string): string[] {
  const out: string[] = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...sources(p))
    else if (/\.(ts|tsx|mjs)$/.test(e.name)) out.push(p)
  }
  return out
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2])
}

describe('layering', () => {
  it.each(['src/core', 'src/backend', 'src/shared', 'src/node', 'src/cli'])('%s imports nothing from electron, react or the UI', (dir) => {
    const bad = sources(path.join(ROOT, dir)).flatMap((f) =>
      imports(f)
        .filter((i) => /^electron($|\/)|^react|^@mantine|\/(main|renderer|preload)\//.test(i))
        .map((i) => `${path.relative(ROOT, f)} → ${i}`)
    )
    expect(bad).toEqual([])
  })

  it('the renderer imports no Node module and no domain code, only the shared contract', () => {
    const bad = sources(path.join(ROOT, 'src/renderer/src')).flatMap((f) =>
      imports(f)
        .filter((i) => /^node:|^(fs|path|os|child_process|worker_threads)$|better-sqlite3|pdfjs-dist\/legacy|\/core\/|\/backend\//.test(i))
        .map((i) => `${path.relative(ROOT, f)} → ${i}`)
    )
    expect(bad).toEqual([])
  })
})
