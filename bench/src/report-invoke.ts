/** Tables and target verdicts of (a), cost per invocation. */
import { bytes, duration, ratio, table, verdict } from './format.js'
import type { EventName } from './invoke/events.js'
import type { InvokeRow } from './invoke/run-invoke.js'

const ALBKIT = 'albkit (core + middy)'
const BARE = 'bare handler (floor)'

function flag(r: InvokeRow): string {
  if (r.wrong.length > 0) return `❌ WRONG: ${r.wrong.join('; ')}`
  if (r.contract.length > 0) return `⚠️ ${r.contract.join('; ')}`
  return '✅'
}

/**
 * Target verdicts use medians: on a shared 2-core machine a handful of multi-millisecond
 * preemptions (visible in the p99 column) move a mean by more than the gaps being judged.
 * The means are shown next to them.
 */
export function invokeTargets(rows: InvokeRow[]): Array<{ target: string; met: boolean }> {
  const pick = (event: EventName, peer: string) =>
    rows.find((r) => r.event === event && r.peer === peer)
  const out: Array<{ target: string; met: boolean }> = []
  for (const event of ['small-get', 'multi-value'] as const) {
    const a = pick(event, ALBKIT)
    const b = pick(event, BARE)
    if (!a || !b) continue
    const gap = a.p50Ns - b.p50Ns
    out.push({
      target: `${event}: albkit within 2 µs of the bare handler (median ${duration(gap)} over; mean ${duration(a.meanNs - b.meanNs)})`,
      met: gap <= 2_000,
    })
    const peers = rows.filter(
      (r) => r.event === event && !r.peer.startsWith('albkit') && r.peer !== BARE,
    )
    const closest = Math.min(...peers.map((p) => p.p50Ns / a.p50Ns))
    const closestMean = Math.min(...peers.map((p) => p.meanNs / a.meanNs))
    out.push({
      target: `${event}: every peer ≥ 10× slower than albkit (closest: ${ratio(closest)} by median, ${ratio(closestMean)} by mean)`,
      met: closest >= 10,
    })
  }
  for (const event of ['post-10kb-json', 'binary-500kb'] as const) {
    const a = pick(event, ALBKIT)
    const b = pick(event, BARE)
    if (!a || !b) continue
    const byMedian = a.p50Ns / b.p50Ns
    out.push({
      target: `${event}: albkit within 10 % of the bare handler (${ratio(byMedian)} by median, ${ratio(a.vsBare)} by mean)`,
      met: byMedian <= 1.1,
    })
  }
  for (const r of rows.filter(
    (x) => x.peer === ALBKIT && (x.wrong.length > 0 || x.contract.length > 0),
  ))
    out.push({ target: `${r.event}: albkit's result correct`, met: false })
  return out
}

export function invokeTables(rows: InvokeRow[]): string {
  const events = [...new Set(rows.map((r) => r.event))]
  const peers = [...new Set(rows.map((r) => r.peer))]
  const summary = table(
    ['peer', ...events.map((e) => `${e} mean (× floor)`)],
    peers.map((p) => [
      p,
      ...events.map((e) => {
        const r = rows.find((x) => x.event === e && x.peer === p)
        if (!r) return '–'
        const mark = r.wrong.length > 0 ? ' ❌' : r.contract.length > 0 ? ' ⚠️' : ''
        return `${duration(r.meanNs)} (${ratio(r.vsBare)})${mark}`
      }),
    ]),
  )
  const detail = table(
    ['event', 'peer', 'mean', 'p50', 'p99', 'alloc/op', '× floor', 'result'],
    rows.map((r) => [
      r.event,
      r.peer,
      duration(r.meanNs),
      duration(r.p50Ns),
      duration(r.p99Ns),
      bytes(r.bytesPerOp),
      ratio(r.vsBare),
      flag(r),
    ]),
  )
  const targets = invokeTargets(rows)
    .map((t) => `- ${verdict(t.met, t.target)}`)
    .join('\n')
  return `${summary}\n\n❌ = wrong result (a client gets corrupted data or loses headers), ⚠️ = rejected by the ALB result contract (validateResult), see the detail table.\n\n${detail}\n\nTargets:\n${targets}`
}
