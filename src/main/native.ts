/**
 * Where the app finds its better-sqlite3 binary built for Electron's ABI. node_modules holds the
 * Node build (tests and CLI use it); the Electron copy is made by scripts/build-electron-native.mjs
 * into .native/ (development) and shipped as resources/native/better_sqlite3.node (packaged).
 */
import fs from 'node:fs'
import path from 'node:path'

export function electronNativeBinding(isPackaged: boolean, resourcesPath: string, appPath: string): string | undefined {
  const candidates = isPackaged
    ? [path.join(resourcesPath, 'native', 'better_sqlite3.node')]
    : [path.join(appPath, '.native', 'electron', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')]
  return candidates.find((p) => fs.existsSync(p))
}

/** A Chinese explanation for the typical ABI mismatch, or null for other errors. */
export function explainNativeError(err: unknown): string | null {
  const msg = err instanceof Error ? err.message : String(err)
  if (/NODE_MODULE_VERSION|ERR_DLOPEN_FAILED|was compiled against a different Node\.js version/.test(msg)) {
    return (
      '数据库组件与当前程序版本不匹配，无法打开工作区。\n' +
      '开发环境请在联网的机器上运行 `node scripts/build-electron-native.mjs` 生成适配 Electron 的数据库组件后再启动。\n\n' +
      `技术细节：${msg}`
    )
  }
  return null
}
