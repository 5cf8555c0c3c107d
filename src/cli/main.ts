/**
 * Command line: the headless side of the app, on the same domain code.
 *
 *   npm run cli -- ingest PATH... --db FILE [--workers N] [--max-pages N]
 *   npm run cli -- export --db FILE [--out FILE]
 *
 * Exit codes: 0 success; 1 nothing could be done (no file could be read, store unusable);
 * 2 wrong usage.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { exportReports } from '../core/export/json'
import { ingestPaths, type IngestItem } from '../core/ingest/ingest'
import { DEFAULT_PARSE_OPTIONS } from '../core/ingest/parse'
import { Store, StoreError } from '../core/store/store'
import { createSourcePool } from '../node/workers'

const USAGE = `用法：
  npm run cli -- ingest 路径... --db 工作区文件 [--workers N] [--max-pages N]
      导入 PDF/TXT 文件或整个文件夹（含子文件夹）
  npm run cli -- export --db 工作区文件 [--out 输出文件.json]
      导出全部报告为 JSON（不指定 --out 时输出到标准输出）`

class UsageError extends Error {}

const TAGS: Record<IngestItem['status'], string> = { ok: '[成功]', needs_ocr: '[需OCR]', error: '[错误]', skipped: '[跳过]' }

function display(p: string): string {
  const rel = path.relative(process.cwd(), p)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p
}

function openStore(db: string | undefined, mustExist: boolean): Store {
  if (!db) throw new UsageError('缺少 --db 工作区文件')
  if (mustExist && !fs.existsSync(db)) throw new StoreError(`工作区文件不存在：${db}`)
  return Store.open(db)
}

async function ingest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, workers: { type: 'string' }, 'max-pages': { type: 'string' } }
  })
  if (positionals.length === 0) throw new UsageError('请指定要导入的文件或文件夹')
  const workers = values.workers !== undefined ? Number(values.workers) : undefined
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw new UsageError('--workers 应为非负整数')
  const maxPages = values['max-pages'] !== undefined ? Number(values['max-pages']) : DEFAULT_PARSE_OPTIONS.maxPages
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new UsageError('--max-pages 应为正整数')
  const store = openStore(values.db, false)
  const pool = workers === 0 ? undefined : createSourcePool(workers)
  try {
    const summary = await ingestPaths(positionals, {
      store,
      pool,
      parse: { maxPages },
      onEvent: (e) => {
        if (e.type === 'file') console.log(`${TAGS[e.item.status]} ${display(e.item.path)}：${e.item.message}`)
        if (e.type === 'identity') {
          console.log(`[补全] ${e.fileName}：未找到报告标题，机关与年度取自内容相同的 ${e.from}（${e.agency ?? '?'} ${e.year ?? '?'} 年）`)
        }
      }
    })
    const c = summary.counts
    const total = summary.items.length
    console.log(
      `共 ${total} 个文件：成功 ${c.ok}，需 OCR ${c.needs_ocr}，错误 ${c.error}，跳过 ${c.skipped}` +
        (summary.ignored ? `（另有 ${summary.ignored} 个非 PDF/TXT 文件未导入）` : '') +
        `；用时 ${(summary.elapsedMs / 1000).toFixed(1)} 秒；工作区 ${display(path.resolve(store.file))}`
    )
    const readable = c.ok + c.needs_ocr + c.skipped
    if (total === 0) console.log('没有找到可导入的 PDF 或 TXT 文件')
    return readable > 0 ? 0 : 1
  } finally {
    await pool?.close()
    store.close()
  }
}

async function exportCmd(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, out: { type: 'string' } } })
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`)
  const store = openStore(values.db, true)
  try {
    const json = JSON.stringify(exportReports(store), null, 2) + '\n'
    if (values.out) {
      fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true })
      fs.writeFileSync(values.out, json)
      console.error(`已导出到 ${values.out}`)
    } else process.stdout.write(json)
    return 0
  } finally {
    store.close()
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'ingest':
        return await ingest(rest)
      case 'export':
        return await exportCmd(rest)
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        console.error(USAGE)
        return command ? 0 : 2
      default:
        throw new UsageError(`未知命令：${command}`)
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(err as Error).message}\n\n${USAGE}`)
      return 2
    }
    if (err instanceof StoreError) {
      console.error(err.message)
      return 1
    }
    console.error(`内部错误：${(err as Error).stack ?? err}`)
    return 1
  }
}

process.exitCode = await main(process.argv.slice(2))
