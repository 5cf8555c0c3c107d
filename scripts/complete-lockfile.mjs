#!/usr/bin/env node
// The npm mirror of the build machines lacks some platform packages (rollup's android, darwin,
// win32, musl… builds), so `npm install` here writes a package-lock.json without them and
// `npm ci` then refuses the lock ("Missing: @rollup/rollup-darwin-arm64 from lock file"), here
// and on users' machines alike. This script adds the missing optional platform entries, with
// os/cpu/libc read from the package name, so the lock is complete for every platform: npm skips
// the ones that do not match the machine and fetches (from the real registry) the one that does.
// Run it after any `npm install` that rewrote the lock on a build machine.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OSES = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'netbsd', 'sunos', 'aix'];
const CPUS = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el'];

/** '@rollup/rollup-linux-arm-musleabihf' → { os: ['linux'], cpu: ['arm'], libc: ['musl'] } */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const osAt = parts.findIndex((p) => OSES.includes(p));
  if (osAt < 0) return null;
  const cpu = parts.slice(osAt + 1).find((p) => CPUS.includes(p));
  if (!cpu) return null;
  const abi = parts.slice(osAt + 2).join('-');
  const platform = { os: [parts[osAt]], cpu: [cpu] };
  if (parts[osAt] === 'linux') {
    if (/musl/.test(abi)) platform.libc = ['musl'];
    else if (/gnu/.test(abi)) platform.libc = ['glibc'];
  }
  return platform;
}

/** Node's lookup: the nearest node_modules up from the dependent. */
function resolves(from, dep) {
  let at = from;
  for (;;) {
    if (packages[`${at ? `${at}/` : ''}node_modules/${dep}`]) return true;
    if (at === '') return false;
    const cut = at.lastIndexOf('/node_modules/');
    at = cut >= 0 ? at.slice(0, cut) : '';
  }
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolves(path, dep)) continue;
    const platform = platformOf(dep);
    if (!platform) throw new Error(`${path} 的可选依赖 ${dep} 不在锁文件中，且无法从包名推断平台`);
    // Hoist next to its dependent's own node_modules level (top level for top-level dependents).
    const base = path.includes('/node_modules/') ? path.slice(0, path.lastIndexOf('/node_modules/')) : '';
    packages[`${base ? `${base}/` : ''}node_modules/${dep}`] = {
      version,
      ...(platform.cpu && { cpu: platform.cpu }),
      ...(entry.dev && { dev: true }),
      ...(platform.libc && { libc: platform.libc }),
      license: entry.license,
      optional: true,
      os: platform.os,
    };
    added++;
  }
}

// npm writes packages sorted by path; keep that so later installs produce small diffs.
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: 补全 ${added} 个平台可选依赖条目`);
