// Throughput of the local load balancer against a raw node:http server, alternating rounds so
// both see the same machine load: `node scripts/bench.mjs [seconds] [rounds] [modes]` (after a
// build); modes: comma-separated isolation modes to measure, default `thread` (e.g. `thread,shared`).
import { spawn } from 'node:child_process'
import autocannon from 'autocannon'

const seconds = Number(process.argv[2] ?? 5)
const rounds = Number(process.argv[3] ?? 3)
const modes = (process.argv[4] ?? 'thread').split(',')
const kinds = ['raw', ...modes.map((m) => `albkit-${m}`)]

async function serve(kind) {
  const child = spawn(
    process.execPath,
    [new URL('./bench-server.mjs', import.meta.url).pathname, ...kind.split('-')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const url = await new Promise((resolve) =>
    child.stdout.once('data', (d) => resolve(String(d).trim())),
  )
  return { url, stop: () => new Promise((r) => child.once('exit', r).kill('SIGTERM')) }
}

async function measure(kind) {
  const server = await serve(kind)
  await autocannon({ url: server.url, connections: 10, duration: 1 }) // warm-up (instances, JIT)
  const r = await autocannon({ url: server.url, connections: 10, duration: seconds })
  await server.stop()
  return {
    kind,
    rps: Math.round(r.requests.average),
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  }
}

const results = []
for (let i = 0; i < rounds; i++) for (const kind of kinds) results.push(await measure(kind))
for (const r of results)
  console.log(
    `${r.kind.padEnd(14)} ${String(r.rps).padStart(7)} req/s  p99 ${r.p99} ms  errors ${r.errors}`,
  )
const avg = (k) => results.filter((r) => r.kind === k).reduce((s, r) => s + r.rps, 0) / rounds
// per round as well: the machine's load moves both servers, the ratio of one round is steadier
for (const [j, kind] of kinds.entries()) {
  if (j === 0) continue
  const perRound = []
  for (let i = 0; i < rounds; i++)
    perRound.push(
      Math.round((100 * results[kinds.length * i + j].rps) / results[kinds.length * i].rps),
    )
  console.log(
    `${kind} / raw = ${((100 * avg(kind)) / avg('raw')).toFixed(0)}% (per round: ${perRound.join('%, ')}%)`,
  )
}
