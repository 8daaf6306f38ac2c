/**
 * `pnpm bench [--quick] [--only=invoke,load,cold,memory]`: runs the four benchmarks, prints
 * their tables and writes results/latest.json + results/latest.md (--quick: results/quick.*).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { runCold } from './cold/run-cold.js'
import { runInvoke } from './invoke/run-invoke.js'
import { runLoad } from './load/run-load.js'
import { machine } from './machine.js'
import { runMemory } from './memory/run-memory.js'
import { coldTables, memoryTables } from './report-cold.js'
import { invokeTables } from './report-invoke.js'
import { loadTables } from './report-load.js'
import { summary } from './report-summary.js'
import { versions } from './versions.js'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
const wanted = (name: string) => only === undefined || only.includes(name)
const log = (s: string) => process.stdout.write(`${s}\n`)

if (args.includes('--render')) {
  // re-render the tables of an earlier run (results/latest.json, or quick.json with --quick)
  const { renderSaved } = await import('./render-saved.js')
  renderSaved(quick)
  process.exit(0)
}

const started = Date.now()
const info = machine()
log(
  `albkit bench${quick ? ' (quick)' : ''}: ${info.cpu} × ${info.cores}, Node ${info.node}, load average ${info.loadAverage.start.toFixed(2)}`,
)
const results: Record<string, unknown> = { machine: info, versions: versions(), quick }
const sections: string[] = []

async function section<T>(
  key: string,
  title: string,
  run: () => Promise<T>,
  render: (r: T) => string,
) {
  if (!wanted(key)) return
  log(`\n## ${title}`)
  const t0 = Date.now()
  const rows = await run()
  results[key] = { seconds: (Date.now() - t0) / 1000, rows }
  const text = `## ${title}\n\n${render(rows)}`
  sections.push(text)
  log(`\n${render(rows)}`)
}

await section('invoke', '(a) Cost per invocation', () => runInvoke(quick, log), invokeTables)
await section(
  'load',
  '(b) The local load balancer under load',
  () => runLoad(quick, log),
  loadTables,
)
await section('cold', '(c) Cold start per app', () => runCold(quick, log), coldTables)
await section('memory', '(d) Memory', () => runMemory(quick, log), memoryTables)

info.loadAverage.end = loadavg()[0] ?? 0
results.seconds = (Date.now() - started) / 1000
const dir = fileURLToPath(new URL('../results/', import.meta.url))
mkdirSync(dir, { recursive: true })
const base = quick ? 'quick' : 'latest'
const header = `Run ${info.date} on ${info.cpu} × ${info.cores} cores, Node ${info.node}${quick ? ', --quick' : ''}; load average ${info.loadAverage.start.toFixed(2)} → ${info.loadAverage.end.toFixed(2)}; ${(results.seconds as number).toFixed(0)} s.`
writeFileSync(`${dir}${base}.json`, `${JSON.stringify(results, null, 2)}\n`)
const peerList = Object.entries(results.versions as Record<string, string>)
  .map(([name, version]) => `${name} ${version}`)
  .join(', ')
writeFileSync(
  `${dir}${base}.md`,
  `${header}\n\nVersions: ${peerList}.\n\n${sections.join('\n\n')}\n`,
)
writeFileSync(
  `${dir}${base}-summary.md`,
  summary(results as unknown as Parameters<typeof summary>[0]),
)
log(`\n${header}\nwritten: bench/results/${base}.json, ${base}.md, ${base}-summary.md`)
