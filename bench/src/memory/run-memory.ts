/**
 * (d) Memory: resident memory of the local load balancer (its whole process: listener plus
 * worker-thread instances) after 1k requests and then every tenth of 100k, at 1 connection (one
 * instance) and at 10 (ten instances, each a V8 heap of its own); and of one handler
 * instance (the whats-my-ip bundle, the albkit stack) after 1k … 100k invocations in a row.
 * RSS is read after a full GC of the balancer's main thread and of the handler process, so growth
 * means live objects, not garbage. "No growth trend": the last checkpoint is within 10 % of the
 * middle one.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { albEvent } from '@albkit/core/testing'
import autocannon from 'autocannon'
import { REPO } from '../cold/variants.js'
import { serverKinds } from '../load/servers.js'

const CHILD = fileURLToPath(new URL('../../fixtures/cold/invoke-many.mjs', import.meta.url))

export interface MemoryPoint {
  count: number
  rssBytes: number
}

export interface MemoryRow {
  subject: string
  points: MemoryPoint[]
  /** last / middle checkpoint */
  growth: number
  bounded: boolean
}

/** 1k, then every tenth of the total (without repeats). */
function checkpoints(total: number): number[] {
  const tenths = Array.from({ length: 10 }, (_, i) => ((i + 1) * total) / 10)
  return [...new Set([1_000, ...tenths])].sort((a, b) => a - b)
}

function summarise(subject: string, points: MemoryPoint[]): MemoryRow {
  const mid = points[Math.floor((points.length - 1) / 2)]?.rssBytes ?? 1
  const last = points.at(-1)?.rssBytes ?? 0
  return { subject, points, growth: last / mid, bounded: last / mid <= 1.1 }
}

async function balancer(
  total: number,
  connections: number,
  log: (s: string) => void,
): Promise<MemoryRow> {
  const kind = serverKinds().find((k) => k.name.startsWith('albkit'))
  if (!kind) throw new Error('no albkit server kind')
  const server = await kind.start()
  const points: MemoryPoint[] = []
  try {
    let sent = 0
    const steps = checkpoints(total)
    for (const step of steps) {
      const r = await autocannon({
        url: `${server.url}/hello`,
        connections,
        amount: step - sent,
        timeout: 10,
      })
      if (r.errors + r.timeouts + r.non2xx > 0)
        log(`  load balancer: ${r.errors} errors, ${r.non2xx} non-2xx`)
      sent = step
      // a full collection of the balancer's main thread first (SIGUSR2, see serve-albkit.mjs);
      // the instances' own heaps are collected when V8 decides
      process.kill(server.pid, 'SIGUSR2')
      await new Promise((resolve) => setTimeout(resolve, 300))
      points.push({ count: sent, rssBytes: server.rss() })
    }
  } finally {
    await server.close()
  }
  return summarise(
    `albkit dev (load balancer + ${connections === 1 ? 'its one instance' : `${connections} instances`}), requests at ${connections} connection${connections === 1 ? '' : 's'}`,
    points,
  )
}

function handlerInstance(total: number): Promise<MemoryRow> {
  const bundle = join(REPO, 'apps/whats-my-ip/dist/index.mjs')
  const event = JSON.stringify(
    albEvent({ method: 'GET', path: '/ip', mode: 'multi', headers: { host: 'x' } }),
  )
  const marks = checkpoints(total)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', CHILD, bundle, event, marks.join(',')], {
      stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
    })
    let out = ''
    child.stdio[3]?.on('data', (c: Buffer) => {
      out += c.toString()
    })
    child.once('error', reject)
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`handler instance exited with ${code}`))
      const points = out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { invocations: number; rss: number })
        .map((p) => ({ count: p.invocations, rssBytes: p.rss }))
      resolve(summarise('one handler instance (whats-my-ip bundle), invocations', points))
    })
  })
}

export async function runMemory(quick: boolean, log: (s: string) => void): Promise<MemoryRow[]> {
  const total = quick ? 6_000 : 100_000
  const rows = [
    await balancer(total, 1, log),
    await balancer(total, 10, log),
    await handlerInstance(total),
  ]
  for (const r of rows) {
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`
    log(`  ${r.subject}: ${r.points.map((p) => `${p.count}: ${mb(p.rssBytes)}`).join(', ')}`)
  }
  return rows
}
