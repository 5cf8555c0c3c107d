/**
 * Running the rules over one report: pure, given the report and its context (the same
 * agency's other reports, the auditor's settings and the publication date).
 */
import type { TableId } from '../model/keys'
import { classifyAgency } from './agency'
import { narrativeFacts, type NarrativeFacts } from './narrative'
import { RULES } from './registry'
import type { Finding, ReportMeta, ReportView, RuleContext, RulesConfig } from './types'
import { DEFAULT_RULES_CONFIG } from './types'

export interface ContextInput {
  report: ReportView
  prev?: ReportView | null
  versions?: ReportView[]
  members?: ReportView[]
  meta?: Partial<ReportMeta>
  config?: RulesConfig
}

export function buildContext(input: ContextInput): RuleContext {
  const { report } = input
  const meta: ReportMeta = { pubDate: null, pubUrl: null, notFound: false, agencyType: null, ...input.meta }
  let facts: NarrativeFacts | undefined
  return {
    report,
    agencyType: meta.agencyType ?? classifyAgency(report.agency),
    prev: input.prev ?? null,
    versions: input.versions ?? [],
    members: input.members ?? [],
    meta,
    config: input.config ?? DEFAULT_RULES_CONFIG,
    // Read on first use: most rules comparing reports never need the sentences.
    get facts() {
      return (facts ??= narrativeFacts(report.sections))
    },
    v: (key) => report.cells[key]?.value ?? null
  }
}

/**
 * The table each table family checks. A table that was not found at all has only empty cells:
 * S11 reports it once, its family's "cannot check, cells are blank" findings would only repeat it.
 */
const TABLE_OF_FAMILY: Partial<Record<string, TableId>> = { T2: 't2', T3: 't3', T4: 't4' }

/**
 * Added to a finding about a table read from a scan's OCR text layer (problem `ocr_text`): a
 * lost cell, a garbled label or a sum that does not add up there may be the recognition's
 * error rather than the office's, and the auditor has to look at the page image.
 */
export const OCR_NOTE = '；该表文字为扫描件的 OCR 识别结果，可能是识别错误，请对照原件核对'

/** Whether a finding is about a table read by OCR: one of its cells, or the table it names. */
function fromOcr(ocrTables: Set<string>, cells: string[], table: TableId | undefined): boolean {
  if (ocrTables.size === 0) return false
  return (table !== undefined && ocrTables.has(table)) || cells.some((k) => ocrTables.has(k.slice(0, k.indexOf('.'))))
}

/** All findings of a report, with identities stable across re-runs. */
export function runRules(ctx: RuleContext, only?: (id: string) => boolean): Finding[] {
  const out: Finding[] = []
  const ocrTables = new Set(ctx.report.problems.filter((p) => p.code === 'ocr_text' && p.table).map((p) => p.table!))
  for (const rule of RULES) {
    if (!rule.check || !rule.severity || ctx.config.disabled.includes(rule.id) || (only && !only(rule.id))) continue
    const table = TABLE_OF_FAMILY[rule.family]
    if (table && !ctx.report.tables.some((t) => t.table === table)) continue
    let drafts
    try {
      drafts = rule.check(ctx)
    } catch (err) {
      // A rule bug must not hide the other rules' findings; it becomes a visible finding itself.
      drafts = [{ key: 'internal-error', severity: 'warning' as const, message: `规则 ${rule.id} 执行出错：${(err as Error).message}` }]
    }
    const seen = new Set<string>()
    for (const d of drafts) {
      const cells = d.cells ?? []
      let identity = `${rule.id}:${d.key ?? [...cells].sort().join(',')}`
      // Two drafts with the same key stay distinct findings.
      for (let n = 2; seen.has(identity); n++) identity = `${rule.id}:${d.key ?? ''}#${n}`
      seen.add(identity)
      const source = d.source ?? null
      out.push({
        rule: rule.id,
        identity,
        severity: d.severity ?? ctx.config.severity[rule.id] ?? rule.severity,
        title: rule.title,
        cells,
        message: fromOcr(ocrTables, cells, d.table) ? d.message + OCR_NOTE : d.message,
        source,
        page: source?.kind === 'pdf' ? source.page : null,
        ...(d.implied ? { implied: d.implied } : {})
      })
    }
  }
  return out
}
