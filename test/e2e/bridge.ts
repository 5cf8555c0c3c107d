/**
 * A loopback bridge for browser tests: serves the built renderer and the real IPC handlers
 * (src/backend on a real SQLite workspace) over HTTP, with `window.api` implemented by a small
 * script that posts to /ipc/<channel> and listens to /events (server-sent events). The page under
 * test is the app's own build; only the transport differs from Electron's IPC.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { createBackend, type BackendOptions, type Host } from '../../src/backend/handlers'
import { dispatch } from '../../src/backend/validate'
import type { EventName, Events } from '../../src/shared/contract'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf'
}

/** window.api over HTTP: the same Bridge interface the preload exposes in the app. */
const CLIENT = `(() => {
  const listeners = new Map()
  const events = new EventSource('/events')
  events.onmessage = (m) => {
    const { event, payload } = JSON.parse(m.data)
    for (const l of listeners.get(event) ?? []) l(payload)
  }
  const revive = (v) => {
    if (v && typeof v === 'object') {
      if (typeof v.__bytes === 'string') {
        const bin = atob(v.__bytes)
        const out = new Uint8Array(bin.length)
        for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
        return out
      }
      for (const k of Object.keys(v)) v[k] = revive(v[k])
    }
    return v
  }
  window.api = {
    async invoke(channel, arg) {
      const r = await fetch('/ipc/' + encodeURIComponent(channel), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ arg: arg === undefined ? null : arg }) })
      const body = await r.json()
      if ('error' in body) throw new Error(body.error)
      return revive(body.ok)
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
    pathsOf: () => []
  }
})()`

export interface BridgeOptions extends Omit<BackendOptions, 'host'> {
  rendererDir: string
  host: Omit<Host, 'emit'>
}

export interface Bridge {
  url: string
  /** Every event pushed to the page, in order. */
  events: Array<{ event: EventName; payload: unknown }>
  close(): Promise<void>
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const clients = new Set<http.ServerResponse>()
  const events: Bridge['events'] = []
  const host: Host = {
    ...options.host,
    emit<E extends EventName>(event: E, payload: Events[E]) {
      events.push({ event, payload })
      for (const c of clients) c.write(`data: ${JSON.stringify({ event, payload })}\n\n`)
    }
  }
  const backend = createBackend({ ...options, host })
  const root = path.resolve(options.rendererDir)

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.method === 'POST' && url.pathname.startsWith('/ipc/')) {
      const channel = decodeURIComponent(url.pathname.slice(5))
      let body = ''
      req.setEncoding('utf8')
      req.on('data', (d) => (body += d))
      req.on('end', () => {
        void (async () => {
          try {
            const { arg } = JSON.parse(body) as { arg: unknown }
            const result = await dispatch(backend.handlers, channel as never, arg)
            const json = JSON.stringify({ ok: result ?? null }, (_k, v) => (v instanceof Uint8Array ? { __bytes: Buffer.from(v).toString('base64') } : v))
            res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(json)
          } catch (err) {
            res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: (err as Error).message }))
          }
        })()
      })
      return
    }
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
      res.write(': connected\n\n')
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }
    if (url.pathname === '/__bridge.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'] }).end(CLIENT)
      return
    }
    const rel = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname)
    const file = path.normalize(path.join(root, rel))
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found')
      return
    }
    let data: Buffer | string = fs.readFileSync(file)
    if (file.endsWith('index.html')) {
      // The bridge script must run before the app's module script.
      data = data.toString('utf8').replace('<script type="module"', '<script src="/__bridge.js"></script>\n    <script type="module"')
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(data)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    events,
    close: async () => {
      for (const c of clients) c.end()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      backend.store().close()
    }
  }
}
