/** Calendar dates as the store and the memos write them: YYYY-MM-DD. */

const pad = (n: number) => String(n).padStart(2, '0')

/** The day y-m-d as YYYY-MM-DD, or null when there is no such day (2021-02-30). */
export function isoDate(y: number, m: number, d: number): string | null {
  const at = new Date(Date.UTC(y, m - 1, d))
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return null
  return `${y}-${pad(m)}-${pad(d)}`
}

/** Today on the auditor's calendar (local time) as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
