/**
 * The Excel workbook of the whole workspace, for the auditor's own analysis: one row per
 * report (报告), per extracted cell (单元格) and per finding (问题). Numbers stay numbers.
 */
import type ExcelJS from 'exceljs'
import { compareKeys, describeKey, TABLE_NAMES, type TableId } from '../model/keys'
import { AGENCY_TYPE_LABELS, classifyAgency } from '../rules/agency'
import { ruleById } from '../rules/registry'
import { listFindings, REVIEW_LABELS } from '../review/findings'
import { getReportMeta } from '../review/settings'
import { activeCorrections, loadReport, reportIds, type StoredReport } from '../store/read'
import type { Store } from '../store/store'
import { categoryOf, conclude, SEVERITY_LABELS } from './catalog'
import { locate } from './source'

interface Col {
  header: string
  width: number
}

const STATUS_LABELS = { ok: '已读取', blank: '空白', unreadable: '无法识别', lost: '缺失' } as const

function sheet(wb: ExcelJS.Workbook, name: string, cols: Col[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = cols.map((c) => ({ header: c.header, width: c.width }))
  const head = ws.getRow(1)
  head.font = { bold: true }
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } }
  return ws
}

/** Where a report's agency and year come from, for the 报告 sheet. */
function identitySource(r: StoredReport): string {
  switch (r.identitySource) {
    case 'title':
      return '报告标题'
    case 'sibling':
      return `内容相同的 ${r.identityFromFile ?? '另一文件'}`
    case 'manual':
      return `人工更正（${r.identityBy ?? ''}${r.identityAt ? ` ${r.identityAt.slice(0, 10)}` : ''}）`
    case 'none':
      return '未识别'
  }
}

export async function buildWorkbook(store: Store): Promise<ExcelJS.Workbook> {
  // Loaded here, not at start-up: exceljs takes a third of a second to load.
  const { Workbook } = (await import('exceljs')).default
  const wb = new Workbook()
  wb.creator = '年报审查台'
  wb.created = new Date()

  const reports = sheet(wb, '报告', [
    { header: '报告编号', width: 9 },
    { header: '机关', width: 30 },
    { header: '年度', width: 7 },
    { header: '格式', width: 7 },
    { header: '版本', width: 6 },
    { header: '机关与年度来源', width: 24 },
    { header: '文件', width: 30 },
    { header: '类型', width: 6 },
    { header: '页数', width: 6 },
    { header: '机关类型', width: 14 },
    { header: '发布日期', width: 12 },
    { header: '发布网址', width: 30 },
    { header: '网站未找到', width: 10 },
    { header: '单元格数', width: 9 },
    { header: '更正单元格数', width: 12 },
    { header: '错误', width: 6 },
    { header: '警告', width: 6 },
    { header: '提示', width: 6 },
    { header: '待复核', width: 8 },
    { header: '已确认', width: 8 },
    { header: '已驳回', width: 8 },
    { header: '已整改', width: 8 },
    { header: '结论（按已确认问题）', width: 18 },
    { header: 'SHA-256', width: 20 },
    { header: '导入时间', width: 22 },
    { header: '路径', width: 40 }
  ])
  const cells = sheet(wb, '单元格', [
    { header: '报告编号', width: 9 },
    { header: '机关', width: 30 },
    { header: '年度', width: 7 },
    { header: '表', width: 6 },
    { header: '键', width: 28 },
    { header: '说明', width: 50 },
    { header: '数值', width: 12 },
    { header: '小数位', width: 7 },
    { header: '原文', width: 14 },
    { header: '状态', width: 9 },
    { header: '页码', width: 6 },
    { header: '字符起', width: 8 },
    { header: '字符止', width: 8 },
    { header: '更正后数值', width: 11 },
    { header: '更正人', width: 10 },
    { header: '更正时间', width: 22 },
    { header: '更正理由', width: 30 }
  ])
  const problems = sheet(wb, '问题', [
    { header: '问题编号', width: 9 },
    { header: '报告编号', width: 9 },
    { header: '机关', width: 30 },
    { header: '年度', width: 7 },
    { header: '规则', width: 7 },
    { header: '类别', width: 16 },
    { header: '严重程度', width: 9 },
    { header: '标题', width: 30 },
    { header: '问题描述', width: 70 },
    { header: '位置', width: 40 },
    { header: '页码', width: 6 },
    { header: '原文摘录', width: 50 },
    { header: '单元格', width: 30 },
    { header: '状态', width: 8 },
    { header: '复核', width: 8 },
    { header: '审查意见', width: 40 },
    { header: '审查人', width: 10 },
    { header: '复核时间', width: 22 },
    { header: '来源', width: 8 },
    { header: '首次发现', width: 22 }
  ])

  for (const id of reportIds(store)) {
    const r = loadReport(store, id)
    if (!r) continue
    const meta = getReportMeta(store, id)
    const doc = store.stmt('SELECT text, imported_at AS importedAt FROM documents WHERE id = ?').get(r.documentId) as { text: string; importedAt: string }
    // Cells as extracted; the auditor's corrections in force go in their own columns.
    const corrections = new Map(activeCorrections(store, id).map((c) => [c.key, c]))
    const findings = listFindings(store, id, { resolved: true })
    const open = findings.filter((f) => f.status === 'open')
    const live = open.filter((f) => f.review !== 'dismissed')
    const count = (pred: (f: (typeof findings)[number]) => boolean) => open.filter(pred).length
    const confirmed = { error: 0, warning: 0, info: 0 }
    for (const f of open) if (f.review === 'confirmed') confirmed[f.severity]++

    reports.addRow([
      id,
      r.agency,
      r.year,
      r.template,
      r.version,
      identitySource(r),
      r.file,
      r.kind.toUpperCase(),
      r.pages,
      AGENCY_TYPE_LABELS[meta.agencyType ?? classifyAgency(r.agency)],
      meta.pubDate,
      meta.pubUrl,
      meta.notFound ? '是' : '否',
      Object.keys(r.cells).length,
      corrections.size,
      live.filter((f) => f.severity === 'error').length,
      live.filter((f) => f.severity === 'warning').length,
      live.filter((f) => f.severity === 'info').length,
      count((f) => f.review === 'pending'),
      count((f) => f.review === 'confirmed'),
      count((f) => f.review === 'dismissed'),
      count((f) => f.review === 'fixed'),
      conclude(confirmed).level,
      r.sha256,
      doc.importedAt,
      r.path
    ])

    for (const key of [...new Set([...Object.keys(r.cells), ...corrections.keys()])].sort(compareKeys)) {
      const c = r.cells[key]
      const src = c?.source
      const fix = corrections.get(key)
      cells.addRow([
        id,
        r.agency,
        r.year,
        TABLE_NAMES[key.split('.')[0] as TableId] ?? key.split('.')[0],
        key,
        describeKey(key),
        c?.value ?? null,
        c?.decimals ?? null,
        c?.raw ?? null,
        c ? STATUS_LABELS[c.status] : '未提取',
        src?.kind === 'pdf' ? src.page : null,
        src?.kind === 'txt' ? src.start : null,
        src?.kind === 'txt' ? src.end : null,
        fix ? fix.value : null,
        fix?.actor ?? null,
        fix?.at ?? null,
        fix?.reason ?? null
      ])
    }

    for (const f of findings) {
      const at = locate(f, r, doc)
      const rule = f.origin === 'rule' ? ruleById(f.rule) : undefined
      problems.addRow([
        f.id,
        id,
        r.agency,
        r.year,
        f.rule,
        categoryOf(rule?.family ?? null).name,
        SEVERITY_LABELS[f.severity],
        f.title,
        f.message,
        at.location,
        at.page,
        at.quote,
        f.cells.join('，'),
        f.status === 'open' ? '有效' : '已消除',
        REVIEW_LABELS[f.review],
        f.comment,
        f.reviewer,
        f.reviewedAt,
        f.origin === 'rule' ? '规则' : '人工',
        f.firstSeen
      ])
    }
  }
  // Messages are long: wrap them in their column rather than overflow into the next ones.
  problems.getColumn(9).alignment = { wrapText: true, vertical: 'top' }
  return wb
}

export async function workbookBuffer(store: Store): Promise<Buffer> {
  const wb = await buildWorkbook(store)
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}
