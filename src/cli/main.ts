/**
 * Command line: the headless side of the app, on the same domain code.
 *
 *   npm run cli -- ingest PATH... --db FILE [--workers N] [--max-pages N]
 *   npm run cli -- reread --db FILE [--all] [--workers N] [--max-pages N]
 *   npm run cli -- check --db FILE [--report ID]... [--verbose]
 *   npm run cli -- export --db FILE [--out FILE] [--xlsx FILE]
 *   npm run cli -- memo --db FILE (--report ID... | --all) --out FILE.docx|.pdf [--pending list|omit] …
 *   npm run cli -- config --db FILE [--disable …] [--severity …] [--pub-date …] …
 *
 * Exit codes: 0 success; 1 nothing could be done (no file could be read, store unusable);
 * 2 wrong usage.
 */
import { fsReason } from '../core/errors'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { exportReports } from '../core/export/json'
import { MemoError, memoFormatOf, saveMemoSettings, writeMemo, writeWorkbook } from '../core/memo'
import { ingestPaths, type IngestItem } from '../core/ingest/ingest'
import { rereadDocuments } from '../core/ingest/reread'
import { DEFAULT_PARSE_OPTIONS } from '../core/ingest/parse'
import { checkReports } from '../core/review/check'
import { listFindings, REVIEW_LABELS } from '../core/review/findings'
import { identityFromFileName, setReportIdentity } from '../core/review/identity'
import { loadRulesConfig, saveRulesConfig, setReportMeta, SEVERITIES } from '../core/review/settings'
import { AGENCY_TYPE_LABELS, type AgencyType } from '../core/rules/agency'
import { ruleById } from '../core/rules/registry'
import type { Severity } from '../core/rules/types'
import { Store, StoreError } from '../core/store/store'
import { notImportedText } from '../shared/contract'
import { createSourcePool } from '../node/workers'

const USAGE = `用法：
  npm run cli -- ingest 路径... --db 工作区文件 [--workers N] [--max-pages N]
      导入 PDF/TXT 文件或整个文件夹（含子文件夹）
  npm run cli -- reread --db 工作区文件 [--all] [--workers N] [--max-pages N]
      用当前版本重新读取旧版程序读取的报告（--all 时全部重新读取），原位更新：
      审查人的更正、复核结论和批注保留；原文件已移走或改动的保留原有结果
  npm run cli -- check --db 工作区文件 [--report 编号]... [--verbose]
      运行全部审查规则，逐份报告输出错误、警告、提示的数量（--verbose 列出每条问题）
  npm run cli -- export --db 工作区文件 [--out 输出文件.json] [--xlsx 工作簿.xlsx]
      导出全部报告为 JSON（不指定 --out 时输出到标准输出）；--xlsx 导出 Excel 工作簿
      （报告、单元格、问题三张表；只指定 --xlsx 时不输出 JSON）
  npm run cli -- memo --db 工作区文件 (--report 编号 [--report 编号]... | --all) --out 审查意见.docx|.pdf
      [--pending list|omit] [--reviewer 姓名] [--office 审查单位] [--date YYYY-MM-DD]
      生成审查意见：一份报告一份意见，多份报告合成一个文件（每份另起一页），--all 生成汇总审查意见（附各报告问题清单）；
      已驳回的问题不列入，待复核的问题默认不列入（--pending list 时标注“待复核”列入）
  npm run cli -- config --db 工作区文件 [--disable 规则,...] [--enable 规则,...] [--severity 规则=error|warning|info,...]
      [--deadline 乡镇|街道|开发区=MM-DD] [--pub-date 报告编号=YYYY-MM-DD] [--not-found 报告编号] [--agency-type 报告编号=类型]
      [--agency 报告编号=机关名称] [--year 报告编号=年度] [--office 审查单位] [--expected-agencies 名单.txt]
      修改审查设置（保存在工作区中），然后重新检查；名单文件每行一个应报机关，汇总审查意见据此列出未报单位；
      --agency/--year 更正报告的机关与年度（标题无法识别或识别有误时；重新读取时保留）`

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

/** --workers and --max-pages of the commands that read files (ingest, reread). */
function parsingOptions(values: { workers?: string; 'max-pages'?: string }): { workers: number | undefined; maxPages: number } {
  const workers = values.workers !== undefined ? Number(values.workers) : undefined
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw new UsageError('--workers 应为非负整数')
  const maxPages = values['max-pages'] !== undefined ? Number(values['max-pages']) : DEFAULT_PARSE_OPTIONS.maxPages
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new UsageError('--max-pages 应为正整数')
  return { workers, maxPages }
}

async function ingest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, workers: { type: 'string' }, 'max-pages': { type: 'string' } }
  })
  if (positionals.length === 0) throw new UsageError('请指定要导入的文件或文件夹')
  const { workers, maxPages } = parsingOptions(values)
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
    // Still nameless after the batch (no title, no file of the same content): say how to name them.
    for (const it of summary.items) {
      if (it.status !== 'ok' || it.reportId === undefined || (it.agency && it.year)) continue
      const n = it.reportId
      // The file's name, when it reads as the title, gives what to check first (never taken unasked).
      const named = identityFromFileName(it.fileName)
      const agency = it.agency ?? named?.agency ?? null
      const year = it.year ?? named?.year ?? null
      const hint = named && (agency !== it.agency || year !== it.year) ? `文件名显示为 ${agency ?? '?'} ${year ?? '?'} 年，核对后` : ''
      console.log(
        `[待确认] ${display(it.path)}：未识别出机关与年度（报告 ${n}），不参与跨年度比对；${hint}` +
          `可用 npm run cli -- config --db ${display(path.resolve(store.file))} --agency ${n}=${agency ?? '机关名称'} --year ${n}=${year ?? '年度'} 指定`
      )
    }
    const c = summary.counts
    const total = summary.items.length
    console.log(
      `共 ${total} 个文件：成功 ${c.ok}，需 OCR ${c.needs_ocr}，错误 ${c.error}，跳过 ${c.skipped}` +
        (notImportedText(summary) && `；${notImportedText(summary)}`) +
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

async function reread(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, all: { type: 'boolean' }, workers: { type: 'string' }, 'max-pages': { type: 'string' } }
  })
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`)
  const { workers, maxPages } = parsingOptions(values)
  const store = openStore(values.db, true)
  const pool = workers === 0 ? undefined : createSourcePool(workers)
  try {
    const summary = await rereadDocuments({
      store,
      pool,
      all: values.all,
      parse: { maxPages },
      onItem: (item) => console.log(`${item.status === 'error' ? '[保留]' : TAGS[item.status]} ${display(item.path)}：${item.message}`)
    })
    if (summary.items.length === 0) console.log('没有需要重新读取的文件：全部报告都已由当前版本读取（--all 可全部重新读取）')
    else console.log(`共 ${summary.items.length} 个文件：重新读取 ${summary.reread}，保留原有结果 ${summary.kept}；用时 ${(summary.elapsedMs / 1000).toFixed(1)} 秒`)
    return 0
  } finally {
    await pool?.close()
    store.close()
  }
}

async function exportCmd(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, out: { type: 'string' }, xlsx: { type: 'string' } }
  })
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`)
  if (values.xlsx !== undefined && path.extname(values.xlsx).toLowerCase() !== '.xlsx') throw new UsageError(`--xlsx 的文件应以 .xlsx 结尾：${values.xlsx}`)
  const store = openStore(values.db, true)
  try {
    if (values.xlsx) {
      const w = await writeWorkbook(store, values.xlsx)
      // stderr, like the JSON message: stdout carries only the JSON when it is printed there.
      console.error(`已导出 Excel 工作簿到 ${values.xlsx}（${w.reports} 份报告，${kb(w.bytes)}）`)
    }
    // Without --out the JSON goes to stdout, as always, unless only a workbook was asked for.
    if (values.out || !values.xlsx) {
      const json = JSON.stringify(exportReports(store), null, 2) + '\n'
      if (values.out) {
        fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true })
        fs.writeFileSync(values.out, json)
        console.error(`已导出到 ${values.out}`)
      } else process.stdout.write(json)
    }
    return 0
  } finally {
    store.close()
  }
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

function reportIdArg(s: string): number {
  const n = Number(s)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`报告编号应为正整数：${s}`)
  return n
}

async function memo(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      report: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      out: { type: 'string' },
      pending: { type: 'string' },
      reviewer: { type: 'string' },
      office: { type: 'string' },
      date: { type: 'string' }
    }
  })
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`)
  if (values.all && values.report) throw new UsageError('--report 与 --all 只能选一个')
  if (!values.all && !values.report) throw new UsageError('请用 --report 编号 指定报告，或用 --all 生成汇总审查意见')
  if (!values.out) throw new UsageError('缺少 --out 输出文件（.docx 或 .pdf）')
  const format = memoFormatOf(values.out)
  if (!format) throw new UsageError(`不支持的输出格式“${path.extname(values.out) || '（无扩展名）'}”：--out 的文件应以 .docx 或 .pdf 结尾`)
  const pending = values.pending ?? 'omit'
  if (pending !== 'list' && pending !== 'omit') throw new UsageError(`--pending 应为 list（标注“待复核”列入）或 omit（不列入）：${pending}`)
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date 应写成 YYYY-MM-DD：${values.date}`)
  const ids = values.report?.map(reportIdArg)
  const store = openStore(values.db, true)
  try {
    const started = Date.now()
    const w = await writeMemo(store, {
      reports: ids ?? 'all',
      format,
      out: values.out,
      includePending: pending,
      reviewer: values.reviewer,
      office: values.office,
      date: values.date
    })
    const what = ids ? (ids.length > 1 ? `${w.reports} 份报告的审查意见` : '审查意见') : `汇总审查意见（${w.reports} 份报告）`
    console.log(`已生成${what}：${display(path.resolve(w.path))}（${format.toUpperCase()}${w.pages ? `，${w.pages} 页` : ''}，${kb(w.bytes)}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`)
    return 0
  } finally {
    store.close()
  }
}

const SEVERITY_NAMES = { error: '错误', warning: '警告', info: '提示' } as const

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, report: { type: 'string', multiple: true }, verbose: { type: 'boolean', short: 'v' } }
  })
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`)
  const ids = values.report?.map((r) => {
    const n = Number(r)
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`报告编号应为正整数：${r}`)
    return n
  })
  const store = openStore(values.db, true)
  try {
    const results = checkReports(store, ids)
    if (ids && results.length < ids.length) {
      const missing = ids.filter((id) => !results.some((r) => r.reportId === id))
      console.error(`工作区中没有这些报告：${missing.join('、')}`)
      return 1
    }
    const total = { error: 0, warning: 0, info: 0 }
    for (const r of results) {
      const rep = store.stmt('SELECT r.agency, r.year, d.file_name AS file FROM reports r JOIN documents d ON d.id = r.document_id WHERE r.id = ?').get(r.reportId) as {
        agency: string | null
        year: number | null
        file: string
      }
      for (const k of ['error', 'warning', 'info'] as const) total[k] += r.counts[k]
      const changes = [r.stats.created && `新增 ${r.stats.created}`, r.stats.resolved && `已消除 ${r.stats.resolved}`, r.stats.reopened && `重新出现 ${r.stats.reopened}`].filter(Boolean)
      console.log(
        `[#${r.reportId}] ${rep.file}｜${rep.agency ?? '（未识别机关）'} ${rep.year ?? '?'} 年：错误 ${r.counts.error}，警告 ${r.counts.warning}，提示 ${r.counts.info}` +
          (changes.length ? `（${changes.join('，')}）` : '')
      )
      if (values.verbose) {
        for (const f of listFindings(store, r.reportId)) {
          const where = f.page ? `第${f.page}页 ` : ''
          console.log(`    ${SEVERITY_NAMES[f.severity]} ${f.rule} ${where}${f.message}${f.review !== 'pending' ? `【${REVIEW_LABELS[f.review]}】` : ''}`)
        }
      }
    }
    console.log(`共 ${results.length} 份报告：错误 ${total.error}，警告 ${total.warning}，提示 ${total.info}`)
    return 0
  } finally {
    store.close()
  }
}

const AGENCY_TYPE_NAMES: Record<string, AgencyType> = Object.fromEntries(Object.entries(AGENCY_TYPE_LABELS).map(([k, v]) => [v, k as AgencyType]))
const DEADLINE_TYPES: Record<string, 'township' | 'subdistrict' | 'devzone'> = { 乡镇: 'township', 街道: 'subdistrict', 开发区: 'devzone' }

async function config(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      disable: { type: 'string', multiple: true },
      enable: { type: 'string', multiple: true },
      severity: { type: 'string', multiple: true },
      deadline: { type: 'string', multiple: true },
      'pub-date': { type: 'string', multiple: true },
      'not-found': { type: 'string', multiple: true },
      'agency-type': { type: 'string', multiple: true },
      agency: { type: 'string', multiple: true },
      year: { type: 'string', multiple: true },
      office: { type: 'string' },
      'expected-agencies': { type: 'string' }
    }
  })
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`)
  const list = (v: string[] | undefined) => (v ?? []).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean)
  const pairs = (v: string[] | undefined, what: string) =>
    list(v).map((x) => {
      const i = x.indexOf('=')
      if (i < 1) throw new UsageError(`${what} 应写成 键=值：${x}`)
      return [x.slice(0, i), x.slice(i + 1)] as const
    })
  const ruleId = (id: string) => {
    if (!ruleById(id)) throw new UsageError(`没有这条规则：${id}`)
    return id
  }
  const reportId = (s: string) => {
    const n = Number(s)
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`报告编号应为正整数：${s}`)
    return n
  }
  const store = openStore(values.db, true)
  try {
    const cfg = loadRulesConfig(store)
    for (const id of list(values.disable).map(ruleId)) if (!cfg.disabled.includes(id)) cfg.disabled.push(id)
    for (const id of list(values.enable).map(ruleId)) cfg.disabled = cfg.disabled.filter((x) => x !== id)
    for (const [id, sev] of pairs(values.severity, '--severity')) {
      if (!SEVERITIES.includes(sev as Severity)) throw new UsageError(`级别应为 error、warning 或 info：${sev}`)
      cfg.severity[ruleId(id)] = sev as Severity
    }
    for (const [type, date] of pairs(values.deadline, '--deadline')) {
      const t = DEADLINE_TYPES[type]
      if (!t) throw new UsageError(`期限类型应为 乡镇、街道 或 开发区：${type}`)
      if (!/^\d{2}-\d{2}$/.test(date)) throw new UsageError(`期限应写成 MM-DD：${date}`)
      cfg.localDeadlines[t] = date
    }
    saveRulesConfig(store, cfg)
    const touched = new Set<number>()
    // A value the command line gave that the workspace refuses is a usage error, not an internal one.
    const perReport = (id: string, set: (n: number) => void) => {
      const n = reportId(id)
      if (!store.stmt('SELECT 1 FROM reports WHERE id = ?').get(n)) throw new UsageError(`工作区中没有编号为 ${n} 的报告`)
      try {
        set(n)
      } catch (err) {
        throw new UsageError(`报告 ${n}：${(err as Error).message}`)
      }
      touched.add(n)
    }
    for (const [id, date] of pairs(values['pub-date'], '--pub-date')) perReport(id, (n) => setReportMeta(store, n, { pubDate: date }, 'cli'))
    for (const id of list(values['not-found'])) perReport(id, (n) => setReportMeta(store, n, { notFound: true }, 'cli'))
    for (const [id, name] of pairs(values['agency-type'], '--agency-type')) {
      const t = AGENCY_TYPE_NAMES[name] ?? (name in AGENCY_TYPE_LABELS ? (name as AgencyType) : null)
      if (!t) throw new UsageError(`机关类型应为：${Object.values(AGENCY_TYPE_LABELS).join('、')}`)
      perReport(id, (n) => setReportMeta(store, n, { agencyType: t }, 'cli'))
    }
    // Agency and year by hand: either may be given alone when the report has the other.
    const identities = new Map<number, { agency?: string; year?: number }>()
    for (const [id, name] of pairs(values.agency, '--agency')) identities.set(reportId(id), { ...identities.get(reportId(id)), agency: name })
    for (const [id, y] of pairs(values.year, '--year')) {
      if (!/^\d{4}$/.test(y)) throw new UsageError(`年度应写成四位数字：${y}`)
      identities.set(reportId(id), { ...identities.get(reportId(id)), year: Number(y) })
    }
    for (const [id, given] of identities) {
      perReport(String(id), (n) => {
        const now = store.stmt('SELECT agency, year FROM reports WHERE id = ?').get(n) as { agency: string | null; year: number | null }
        const agency = given.agency ?? now.agency
        const year = given.year ?? now.year
        if (!agency) throw new Error(`没有识别出机关，请用 --agency ${n}=机关名称 指定`)
        if (!year) throw new Error(`没有识别出年度，请用 --year ${n}=年度 指定`)
        const version = setReportIdentity(store, n, { agency, year }, 'cli')
        console.log(`报告 ${n}：机关与年度改为 ${agency} ${year} 年${version > 1 ? `（同一机关同一年度的第 ${version} 个版本）` : ''}`)
      })
    }
    if (values.office !== undefined || values['expected-agencies'] !== undefined) {
      let expected: string[] | undefined
      if (values['expected-agencies'] !== undefined) {
        const file = values['expected-agencies']
        let text: string
        try {
          text = fs.readFileSync(file, 'utf8')
        } catch (err) {
          throw new UsageError(`无法读取应报机关名单 ${file}：${fsReason(err)}`)
        }
        expected = text.split(/\r?\n/).map((x) => x.replace(/^\uFEFF/, '').trim()).filter(Boolean)
      }
      const m = saveMemoSettings(store, { ...(values.office !== undefined ? { office: values.office.trim() || null } : {}), ...(expected ? { expectedAgencies: expected } : {}) })
      console.log(`审查意见设置：审查单位 ${m.office ?? '未设置'}；应报机关 ${m.expectedAgencies.length} 个`)
    }
    const results = checkReports(store)
    console.log(`已保存设置：停用规则 ${cfg.disabled.join('、') || '无'}；调整级别 ${Object.entries(cfg.severity).map(([k, v]) => `${k}=${SEVERITY_NAMES[v]}`).join('、') || '无'}；本地期限 ${Object.entries(cfg.localDeadlines).map(([k, v]) => `${k}=${v}`).join('、') || '无'}`)
    if (touched.size) console.log(`已更新 ${touched.size} 份报告的审查信息`)
    console.log(`已重新检查 ${results.length} 份报告`)
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
      case 'reread':
        return await reread(rest)
      case 'export':
        return await exportCmd(rest)
      case 'check':
        return await check(rest)
      case 'memo':
        return await memo(rest)
      case 'config':
        return await config(rest)
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
    if (err instanceof StoreError || err instanceof MemoError) {
      console.error(err.message)
      return 1
    }
    console.error(`内部错误：${(err as Error).stack ?? err}`)
    return 1
  }
}

process.exitCode = await main(process.argv.slice(2))
