/**
 * Order-preserving alignment of two sequences (rows found ↔ rows of the official layout,
 * header stacks ↔ canonical columns). Maximises the summed score of matched pairs; items may
 * stay unmatched on either side. Pairs with a score ≤ 0 are never made.
 */
export function alignSequences<A, B>(as: readonly A[], bs: readonly B[], score: (a: A, b: B) => number): Array<[number, number]> {
  const n = as.length
  const m = bs.length
  const dp: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(as[i], bs[j])
      const take = s > 0 ? s + dp[i + 1][j + 1] : -Infinity
      dp[i][j] = Math.max(take, dp[i + 1][j], dp[i][j + 1])
    }
  }
  const pairs: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    const s = score(as[i], bs[j])
    if (s > 0 && dp[i][j] === s + dp[i + 1][j + 1]) {
      pairs.push([i, j])
      i++
      j++
    } else if (dp[i][j] === dp[i + 1][j]) i++
    else j++
  }
  return pairs
}
