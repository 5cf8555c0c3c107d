/**
 * A workspace for the memo tests: four seed TXT reports and one PDF, checked, with the
 * auditor's review recorded on chosen findings (confirmed with comments, dismissed, pending),
 * a publication date that makes one report late and one report marked as not found online.
 */
import path from 'node:path'
import { expect } from 'vitest'
import { ingestPaths } from '../../src/core/ingest/ingest'
import { saveMemoSettings } from '../../src/core/memo/settings'
import { checkReports } from '../../src/core/review/check'
import { listFindings, reviewFinding, type StoredFinding } from '../../src/core/review/findings'
import { setReportMeta } from '../../src/core/review/settings'
import { Store } from '../../src/core/store/store'
import { SEEDS, tempDir } from '../helpers/paths'

export interface MemoWorkspace {
  store: Store
  dir: string
  db: string
  /** Report ids by seed file. */
  ids: { s000: number; s001: number; s003: number; s004: number; pdf000: number }
}

export const COMMENT_L01 = '表头应改为“本年废止件数”，请更正后重新发布'
export const COMMENT_T205 = '按万元保留4位小数填写'

const REVIEWS: Record<keyof MemoWorkspace['ids'], { confirm: Record<string, string | null>; dismiss: string[] }> = {
  s000: {
    confirm: { 'L01:typo:本年度止件数': COMMENT_L01, 'T2-05:precision': COMMENT_T205, 'T2-03:normative_docs.same': null, 'L07:row_value_count:open:t3': null, 'S12:latin:workflows': null },
    dismiss: ['L04:wording:deny_law']
  },
  pdf000: {
    confirm: { 'L01:typo:本年度止件数': COMMENT_L01, 'T2-05:precision': null, 'L08:t3:open': null, 'S12:latin:workflows': null, 'S12:dup:加强新媒体平台维护管理,做好开设整合、内': null },
    dismiss: ['V06:precision']
  },
  s001: { confirm: {}, dismiss: [] },
  s003: { confirm: { 'Y03:opening': '正文开头年份应为2021年', 'F01:statement': null, 'D01:late': null }, dismiss: [] },
  s004: { confirm: { 'S10:title': null, 'S03:3': null }, dismiss: [] }
}

export function byIdentity(store: Store, reportId: number, identity: string): StoredFinding {
  const f = listFindings(store, reportId).find((x) => x.identity === identity)
  expect(f, `finding ${identity} of report ${reportId}`).toBeDefined()
  return f!
}

export async function memoWorkspace(): Promise<MemoWorkspace> {
  const dir = tempDir('dra-memo-')
  const db = path.join(dir, 'ws.sqlite')
  const store = Store.open(db)
  const files = ['000.txt', '001.txt', '003.txt', '004.txt', '000.ruled.pdf']
  const { items } = await ingestPaths(files.map((f) => path.join(SEEDS, f)), { store })
  const id = (f: string) => items.find((i) => i.fileName === f)!.reportId!
  const ids = { s000: id('000.txt'), s001: id('001.txt'), s003: id('003.txt'), s004: id('004.txt'), pdf000: id('000.ruled.pdf') }
  // 鲁山县人民政府办公室 is a department: 1月31日 is its deadline (D01).
  setReportMeta(store, ids.s003, { pubDate: '2022-02-15', pubUrl: 'http://www.lushan.gov.cn/2021nb.html' }, '测试')
  setReportMeta(store, ids.s004, { notFound: true }, '测试')
  saveMemoSettings(store, { office: '某市人民政府办公室', expectedAgencies: ['新密市新华路办事处', '某县交通运输局'] })
  checkReports(store)
  for (const [key, r] of Object.entries(REVIEWS) as Array<[keyof MemoWorkspace['ids'], (typeof REVIEWS)['s000']]>) {
    for (const [identity, comment] of Object.entries(r.confirm)) reviewFinding(store, byIdentity(store, ids[key], identity).id, { review: 'confirmed', comment }, '张审核')
    for (const identity of r.dismiss) reviewFinding(store, byIdentity(store, ids[key], identity).id, { review: 'dismissed', comment: '不是问题' }, '李复核')
  }
  return { store, dir, db, ids }
}

/** Whitespace-free text, for comparing with text that a renderer wrapped into lines. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '')
}
