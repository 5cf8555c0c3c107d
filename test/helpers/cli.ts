import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ROOT } from './paths'

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the CLI exactly as `npm run cli -- …` does (scripts/run.mjs on src/cli/main.ts), in a child process. */
export function runCli(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/run.mjs'), path.join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}
