/**
 * Electron main process: one window, the app menu, dialogs, and IPC registration over the
 * shared contract. Everything else (reading reports, the store) is domain code in src/core,
 * reached through the Electron-free handlers of src/backend.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, shell } from 'electron'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { PARSE_WORKER_OPTIONS, ParsePool } from '../core/ingest/pool'
import { readWarmUpSamples } from '../core/ingest/warm-up'
import { Store } from '../core/store/store'
import { createBackend, type Backend, type Host } from '../backend/handlers'
import { dispatch, isChannel } from '../backend/validate'
import { CHANNELS, type EventName, type Events } from '../shared/contract'
import { electronNativeBinding, explainNativeError } from './native'
import { loadSettings, saveSettings } from './settings'

let win: BrowserWindow | null = null
let backend: Backend | null = null
let pool: ParsePool | null = null

// The page is served from app://bundle/ rather than file://, so that it is an ordinary
// origin: fetch works for pdf.js's cMaps and fonts, and the CSP's 'self' means the bundle only.
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } }])
const RENDERER_DIR = path.join(import.meta.dirname, '../renderer')

function spawnParseWorker(): Worker {
  // Built by electron-vite next to this file (see electron.vite.config.ts).
  return new Worker(new URL('./parse-worker.js', import.meta.url), PARSE_WORKER_OPTIONS)
}

/** The bundled samples the parse workers warm up on at launch; none if they cannot be read. */
function warmUpSamples(): Uint8Array[] {
  if (!host.samplesDir) return []
  try {
    return readWarmUpSamples(host.samplesDir)
  } catch (err) {
    // Only the first import is slower without them: say so in the log, start anyway.
    console.warn(`解析线程预热跳过：无法读取示例报告 ${host.samplesDir}：${(err as Error).message}`)
    return []
  }
}

function openWorkspace(file: string): Store {
  const nativeBinding = electronNativeBinding(app.isPackaged, process.resourcesPath, app.getAppPath())
  return Store.open(file, { nativeBinding })
}

const host: Host = {
  samplesDir: app.isPackaged ? path.join(process.resourcesPath, 'samples') : path.join(app.getAppPath(), 'resources', 'samples'),
  async chooseSavePath({ title, defaultName, filters }) {
    if (!win) return null
    const r = await dialog.showSaveDialog(win, { title, defaultPath: path.join(app.getPath('documents'), defaultName), filters })
    return r.canceled || !r.filePath ? null : r.filePath
  },
  async chooseWorkspace(create) {
    if (!win) return null
    const filters = [{ name: '年报审查台工作区', extensions: ['sqlite'] }]
    if (create) {
      const r = await dialog.showSaveDialog(win, { title: '新建工作区', defaultPath: path.join(app.getPath('documents'), '年报审查台', '新工作区.sqlite'), filters })
      return r.canceled || !r.filePath ? null : r.filePath
    }
    const r = await dialog.showOpenDialog(win, { title: '打开工作区', properties: ['openFile'], filters })
    return r.canceled ? null : (r.filePaths[0] ?? null)
  },
  workspaceOpened(file) {
    const userData = app.getPath('userData')
    saveSettings(userData, { ...loadSettings(userData), lastWorkspace: file })
  },
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
  const handlers = backend!.handlers
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
  else void win.loadURL('app://bundle/index.html')
}

function buildMenu(): void {
  const template: Electron.MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '导入文件…', accelerator: 'CmdOrCtrl+O', click: () => host.emit('menu:import', { folder: false }) },
        { label: '导入文件夹…', accelerator: 'CmdOrCtrl+Shift+O', click: () => host.emit('menu:import', { folder: true }) },
        { type: 'separator' },
        { label: '打开工作区…', click: () => void switchWorkspace(false) },
        { label: '新建工作区…', click: () => void switchWorkspace(true) },
        { type: 'separator' },
        { role: 'quit', label: '退出' }
      ]
    },
    { label: '编辑', submenu: [{ role: 'copy', label: '复制' }, { role: 'selectAll', label: '全选' }] },
    { label: '视图', submenu: [{ role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' }, { role: 'resetZoom', label: '实际大小' }, { role: 'zoomIn', label: '放大' }, { role: 'zoomOut', label: '缩小' }] }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

async function switchWorkspace(create: boolean): Promise<void> {
  try {
    await backend?.handlers['workspace:choose']({ create })
  } catch (err) {
    dialog.showErrorBox('无法打开工作区', explainNativeError(err) ?? (err as Error).message)
  }
}

/** Serves the built renderer under app://bundle/, and nothing outside its folder. */
function serveRenderer(): void {
  protocol.handle('app', (request) => {
    const { host: h, pathname } = new URL(request.url)
    const file = path.normalize(path.join(RENDERER_DIR, decodeURIComponent(pathname)))
    if (h !== 'bundle' || !file.startsWith(RENDERER_DIR + path.sep)) return new Response('Not found', { status: 404 })
    return net.fetch(pathToFileURL(file).toString())
  })
}

app.whenReady().then(() => {
  const settings = loadSettings(app.getPath('userData'))
  // First start: a workspace in the user's documents (the page then offers the bundled sample).
  const file = settings.lastWorkspace ?? path.join(app.getPath('documents'), '年报审查台', '工作区.sqlite')
  let store: Store
  try {
    store = openWorkspace(file)
    host.workspaceOpened?.(file)
  } catch (err) {
    dialog.showErrorBox('无法打开工作区', `${file}：${explainNativeError(err) ?? (err as Error).message}`)
    app.quit()
    return
  }
  pool = new ParsePool(spawnParseWorker, Math.max(1, os.availableParallelism()), { warmUp: warmUpSamples() })
  backend = createBackend({ store, host, pool, openStore: openWorkspace })
  serveRenderer()
  registerIpc()
  buildMenu()
  createWindow()
})

app.on('window-all-closed', () => app.quit())
app.on('before-quit', () => {
  void pool?.close()
  backend?.store().close()
})
