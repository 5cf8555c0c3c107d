/**
 * What a rule is and what it produces. Rules are small pure functions over the extracted
 * report (and, for cross-year rules, the same agency's other reports), registered once in
 * registry.ts with their catalogue ID, family, default severity, title and basis.
 */
import type { TableId, Template } from '../model/keys'
import type { Cell, DocumentKind, Provenance, Section, StructuralProblem, TableLabel } from '../model/report'
import type { AgencyType } from './agency'
import type { NarrativeFacts } from './narrative'

export type Severity = 'error' | 'warning' | 'info'
export type Family = 'S' | 'V' | 'L' | 'T3' | 'T4' | 'T2' | 'N' | 'Y' | 'G' | 'X' | 'D' | 'F'

/** The report as rules see it: the extracted model plus its place in the workspace. */
export interface ReportView {
  id: number
  file: string
  kind: DocumentKind
  title: string | null
  titleSource: Provenance | null
  agency: string | null
  agencyKey: string | null
  year: number | null
  template: Template | null
  t2Template: Template | null
  t3Template: Template | null
  cells: Record<string, Cell>
  sections: Section[]
  labels: TableLabel[]
  problems: StructuralProblem[]
  tables: Array<{ table: 't2' | 't3' | 't4'; sectionIndex: number | null; source: Provenance | null }>
  version: number
}

export interface ReportMeta {
  /** Publication date entered by the auditor, YYYY-MM-DD. */
  pubDate: string | null
  pubUrl: string | null
  /** The auditor could not find the report on the agency's site (D06). */
  notFound: boolean
  /** The auditor's classification, overriding the one read from the name. */
  agencyType: AgencyType | null
}

export interface RulesConfig {
  disabled: string[]
  severity: Record<string, Severity>
  /** Local publication deadlines (MM-DD of the following year) for bodies 条例§49 does not name. */
  localDeadlines: Partial<Record<'township' | 'subdistrict' | 'devzone', string>>
}

export const DEFAULT_RULES_CONFIG: RulesConfig = { disabled: [], severity: {}, localDeadlines: {} }

export interface RuleContext {
  report: ReportView
  agencyType: AgencyType
  /** The same agency's report for the previous year (its latest version), if in the workspace. */
  prev: ReportView | null
  /** Other reports of the same agency and year (other files or versions). */
  versions: ReportView[]
  /** Same-year reports of bodies under this government (departments, towns), for X08. */
  members: ReportView[]
  meta: ReportMeta
  config: RulesConfig
  facts: NarrativeFacts
  /** The value of a cell, null when blank, lost or absent. */
  v(key: string): number | null
}

/** One finding a rule raises, before the engine adds the rule's identity and severity. */
/**
 * The value a table identity gives the one blank cell among its cells (the sum of the others
 * less the rest), with the computation and the identity's name: offered to the auditor, never
 * written in by the program.
 */
export interface Implied {
  key: string
  value: number
  how: string
  identity: string
}

export interface Draft {
  /** What distinguishes this finding from others of the same rule in one report (a column…). */
  key?: string
  cells?: string[]
  /** The table the finding is about, when its cells do not say (a header, a missing row). */
  table?: TableId
  message: string
  /** Overrides the rule's severity for this finding (approximate wording, could-not-check). */
  severity?: Severity
  source?: Provenance | null
  implied?: Implied[]
}

export interface RuleDef {
  id: string
  family: Family
  /** null: a classification or engine note that never raises a finding (V01, G01, G04, X05, F05). */
  severity: Severity | null
  title: string
  basis: string
  /**
   * The rule reads other reports of the workspace (ctx.prev, ctx.versions, ctx.members). An
   * import runs the other rules on each report as it is saved and these once the batch is in.
   */
  compares?: true
  check?: (ctx: RuleContext) => Draft[]
}

export interface Finding {
  rule: string
  /** Stable within a report across re-runs: rule + key (or the sorted cells). */
  identity: string
  severity: Severity
  title: string
  cells: string[]
  message: string
  source: Provenance | null
  page: number | null
  /** Values the finding's identities imply for blank cells (not stored with the finding). */
  implied?: Implied[]
}
