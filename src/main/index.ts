/**
 * Electron main process: one window, the app menu, dialogs, and IPC registration over the
 * shared contract. Everything else (reading reports, the store) is domain code in src/core,
 * reached through the Electron-free handlers of src/backend.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { ParsePool } from '../core/ingest/pool'
import { Store } from '../core/store/store'
import { createHandlers, type Host } from '../backend/handlers'
import { dispatch, isChannel } from '../backend/validate'
import { CHANNELS, type EventName, type Events } from '../shared/contract'
import { electronNativeBinding, explainNativeError } from './native'
import { loadSettings, saveSettings } from './settings'

let win: BrowserWindow | null = null
let store: Store | null = null
let pool: ParsePool | null = null

function spawnParseWorker(): Worker {
  // Built by electron-vite next to this file (see electron.vite.config.ts).
  return new Worker(new URL('./parse-worker.js', import.meta.url))
}

function openWorkspace(file: string): Store {
  const nativeBinding = electronNativeBinding(app.isPackaged, process.resourcesPath, app.getAppPath())
  return Store.open(file, { nativeBinding })
}

const host: Host = {
  async choosePaths(folder) {
    if (!win) return null
    const r = await dialog.showOpenDialog(win, {
      title: folder ? '选择要导入的文件夹' : '选择要导入的年报文件',
      properties: folder ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
      filters: folder ? [] : [{ name: '年报（PDF、TXT）', extensions: ['pdf', 'txt'] }]
    })
    return r.canceled ? null : r.filePaths
  },
  emit<E extends EventName>(event: E, payload: Events[E]) {
    win?.webContents.send(event, payload)
  }
}

function registerIpc(): void {
  const handlers = createHandlers({ store: store!, host, pool: pool ?? undefined })
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, arg: unknown) => {
      // Only our own window may call, and only with arguments that pass validation.
      if (!win || event.sender !== win.webContents || !isChannel(channel)) throw new Error('拒绝来自未知页面的请求')
      return dispatch(handlers, channel, arg)
    })
  }
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: '年报审查台',
    show: false,
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false
    }
  })
  win.on('ready-to-show', () => win?.show())
  // No remote content, no new windows, no navigation away from the app.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (e) => e.preventDefault())
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void win.loadFile(path.join(import.meta.dirname, '../renderer/index.html'))
}

function buildMenu(): void {
  const template: Electron.MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '导入文件…', accelerator: 'CmdOrCtrl+O', click: () => host.emit('menu:import', { folder: false }) },
        { label: '导入文件夹…', accelerator: 'CmdOrCtrl+Shift+O', click: () => host.emit('menu:import', { folder: true }) },
        { type: 'separator' },
        { role: 'quit', label: '退出' }
      ]
    },
    { label: '编辑', submenu: [{ role: 'copy', label: '复制' }, { role: 'selectAll', label: '全选' }] },
    { label: '视图', submenu: [{ role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' }, { role: 'resetZoom', label: '实际大小' }, { role: 'zoomIn', label: '放大' }, { role: 'zoomOut', label: '缩小' }] }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

app.whenReady().then(() => {
  const settings = loadSettings(app.getPath('userData'))
  const file = settings.lastWorkspace ?? path.join(app.getPath('documents'), '年报审查台', '工作区.sqlite')
  try {
    store = openWorkspace(file)
    saveSettings(app.getPath('userData'), { ...settings, lastWorkspace: file })
  } catch (err) {
    dialog.showErrorBox('无法打开工作区', explainNativeError(err) ?? (err as Error).message)
    app.quit()
    return
  }
  pool = new ParsePool(spawnParseWorker, Math.max(1, os.availableParallelism()))
  registerIpc()
  buildMenu()
  createWindow()
})

app.on('window-all-closed', () => app.quit())
app.on('before-quit', () => {
  void pool?.close()
  store?.close()
})
