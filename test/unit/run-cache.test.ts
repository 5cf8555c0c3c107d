/**
 * scripts/run.mjs bundles an entry into node_modules/.cache on every change of the sources:
 * bundles unused for a week are removed as it runs, those in use are kept.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { runCli } from '../helpers/cli'
import { ROOT } from '../helpers/paths'

it('prunes the bundles unused for a week and keeps the others', () => {
  const dir = path.join(ROOT, 'node_modules/.cache/disclosure-report-auditor')
  fs.mkdirSync(dir, { recursive: true })
  const stale = path.join(dir, `stale-${process.pid.toString(16).padStart(16, '0')}.mjs`)
  const recent = path.join(dir, `recent-${process.pid.toString(16).padStart(16, '0')}.mjs`)
  const other = path.join(dir, `notes-${process.pid}.txt`)
  for (const f of [stale, recent, other]) fs.writeFileSync(f, '// test\n')
  const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000)
  fs.utimesSync(stale, eightDaysAgo, eightDaysAgo)
  fs.utimesSync(other, eightDaysAgo, eightDaysAgo)
  fs.utimesSync(recent, new Date(Date.now() - 6 * 24 * 3600 * 1000), new Date(Date.now() - 6 * 24 * 3600 * 1000))
  try {
    // Any command runs the bundler first; with no command the CLI prints its usage.
    expect(runCli([]).status).toBe(2)
    expect(fs.existsSync(stale)).toBe(false)
    expect(fs.existsSync(recent)).toBe(true)
    // Only bundles: other files are not the bundler's.
    expect(fs.existsSync(other)).toBe(true)
    // The CLI's own bundle is marked in use.
    const main = fs.readdirSync(dir).filter((f) => /^main-[0-9a-f]{16}\.mjs$/.test(f)).map((f) => fs.statSync(path.join(dir, f)).mtimeMs)
    expect(Date.now() - Math.max(...main)).toBeLessThan(60_000)
  } finally {
    for (const f of [stale, recent, other]) fs.rmSync(f, { force: true })
  }
})
