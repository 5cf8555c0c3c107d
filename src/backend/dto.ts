/**
 * The domain model turned into the contract's plain data for the renderer.
 */
import { describeKey } from '../core/model/keys'
import { reportLayout } from '../core/model/layout'
import type { StoredFinding } from '../core/review/findings'
import { identityFromFileName } from '../core/review/identity'
import { loadReport } from '../core/store/read'
import type { Store } from '../core/store/store'
import type { Publication } from '../core/review/publication'
import { AGENCY_TYPE_LABELS, type AgencyType } from '../core/rules/agency'
import { impliedValues } from '../core/rules/implied'
import type { Implied } from '../core/rules/types'
import type { CellDto, FindingDto, ReportDetail, ReportMetaDto } from '../shared/contract'

export function findingDto(f: StoredFinding): FindingDto {
  return {
    id: f.id,
    reportId: f.reportId,
    rule: f.rule,
    origin: f.origin,
    severity: f.severity,
    title: f.title,
    message: f.message,
    cells: f.cells,
    source: f.source,
    page: f.page,
    status: f.status,
    review: f.review,
    comment: f.comment,
    reviewer: f.reviewer,
    reviewedAt: f.reviewedAt
  }
}

/** A report as the review screen draws it: corrected cells, the official layout, sections. */
export function reportDetail(store: Store, id: number): ReportDetail | null {
  const r = loadReport(store, id, { corrected: true })
  if (!r) return null
  const layout = reportLayout(r.t2Template ?? r.template, r.t3Template ?? r.template)
  const cells: Record<string, CellDto> = {}
  const implied = impliedValues(r)
  for (const [key, c] of Object.entries(r.cells)) {
    cells[key] = {
      key,
      value: c.value,
      status: c.status,
      raw: c.raw,
      source: c.source,
      correction: c.correction ? { original: c.correction.original, by: c.correction.by, at: c.correction.at, reason: c.correction.reason ?? null } : null,
      implied: offers(implied[key] ?? [])
    }
  }
  const keyLabels: Record<string, string> = {}
  for (const t of layout) for (const row of t.rows) for (const k of row.keys) if (k) keyLabels[k] = describeKey(k)
  for (const k of Object.keys(cells)) keyLabels[k] ??= describeKey(k)
  return {
    id: r.id,
    documentId: r.documentId,
    file: r.file,
    path: r.path,
    kind: r.kind,
    pages: r.pages,
    title: r.title,
    agency: r.agency,
    year: r.year,
    template: r.template,
    version: r.version,
    identity: {
      source: r.identitySource,
      fromFile: r.identityFromFile,
      by: r.identityBy,
      at: r.identityAt
    },
    nameFromFile: fileNameFills(r.agency, r.year, r.file),
    cells,
    layout,
    sections: r.sections.map((s) => ({ index: s.index, heading: s.heading, text: s.text, source: s.headingSource })),
    keyLabels
  }
}

/** Implied values as offered: identities that agree make one offer (按…与…推算为 116), others one each. */
function offers(implied: Implied[]): CellDto['implied'] {
  const byValue = new Map<number, Implied[]>()
  for (const i of implied) byValue.set(i.value, [...(byValue.get(i.value) ?? []), i])
  return [...byValue].map(([value, same]) => ({ value, identity: same.map((i) => i.identity).join('与'), how: same.map((i) => i.how).join('；') }))
}

/** What the file's name gives for an agency or year the report itself lacks; null when nothing. */
function fileNameFills(agency: string | null, year: number | null, file: string): ReportDetail['nameFromFile'] {
  if (agency && year) return null
  const named = identityFromFileName(file)
  return named && ((!agency && named.agency) || !year) ? named : null
}

export function publicationDto(p: Publication): ReportMetaDto {
  const { meta } = p
  return {
    pubDate: meta.pubDate,
    pubUrl: meta.pubUrl,
    notFound: meta.notFound,
    agencyType: meta.agencyType,
    agencyTypeFromName: p.agencyTypeFromName,
    agencyTypes: (Object.entries(AGENCY_TYPE_LABELS) as Array<[AgencyType, string]>).map(([value, label]) => ({ value, label })),
    printed: p.printed,
    updatedBy: meta.updatedBy,
    updatedAt: meta.updatedAt
  }
}
