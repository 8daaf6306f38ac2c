/** Tables and target verdicts of (b), the local load balancer under load. */
import { ms, ratio, table, verdict } from './format.js'
import type { LoadResult, LoadRow } from './load/run-load.js'

const find = (rows: LoadRow[], prefix: string, path: string, c: number) =>
  rows.find((r) => r.server.startsWith(prefix) && r.path === path && r.connections === c)

export function loadTargets(rows: LoadRow[]): Array<{ target: string; met: boolean }> {
  const a = find(rows, 'albkit', '/hello', 10)
  const raw = find(rows, 'raw', '/hello', 10)
  const sls = rows.filter(
    (r) => r.server.startsWith('serverless-offline') && r.path === '/hello' && r.connections === 10,
  )
  if (!a || !raw) return []
  const bestSls = Math.max(...sls.map((r) => r.requestsPerSec), 1)
  const errors = rows
    .filter((r) => r.server.startsWith('albkit'))
    .reduce((n, r) => n + r.errors + r.non2xx, 0)
  return [
    {
      target: `10 connections: ≥ 10× serverless-offline's throughput (is ${ratio(a.requestsPerSec / bestSls)} its best mode)`,
      met: a.requestsPerSec >= 10 * bestSls,
    },
    {
      target: `10 connections: ≥ 40 % of raw node:http (is ${((100 * a.requestsPerSec) / raw.requestsPerSec).toFixed(0)} %)`,
      met: a.requestsPerSec >= 0.4 * raw.requestsPerSec,
    },
    { target: `10 connections: p99 ≤ 10 ms (is ${ms(a.p99Ms)})`, met: a.p99Ms <= 10 },
    { target: `zero errors in every albkit run (${errors})`, met: errors === 0 },
    { target: 'albkit answers the exact bytes (small and 500 KB binary)', met: a.correct },
  ]
}

export function loadTables({ runs: rows, designs }: LoadResult): string {
  const rawOf = (r: LoadRow) => find(rows, 'raw', r.path, r.connections)?.requestsPerSec ?? 0
  const slsOf = (r: LoadRow) =>
    find(rows, 'serverless-offline (default', r.path, r.connections)?.requestsPerSec ?? 0
  const body = table(
    [
      'server',
      'path',
      'conns',
      'req/s',
      '% of raw',
      '× sls-offline',
      'p50',
      'p99',
      'max',
      'errors',
      'bytes right',
    ],
    rows.map((r) => [
      r.server,
      r.path,
      String(r.connections),
      r.requestsPerSec.toFixed(0),
      `${((100 * r.requestsPerSec) / (rawOf(r) || 1)).toFixed(0)} %`,
      slsOf(r) > 0 ? ratio(r.requestsPerSec / slsOf(r)) : '–',
      ms(r.p50Ms),
      ms(r.p99Ms),
      ms(r.maxMs),
      String(r.errors + r.non2xx),
      r.correct ? '✅' : '❌',
    ]),
  )
  const targets = loadTargets(rows)
    .map((t) => `- ${verdict(t.met, t.target)}`)
    .join('\n')
  const isolation = table(
    ['isolation design', 'hosts', 'round trips/s', 'p50', 'p99'],
    designs.map((d) => [
      d.design,
      String(d.threadsOrProcesses || 'main thread'),
      d.roundTripsPerSec.toFixed(0),
      `${d.p50Us.toFixed(0)} µs`,
      `${d.p99Us.toFixed(0)} µs`,
    ]),
  )
  return `${body}\n\nTargets (albkit dev in its default mode, /hello):\n${targets}\n\nWhat isolation itself costs (no HTTP, no routing: a serialised event to one of 10 isolated instances of the same handler and the result back, 10 in flight):\n\n${isolation}`
}
