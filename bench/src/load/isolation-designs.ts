/**
 * How much does instance isolation cost per request, by design? The load balancer's own work
 * (HTTP, routing, event building) is left out: each design only carries a serialised ALB event
 * to an isolated instance of the fixture handler and the serialised result back, with 10
 * requests in flight (10 instances, one event at a time each, the Lambda model) for a fixed time.
 *   - worker thread per instance (albkit local's current design)
 *   - worker threads = cores, instances packed into them as separate module instances
 *   - child process per instance (IPC)
 *   - in-process module instances (no thread hop; module state isolated, globals shared)
 */
import { type ChildProcess, fork } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

const HOST = fileURLToPath(new URL('../../fixtures/load/transport-worker.js', import.meta.url))
const HANDLER = new URL('../../fixtures/load/handler.js', import.meta.url)

export interface DesignRow {
  design: string
  instances: number
  threadsOrProcesses: number
  roundTripsPerSec: number
  p50Us: number
  p99Us: number
}

type Send = (instance: number, id: number, event: string) => Promise<string>

const event = JSON.stringify({
  requestContext: {
    elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/b/0' },
  },
  httpMethod: 'GET',
  path: '/hello',
  queryStringParameters: {},
  headers: {
    host: '127.0.0.1',
    'user-agent': 'autocannon',
    'x-forwarded-for': '127.0.0.1',
    'x-forwarded-port': '80',
    'x-forwarded-proto': 'http',
  },
  body: '',
  isBase64Encoded: false,
})

interface Host {
  send: Send
  close(): Promise<void>
}

function messageHost(
  spawnOne: (instances: number) => Worker | ChildProcess,
  hosts: number,
  perHost: number,
): Promise<Host> {
  const pending = new Map<number, (json: string) => void>()
  const all = Array.from({ length: hosts }, () => spawnOne(perHost))
  const ready = all.map(
    (h) =>
      new Promise<void>((resolve) => {
        h.on('message', (m: { ready?: boolean; id: number; json: string }) => {
          if (m.ready) return resolve()
          pending.get(m.id)?.(m.json)
          pending.delete(m.id)
        })
      }),
  )
  return Promise.all(ready).then(() => ({
    send: (instance, id, ev) =>
      new Promise<string>((resolve) => {
        pending.set(id, resolve)
        const host = all[Math.floor(instance / perHost)]
        const message = { id, instance: instance % perHost, event: ev }
        if (host instanceof Worker) host.postMessage(message)
        else host?.send(message)
      }),
    close: async () => {
      for (const h of all) {
        if (h instanceof Worker) await h.terminate()
        else h?.kill()
      }
    },
  }))
}

async function inProcess(instances: number): Promise<Host> {
  const handlers: Array<(e: unknown, c: unknown) => Promise<unknown>> = []
  for (let i = 0; i < instances; i++) {
    const mod = (await import(`${HANDLER.href}?instance=${i}`)) as {
      handler: (e: unknown, c: unknown) => Promise<unknown>
    }
    handlers.push(mod.handler)
  }
  return {
    send: async (instance, id, ev) =>
      JSON.stringify(await handlers[instance]?.(JSON.parse(ev), { awsRequestId: String(id) })),
    close: async () => {},
  }
}

async function drive(
  host: Host,
  inFlight: number,
  ms: number,
): Promise<{ n: number; lat: number[] }> {
  const end = performance.now() + ms
  const lat: number[] = []
  let id = 0
  await Promise.all(
    Array.from({ length: inFlight }, async (_, instance) => {
      while (performance.now() < end) {
        const t0 = performance.now()
        await host.send(instance, ++id, event)
        lat.push(performance.now() - t0)
      }
    }),
  )
  return { n: lat.length, lat }
}

export async function runIsolationDesigns(
  quick: boolean,
  log: (s: string) => void,
): Promise<DesignRow[]> {
  const instances = 10
  const cores = availableParallelism()
  const designs: Array<{ design: string; hosts: number; make: () => Promise<Host> }> = [
    {
      design: 'worker thread per instance (current albkit local)',
      hosts: instances,
      make: () =>
        messageHost((n) => new Worker(HOST, { workerData: { instances: n } }), instances, 1),
    },
    {
      design: `worker threads = cores (${cores}), instances packed as module instances`,
      hosts: cores,
      make: () =>
        messageHost(
          (n) => new Worker(HOST, { workerData: { instances: n } }),
          cores,
          Math.ceil(instances / cores),
        ),
    },
    {
      design: 'child process per instance (IPC)',
      hosts: instances,
      make: () =>
        messageHost(
          (n) => fork(HOST, [JSON.stringify({ instances: n })], { stdio: 'ignore' }),
          instances,
          1,
        ),
    },
    {
      design: 'in-process module instances (no isolation of globals)',
      hosts: 0,
      make: () => inProcess(instances),
    },
  ]
  const rows: DesignRow[] = []
  const ms = quick ? 700 : 2000
  for (const d of designs) {
    const host = await d.make()
    try {
      await drive(host, instances, 300)
      const { n, lat } = await drive(host, instances, ms)
      lat.sort((a, b) => a - b)
      const q = (p: number) =>
        (lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0) * 1000
      rows.push({
        design: d.design,
        instances,
        threadsOrProcesses: d.hosts,
        roundTripsPerSec: (n * 1000) / ms,
        p50Us: q(0.5),
        p99Us: q(0.99),
      })
      log(
        `  ${d.design.padEnd(66)} ${((n * 1000) / ms).toFixed(0).padStart(7)} round trips/s, p99 ${q(0.99).toFixed(0)} µs`,
      )
    } finally {
      await host.close()
    }
  }
  return rows
}
