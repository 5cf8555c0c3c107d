/**
 * Vitest global set-up: one folder for every temporary file of a test run (workspaces, import
 * folders, CLI outputs), removed when the run ends, so that `npm test` leaves nothing behind
 * in the system's temporary folder. Test files learn it from DRA_TEST_TMP (see tempDir).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dra-test-run-'))
  process.env.DRA_TEST_TMP = root
  return () => fs.rmSync(root, { recursive: true, force: true })
}
