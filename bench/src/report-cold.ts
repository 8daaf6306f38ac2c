/** Tables and target verdicts of (c) cold start and (d) memory. */
import type { ColdRow } from './cold/run-cold.js'
import { bytes, ms, table, verdict } from './format.js'
import type { MemoryRow } from './memory/run-memory.js'

export function coldTables(rows: ColdRow[]): string {
  const body = table(
    [
      'bundle',
      'added to a bare Node start (median)',
      'p90',
      'raw',
      'gzip',
      'largest modules',
      'target',
    ],
    rows.map((r) => [
      r.name,
      ms(r.addedMs),
      ms(r.p90AddedMs),
      bytes(r.bytes),
      bytes(r.gzipBytes),
      r.topModules
        .slice(0, 3)
        .map((m) => `${m.module} ${bytes(m.bytes)}`)
        .join(', '),
      r.target
        ? verdict(
            r.met === true,
            `≤ ${r.target.addedMs} ms${r.target.gzipBytes ? `, ≤ ${bytes(r.target.gzipBytes)} gzip` : ''}${r.status === 200 ? '' : `, status ${r.status}`}`,
          )
        : '',
    ]),
  )
  return `${body}\n\n${rows[0]?.rounds ?? 0} rounds, all bundles and the baseline interleaved in a new random order each round.`
}

export function memoryTables(rows: MemoryRow[]): string {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`
  return table(
    ['subject', 'RSS after 1k', 'RSS at the middle', 'RSS at the end', 'end / middle', 'bounded'],
    rows.map((r) => {
      const mid = r.points[Math.floor((r.points.length - 1) / 2)]
      const last = r.points.at(-1)
      return [
        r.subject,
        mb(r.points[0]?.rssBytes ?? 0),
        `${mb(mid?.rssBytes ?? 0)} (${mid?.count ?? 0})`,
        `${mb(last?.rssBytes ?? 0)} (${last?.count ?? 0})`,
        r.growth.toFixed(2),
        verdict(r.bounded, r.bounded ? 'no growth trend' : 'still growing'),
      ]
    }),
  )
}
