/**
 * (b) The local load balancer under load: each server in its own process, autocannon (in this
 * process) at 1, 10 and 50 connections on /hello, and 10 connections on the 500 KB /binary
 * (with a plain node:http client loop: see http-loop.ts).
 * Each server's answers are checked byte for byte before it is loaded; every run is preceded by
 * a short warm-up at the same concurrency (instances are started on demand).
 */
import autocannon from 'autocannon'
import { binaryBytes } from '../../fixtures/load/binary-bytes.js'
import { httpLoop, type LoopResult } from './http-loop.js'
import { type DesignRow, runIsolationDesigns } from './isolation-designs.js'
import { serverKinds } from './servers.js'

export interface LoadRow extends LoopResult {
  server: string
  path: '/hello' | '/binary'
  connections: number
  durationS: number
  correct: boolean
}

async function correct(url: string): Promise<boolean> {
  const hello = await fetch(`${url}/hello`)
  const helloOk = hello.status === 200 && (await hello.text()) === '{"hello":"world"}'
  const binary = await fetch(`${url}/binary`)
  const bytes = Buffer.from(await binary.arrayBuffer())
  return helloOk && binary.status === 200 && bytes.equals(binaryBytes())
}

/** autocannon for small answers; the plain node:http loop for the 500 KB one (see http-loop.ts). */
async function load(url: string, connections: number, durationS: number): Promise<LoopResult> {
  if (url.endsWith('/binary')) return httpLoop(url, connections, durationS)
  const r = await autocannon({ url, connections, duration: durationS, pipelining: 1, timeout: 10 })
  return {
    requestsPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  }
}

export interface LoadResult {
  runs: LoadRow[]
  designs: DesignRow[]
}

export async function runLoad(quick: boolean, log: (s: string) => void): Promise<LoadResult> {
  const rows: LoadRow[] = []
  const durationS = quick ? 1.5 : 5
  const plan: Array<{ path: '/hello' | '/binary'; connections: number }> = quick
    ? [
        { path: '/hello', connections: 10 },
        { path: '/binary', connections: 10 },
      ]
    : [
        { path: '/hello', connections: 1 },
        { path: '/hello', connections: 10 },
        { path: '/hello', connections: 50 },
        { path: '/binary', connections: 10 },
      ]
  for (const kind of serverKinds()) {
    const server = await kind.start()
    try {
      const ok = await correct(server.url)
      for (const step of plan) {
        const url = `${server.url}${step.path}`
        await load(url, step.connections, quick ? 0.5 : 1)
        const r = await load(url, step.connections, durationS)
        rows.push({
          server: kind.name,
          path: step.path,
          connections: step.connections,
          durationS,
          ...r,
          correct: ok,
        })
        log(
          `  ${kind.name.padEnd(46)} ${step.path.padEnd(8)} c=${String(step.connections).padEnd(3)} ${r.requestsPerSec.toFixed(0).padStart(7)} req/s p99 ${r.p99Ms.toFixed(1)} ms`,
        )
      }
    } finally {
      await server.close()
    }
  }
  log('  isolation designs (transport only, 10 requests in flight):')
  return { runs: rows, designs: await runIsolationDesigns(quick, log) }
}
