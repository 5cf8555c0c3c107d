import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import fs from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'

/**
 * pdf.js in the page needs its cMaps (Chinese PDFs), standard fonts and wasm decoders as
 * files next to the page: copied into the build, served from node_modules in dev.
 */
function pdfjsAssets(): Plugin {
  const from = resolve(__dirname, 'node_modules/pdfjs-dist')
  const dirs = ['cmaps', 'standard_fonts', 'wasm']
  let outDir = ''
  return {
    name: 'pdfjs-assets',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const file = resolve(from, `.${decodeURIComponent((req.url ?? '').split('?')[0])}`)
        if (!dirs.some((d) => file.startsWith(resolve(from, d))) || !fs.existsSync(file)) return next()
        fs.createReadStream(file).pipe(res)
      })
    },
    closeBundle() {
      for (const d of dirs) fs.cpSync(resolve(from, d), resolve(outDir, 'pdfjs', d), { recursive: true })
    }
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Parsing runs in worker threads; the worker is its own bundle next to index.js.
          'parse-worker': resolve(__dirname, 'src/core/ingest/parse-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') }
    },
    plugins: [react(), pdfjsAssets()]
  }
})
