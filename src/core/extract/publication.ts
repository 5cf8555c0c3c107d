/**
 * Where and when the report was published, as the document itself shows it: a copy of the web
 * page carries its 发布时间 (or the 生成日期 of the 信息公开目录's file card), a page printed by
 * a browser its address. Offered to the auditor for the deadline checks (D01–D05), never taken
 * without them: the date a page shows is evidence, the auditor's check of the site is the record.
 */
import { isoDate } from '../text/dates'
import { normalizeGlyphs } from '../text/normalize'

export interface PrintedPublication {
  /** YYYY-MM-DD. */
  date: string | null
  /** The words the date was read from (发布时间：2024-01-19 10:32). */
  dateQuote: string | null
  url: string | null
}

/**
 * A labelled date: the label names publication (the sign-off date under the report is when it
 * was signed, not published, and has no label). 成文日期 is when it was written: not taken.
 */
const PUBLISHED_DATE =
  /(?:(?:发布|公开|上网|发稿)(?:时间|日期)|生成日期|发布于)/.source +
  /[\s:：]*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/.source

/** A web address of a government site (…gov.cn), where such reports are published. */
const GOV_URL = /https?:\/\/[A-Za-z0-9.-]+\.gov\.cn(?::\d+)?(?:\/[^\s"'<>，。；）)]*)?/

export function printedPublication(text: string): PrintedPublication {
  const t = normalizeGlyphs(text)
  let date: string | null = null
  let dateQuote: string | null = null
  for (const m of t.matchAll(new RegExp(PUBLISHED_DATE, 'g'))) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
    if (!iso) continue
    date = iso
    dateQuote = m[0].trim()
    break
  }
  return { date, dateQuote, url: GOV_URL.exec(t)?.[0] ?? null }
}
