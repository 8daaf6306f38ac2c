/**
 * A plain node:http keep-alive load loop, used for the 500 KB /binary runs: autocannon's
 * client is itself the bottleneck on large bodies here (≈ 56 req/s against raw node:http, where
 * this loop reaches ≈ 390). Each connection sends its next request when the last body ended.
 */
import { Agent, get } from 'node:http'

export interface LoopResult {
  requestsPerSec: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  errors: number
  non2xx: number
}

export async function httpLoop(
  url: string,
  connections: number,
  durationS: number,
): Promise<LoopResult> {
  const target = new URL(url)
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  const latencies: number[] = []
  let errors = 0
  let non2xx = 0
  const end = performance.now() + durationS * 1000
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now()
      const req = get(
        { host: target.hostname, port: target.port, path: target.pathname, agent, timeout: 10_000 },
        (res) => {
          if ((res.statusCode ?? 0) >= 300) non2xx++
          res.on('data', () => {})
          res.on('end', () => {
            latencies.push(performance.now() - t0)
            resolve()
          })
          res.on('error', () => {
            errors++
            resolve()
          })
        },
      )
      req.on('error', () => {
        errors++
        resolve()
      })
      req.on('timeout', () => req.destroy())
    })
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) await one()
    }),
  )
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const q = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0
  return {
    requestsPerSec: latencies.length / durationS,
    p50Ms: q(0.5),
    p99Ms: q(0.99),
    maxMs: latencies.at(-1) ?? 0,
    errors,
    non2xx,
  }
}
