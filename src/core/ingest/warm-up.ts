/**
 * The documents a parse pool warms up on (see PoolOptions.warmUp): the sample reports shipped
 * with the app under resources/samples, which the library also offers to import.
 */
import fs from 'node:fs'
import path from 'node:path'

/** The sample PDFs of `dir`, in name order, at most `limit`. */
export function readWarmUpSamples(dir: string, limit = 5): Uint8Array[] {
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
    .slice(0, limit)
  return names.map((f) => new Uint8Array(fs.readFileSync(path.join(dir, f))))
}
