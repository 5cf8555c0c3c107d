/**
 * Memoising a pure function of one string. Agency names are normalised and classified once
 * per pair of reports compared in a check run (quadratic in the reports of a year); the names
 * themselves are few. Bounded, so that a long-running app does not grow without end.
 */
export function memoizeString<T>(fn: (s: string) => T, max = 10_000): (s: string) => T {
  const cache = new Map<string, T>()
  return (s: string) => {
    const hit = cache.get(s)
    if (hit !== undefined || cache.has(s)) return hit as T
    const v = fn(s)
    if (cache.size >= max) cache.clear()
    cache.set(s, v)
    return v
  }
}
