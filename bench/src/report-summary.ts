/**
 * The short version for the main README: one table per benchmark, read from a results file.
 * `node --import tsx src/report-summary.ts [results/latest.json]` prints it; the CLI writes it to
 * results/<run>-summary.md after every run.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ColdRow } from './cold/run-cold.js'
import { bytes, duration, ms, ratio, table } from './format.js'
import type { InvokeRow } from './invoke/run-invoke.js'
import type { LoadResult } from './load/run-load.js'
import type { Machine } from './machine.js'

interface Results {
  machine: Machine
  invoke?: { rows: InvokeRow[] }
  load?: { rows: LoadResult }
  cold?: { rows: ColdRow[] }
}

function invokeSummary(rows: InvokeRow[]): string {
  const events = [...new Set(rows.map((r) => r.event))]
  const peers = [...new Set(rows.map((r) => r.peer))]
  const floor = (e: string) => rows.find((x) => x.event === e && x.peer === peers[0])?.p50Ns ?? 1
  return table(
    ['per invocation: median (× bare handler)', ...events],
    peers.map((p) => [
      p,
      ...events.map((e) => {
        const r = rows.find((x) => x.event === e && x.peer === p)
        if (!r) return '–'
        const mark = r.wrong.length > 0 ? ' ❌ wrong' : r.contract.length > 0 ? ' ⚠️' : ''
        return `${duration(r.p50Ns)} (${ratio(r.p50Ns / floor(e))})${mark}`
      }),
    ]),
  )
}

function loadSummary({ runs }: LoadResult): string {
  const servers = [...new Set(runs.map((r) => r.server))]
  const pick = (s: string, path: string, c: number) =>
    runs.find((r) => r.server === s && r.path === path && r.connections === c)
  return table(
    [
      'local load balancer',
      'req/s @1',
      'req/s @10',
      'req/s @50',
      'p99 @10',
      'max @50',
      '500 KB req/s @10',
    ],
    servers.map((s) => [
      s,
      pick(s, '/hello', 1)?.requestsPerSec.toFixed(0) ?? '–',
      pick(s, '/hello', 10)?.requestsPerSec.toFixed(0) ?? '–',
      pick(s, '/hello', 50)?.requestsPerSec.toFixed(0) ?? '–',
      ms(pick(s, '/hello', 10)?.p99Ms ?? 0),
      ms(pick(s, '/hello', 50)?.maxMs ?? 0),
      pick(s, '/binary', 10)?.requestsPerSec.toFixed(0) ?? '–',
    ]),
  )
}

function coldSummary(rows: ColdRow[]): string {
  return table(
    ['cold start (added to bare Node, median)', 'ms', 'gzip', 'target'],
    rows.map((r) => [
      r.name,
      ms(r.addedMs),
      bytes(r.gzipBytes),
      r.target ? (r.met ? '✅' : '❌') : '',
    ]),
  )
}

export function summary(results: Results): string {
  const m = results.machine
  const parts = [
    `${m.cpu} × ${m.cores} cores, Node ${m.node}, ${m.date.slice(0, 10)}, load average ${m.loadAverage.start.toFixed(1)}; \`pnpm bench\`, method in bench/README.md.`,
  ]
  if (results.invoke) parts.push(invokeSummary(results.invoke.rows))
  if (results.load) parts.push(loadSummary(results.load.rows))
  if (results.cold) parts.push(coldSummary(results.cold.rows))
  return `${parts.join('\n\n')}\n`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? fileURLToPath(new URL('../results/latest.json', import.meta.url))
  process.stdout.write(summary(JSON.parse(readFileSync(file, 'utf8')) as Results))
}
