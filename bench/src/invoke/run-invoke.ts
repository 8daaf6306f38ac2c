/**
 * (a) Cost per invocation: every peer, every event, one process. Each peer's answer is checked
 * before it is timed; mitata times single calls (no batching, so p99 is per call) with a fresh
 * event per call built outside the timed region; allocation is measured separately.
 */
import { measure } from 'mitata'
import { allocatedBytesPerCall } from './allocated-bytes.js'
import { checkResult, type Verdict } from './check-result.js'
import { EVENT_NAMES, type EventName, eventJson, lambdaContext } from './events.js'
import { peers } from './peers.js'

export interface InvokeRow extends Verdict {
  event: EventName
  peer: string
  meanNs: number
  p50Ns: number
  p99Ns: number
  bytesPerOp: number
  /** mean / the bare handler's mean on the same event */
  vsBare: number
}

export async function runInvoke(quick: boolean, log: (s: string) => void): Promise<InvokeRow[]> {
  const rows: InvokeRow[] = []
  const all = peers()
  for (const event of EVENT_NAMES) {
    const json = eventJson(event)
    for (const peer of all) {
      const verdict = checkResult(event, await peer.handler(JSON.parse(json), lambdaContext))
      const call = (e: unknown) => peer.handler(e as never, lambdaContext)
      const stats = await measure(
        function* () {
          yield { 0: () => JSON.parse(json), bench: call }
        },
        { batch_threshold: 0, min_cpu_time: quick ? 60e6 : 500e6, min_samples: quick ? 20 : 100 },
      )
      const n = Math.min(4000, Math.max(30, Math.round((quick ? 40e6 : 200e6) / stats.avg)))
      const inputs = Array.from({ length: n }, () => JSON.parse(json))
      const bytesPerOp = await allocatedBytesPerCall(call, inputs)
      rows.push({
        event,
        peer: peer.name,
        meanNs: stats.avg,
        p50Ns: stats.p50,
        p99Ns: stats.p99,
        bytesPerOp,
        vsBare: 0,
        ...verdict,
      })
      log(`  ${event.padEnd(15)} ${peer.name.padEnd(32)} ${(stats.avg / 1000).toFixed(2)} µs`)
    }
  }
  for (const row of rows) {
    const floor = rows.find((r) => r.event === row.event && r.peer === all[0]?.name)
    row.vsBare = floor ? row.meanNs / floor.meanNs : 0
  }
  return rows
}
