// Builds a copy of better-sqlite3 for Electron's ABI into .native/electron/, leaving the Node
// build in node_modules untouched (tests and the CLI use that one). Run by `npm start`/`npm run dev`.
//
// Needs internet: it downloads Electron's prebuilt binary for better-sqlite3 (prebuild-install),
// or Electron's headers to compile it (node-gyp). On machines without internet, or in CI where
// the Electron binary itself is not installed, it explains and does nothing.
//
// Note: a global npm config `nodedir=/usr` (as on our build machines) makes node-gyp compile
// against Node's headers even when told to target Electron; this script overrides it.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const log = (m) => console.error(`[build-electron-native] ${m}`)

if (process.env.CI || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  log('CI 或 ELECTRON_SKIP_BINARY_DOWNLOAD：跳过 Electron 版数据库组件的构建')
  process.exit(0)
}
const electronPkg = require('electron/package.json')
const pathTxt = path.join(path.dirname(require.resolve('electron/package.json')), 'path.txt')
if (!fs.existsSync(pathTxt)) {
  log('未安装 Electron 可执行文件（node_modules/electron/path.txt 不存在）：请在联网环境下重新 npm install')
  process.exit(0)
}
const sqlitePkgDir = path.dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqlitePkgDir, 'package.json'), 'utf8')).version
const target = path.join(root, '.native', 'electron', 'node_modules', 'better-sqlite3')
const binary = path.join(target, 'build', 'Release', 'better_sqlite3.node')
const stampFile = path.join(root, '.native', 'electron', 'stamp.json')
const stamp = { electron: electronPkg.version, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch }
if (fs.existsSync(binary) && fs.existsSync(stampFile) && JSON.stringify(JSON.parse(fs.readFileSync(stampFile, 'utf8'))) === JSON.stringify(stamp)) {
  process.exit(0)
}

log(`为 Electron ${electronPkg.version} 构建 better-sqlite3 ${sqliteVersion} …`)
fs.rmSync(path.join(root, '.native', 'electron'), { recursive: true, force: true })
fs.mkdirSync(path.dirname(target), { recursive: true })
fs.cpSync(sqlitePkgDir, target, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`) })

const env = { ...process.env, npm_config_nodedir: '', npm_config_runtime: 'electron', npm_config_target: electronPkg.version, npm_config_disturl: 'https://electronjs.org/headers' }
const run = (cmd, args) => spawnSync(cmd, args, { cwd: target, env, stdio: 'inherit', shell: process.platform === 'win32' })
let ok = run(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronPkg.version, '--arch', process.arch]).status === 0
if (!ok) {
  log('没有可下载的预编译文件，改为本地编译（需要 C++ 编译工具）')
  const nodeGyp = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  const gyp = fs.existsSync(nodeGyp) ? nodeGyp : require.resolve('node-gyp/bin/node-gyp.js')
  ok = run(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronPkg.version}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron']).status === 0
}
if (!ok || !fs.existsSync(binary)) {
  log('构建失败：应用将无法打开工作区。请检查网络与编译工具后重试。')
  process.exit(1)
}
// Check the result really is for Electron: load it with Electron acting as Node.
const electronBin = path.join(path.dirname(require.resolve('electron/package.json')), 'dist', fs.readFileSync(pathTxt, 'utf8').trim())
const check = spawnSync(electronBin, ['-e', `require(${JSON.stringify(binary)}); console.log('ok')`], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' })
if (check.status !== 0 || !check.stdout.includes('ok')) {
  log(`构建出的文件不能在 Electron 中加载：${check.stderr}`)
  process.exit(1)
}
fs.writeFileSync(stampFile, JSON.stringify(stamp))
log(`完成：${path.relative(root, binary)}`)
