/**
 * Agency names: the key under which the same agency's reports are grouped across years and
 * files. Names are compared without spaces, with bracket widths folded.
 */
import { matchForm } from '../text/normalize'

export function agencyKey(agency: string | null | undefined): string | null {
  if (!agency) return null
  const k = matchForm(agency)
  return k || null
}
