/**
 * Reports encrypted with an owner (permissions) password only open without a password: they are
 * read like any other file, every cell exact, through the library and the CLI. Only a file that
 * needs a password to open is refused (bad-input.test.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { parseDocument } from '../../src/core/ingest/parse'
import { runCli } from '../helpers/cli'
import { FIXTURES, SEEDS, tempDir, type Expected } from '../helpers/paths'

const FILES = ['001.office.rc4-owner.pdf', '001.office.aes256-owner.pdf']
const expected = JSON.parse(fs.readFileSync(path.join(SEEDS, '001.expected.json'), 'utf8')) as Expected

it.each(FILES)('%s: opens without a password and reads every cell', async (name) => {
  const bytes = fs.readFileSync(path.join(FIXTURES, 'encrypted', name))
  // The fixture is what it claims: encrypted, not a plain copy.
  expect(bytes.toString('latin1')).toMatch(/\/Encrypt\s+\d+ 0 R/)
  const parsed = await parseDocument(new Uint8Array(bytes), 'pdf')
  expect(parsed.status, parsed.message ?? '').toBe('ok')
  const got = Object.fromEntries(Object.entries(parsed.report!.cells).map(([k, c]) => [k, c.value]))
  expect(got).toEqual(expected.cells)
  expect([parsed.report!.agency, parsed.report!.year]).toEqual([expected.agency, expected.year])
})

it('imports them through the CLI', () => {
  const dir = tempDir()
  const r = runCli(['ingest', path.join(FIXTURES, 'encrypted'), '--db', path.join(dir, 'ws.sqlite')])
  expect(r.status, r.stderr).toBe(0)
  for (const name of FILES) expect(r.stdout).toMatch(new RegExp(`\\[成功\\] .*${name.replace(/\./g, '\\.')}：辉县市人民政府 2023 年`))
})
