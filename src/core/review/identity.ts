/**
 * The auditor names a report's agency and year: for a title the program could not read (the
 * report then takes no part in the cross-year and same-agency checks) or read wrong.
 */
import { readTitleText } from '../extract/structure'
import type { Store } from '../store/store'
import { affectedBy, checkReports } from './check'

/** Reports exist since the 条例 took effect (2008); a report is published the year after. */
const FIRST_YEAR = 2008

export interface IdentityInput {
  agency: string
  year: number
}

/** The agency and year as the auditor gives them, checked; throws with the reason in Chinese. */
export function validIdentity(input: IdentityInput, now = new Date()): IdentityInput {
  const agency = input.agency.trim().replace(/\s+/g, '')
  if (!agency) throw new Error('请填写机关名称')
  if (agency.length > 60) throw new Error(`机关名称过长（${agency.length} 个字，最多 60 个）`)
  const last = now.getFullYear()
  if (!Number.isInteger(input.year) || input.year < FIRST_YEAR || input.year > last) throw new Error(`年度应为 ${FIRST_YEAR}–${last} 之间的整数：${input.year}`)
  return { agency, year: input.year }
}

/**
 * Sets the agency and year and re-runs the checks they change, in one transaction: those of
 * this report and of the reports compared with it, under its old identity and its new one.
 * Returns the report's version under the new identity.
 */
export function setReportIdentity(store: Store, reportId: number, input: IdentityInput, actor: string): number {
  if (!actor?.trim()) throw new Error('更正机关与年度须注明操作人')
  const { agency, year } = validIdentity(input)
  return store.db.transaction((): number => {
    const before = affectedBy(store, [reportId])
    const version = store.setIdentity(reportId, agency, year, actor)
    checkReports(store, [...new Set([...before, ...affectedBy(store, [reportId])])].sort((a, b) => a - b))
    return version
  })()
}

/**
 * The agency and year a file's name gives, when it reads as the report's title: offices name
 * their filings so (辉县市峪河镇人民政府2023年政府信息公开工作年度报告.pdf), often after a
 * running number (03-…, （3）…). Offered to the auditor for a report whose own title named
 * neither, never taken without them.
 */
export function identityFromFileName(fileName: string): { agency: string | null; year: number } | null {
  const stem = fileName.replace(/\.[^.]*$/, '')
  // A running number of up to three digits (a year has four and is the title's own).
  const unnumbered = stem.replace(/^(?:\d{1,3}|[(（【\[]\d{1,3}[)）】\]])(?!\d|年)[\s._\-—、．]*/, '')
  const read = readTitleText(unnumbered.replace(/[_]+/g, ' '))
  return read && read.year >= FIRST_YEAR ? read : null
}
