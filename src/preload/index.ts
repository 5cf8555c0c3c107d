/**
 * Preload (sandboxed, CommonJS): exposes `window.api` with exactly the contract's channels.
 * No logic here, and no raw ipcRenderer for the page.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { CHANNELS, EVENTS, type Bridge } from '../shared/contract'

const channels = new Set<string>(CHANNELS)
const events = new Set<string>(EVENTS)

const api: Bridge = {
  invoke: (channel, arg) => {
    if (!channels.has(channel)) return Promise.reject(new Error(`未知的通道：${channel}`))
    return ipcRenderer.invoke(channel, arg)
  },
  on: (event, listener) => {
    if (!events.has(event)) throw new Error(`未知的事件：${event}`)
    const wrapped = (_e: Electron.IpcRendererEvent, payload: unknown) => listener(payload as Parameters<typeof listener>[0])
    ipcRenderer.on(event, wrapped)
    return () => ipcRenderer.removeListener(event, wrapped)
  },
  // Sandboxed pages see no file paths; Electron gives them for dropped files here only.
  pathsOf: (files) => files.map((f) => webUtils.getPathForFile(f)).filter((p) => p.length > 0)
}

contextBridge.exposeInMainWorld('api', api)
