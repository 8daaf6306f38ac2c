/**
 * (c) Cold start per app: a fresh Node process imports the bundle and answers its first event;
 * the same script without the import is the baseline. All variants run interleaved in a new
 * random order each round; the median over the rounds minus the baseline's median is reported.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { type BundleFacts, bundleFacts } from './bundle-facts.js'
import { coldVariants } from './variants.js'

const CHILD = fileURLToPath(new URL('../../fixtures/cold/first-event.mjs', import.meta.url))

export interface ColdRow extends BundleFacts {
  name: string
  kind: 'app' | 'reference'
  rounds: number
  medianMs: number
  addedMs: number
  p90AddedMs: number
  status: number
  target?: { addedMs: number; gzipBytes?: number }
  met?: boolean
}

function runOnce(
  bundle: string,
  event: string,
  env: Record<string, string>,
): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint()
    const child = spawn(process.execPath, [CHILD, bundle, event], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
    })
    child.once('error', reject)
    child.once('close', () => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      const last = out.trim().split('\n').at(-1) ?? ''
      resolve({ ms, status: Number(last) })
    })
  })
}

const median = (xs: number[]) => quantile(xs, 0.5)
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0
}

function shuffle<T>(xs: T[]): T[] {
  const a = [...xs]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[a[i], a[j]] = [a[j] as T, a[i] as T]
  }
  return a
}

export async function runCold(quick: boolean, log: (s: string) => void): Promise<ColdRow[]> {
  const variants = await coldVariants(log)
  const rounds = quick ? 8 : 40
  const baseline = { name: 'baseline', bundle: 'none', event: '{}', env: {} }
  const times = new Map<string, number[]>()
  const statuses = new Map<string, number>()
  for (const v of [baseline, ...variants]) await runOnce(v.bundle, v.event, v.env) // warm the file cache
  for (let round = 0; round < rounds; round++) {
    for (const v of shuffle([baseline, ...variants])) {
      const { ms, status } = await runOnce(v.bundle, v.event, v.env)
      times.set(v.name, [...(times.get(v.name) ?? []), ms])
      statuses.set(v.name, status)
    }
  }
  const base = times.get('baseline') ?? []
  const baseMedian = median(base)
  log(`  bare Node start (baseline): median ${baseMedian.toFixed(1)} ms over ${rounds} rounds`)
  return variants.map((v) => {
    const ts = times.get(v.name) ?? []
    const addedMs = median(ts) - baseMedian
    const row: ColdRow = {
      name: v.name,
      kind: v.kind,
      rounds,
      medianMs: median(ts),
      addedMs,
      p90AddedMs: quantile(ts, 0.9) - baseMedian,
      status: statuses.get(v.name) ?? 0,
      ...bundleFacts(v.bundle),
      ...(v.target ? { target: v.target } : {}),
    }
    if (v.target) {
      row.met =
        addedMs <= v.target.addedMs &&
        (v.target.gzipBytes === undefined || row.gzipBytes <= v.target.gzipBytes) &&
        row.status === v.expectStatus
    }
    log(
      `  ${v.name.padEnd(44)} +${addedMs.toFixed(1)} ms  ${(row.gzipBytes / 1024).toFixed(1)} KB gzip  status ${row.status}`,
    )
    return row
  })
}
