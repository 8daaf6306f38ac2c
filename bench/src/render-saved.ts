/** `pnpm bench --render [--quick]`: rewrite the .md files of a saved run from its .json. */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ColdRow } from './cold/run-cold.js'
import type { InvokeRow } from './invoke/run-invoke.js'
import type { LoadResult } from './load/run-load.js'
import type { Machine } from './machine.js'
import type { MemoryRow } from './memory/run-memory.js'
import { coldTables, memoryTables } from './report-cold.js'
import { invokeTables } from './report-invoke.js'
import { loadTables } from './report-load.js'
import { summary } from './report-summary.js'

interface Saved {
  machine: Machine
  versions: Record<string, string>
  quick: boolean
  seconds: number
  invoke?: { rows: InvokeRow[] }
  load?: { rows: LoadResult }
  cold?: { rows: ColdRow[] }
  memory?: { rows: MemoryRow[] }
}

export function renderSaved(quick: boolean): void {
  const dir = fileURLToPath(new URL('../results/', import.meta.url))
  const base = quick ? 'quick' : 'latest'
  const saved = JSON.parse(readFileSync(`${dir}${base}.json`, 'utf8')) as Saved
  const m = saved.machine
  const sections: string[] = []
  if (saved.invoke)
    sections.push(`## (a) Cost per invocation\n\n${invokeTables(saved.invoke.rows)}`)
  if (saved.load)
    sections.push(`## (b) The local load balancer under load\n\n${loadTables(saved.load.rows)}`)
  if (saved.cold) sections.push(`## (c) Cold start per app\n\n${coldTables(saved.cold.rows)}`)
  if (saved.memory) sections.push(`## (d) Memory\n\n${memoryTables(saved.memory.rows)}`)
  const header = `Run ${m.date} on ${m.cpu} × ${m.cores} cores, Node ${m.node}${saved.quick ? ', --quick' : ''}; load average ${m.loadAverage.start.toFixed(2)} → ${(m.loadAverage.end ?? 0).toFixed(2)}; ${saved.seconds.toFixed(0)} s.`
  const versions = Object.entries(saved.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ')
  writeFileSync(
    `${dir}${base}.md`,
    `${header}\n\nVersions: ${versions}.\n\n${sections.join('\n\n')}\n`,
  )
  writeFileSync(`${dir}${base}-summary.md`, summary(saved))
  process.stdout.write(
    `rendered bench/results/${base}.md and ${base}-summary.md from ${base}.json\n`,
  )
}
