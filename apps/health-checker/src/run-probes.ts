import { describeError, type Prober } from './probe-outcome.js'
import type { ProbeSpec, ProbeType } from './probes-config.js'

/** One line of the report. `error` is short and safe to show (see `describeError`). */
export interface ProbeResult {
  name: string
  type: ProbeType
  critical: boolean
  ok: boolean
  latencyMs: number
  error?: string
}

export interface RunProbesOptions {
  /** Nothing outlives this: every probe still running then is cut off and reported failed. */
  deadlineMs: number
  prober: Prober
  /** Monotonic milliseconds, for latencies (injectable for tests). */
  now?: () => number
}

/**
 * Runs every probe at once. Each one races its own timeout and the shared deadline
 * (`Promise.race`), and is told to stop (its `AbortSignal`) when it loses, so a dependency that
 * accepts the connection and never answers costs at most the probe's timeout. Never rejects.
 *
 * @example
 * const results = await runProbes(config.probes, { deadlineMs: 8000, prober: probeDependency })
 * results.every((r) => r.ok || !r.critical) // healthy enough for the load balancer
 */
export async function runProbes(
  probes: readonly ProbeSpec[],
  options: RunProbesOptions,
): Promise<ProbeResult[]> {
  const now = options.now ?? (() => performance.now())
  const timers: NodeJS.Timeout[] = []
  const after = <T>(ms: number, value: T) =>
    new Promise<T>((resolve) => timers.push(setTimeout(resolve, ms, value)))
  const deadline = after(options.deadlineMs, `deadline of ${options.deadlineMs} ms exceeded`)

  const runOne = async (spec: ProbeSpec): Promise<ProbeResult> => {
    const controller = new AbortController()
    const started = now()
    const attempt = Promise.resolve()
      .then(() => options.prober(spec, controller.signal))
      .then(
        (outcome) => (outcome.ok ? undefined : outcome.error),
        (error: unknown) => describeError(error),
      )
    const error = await Promise.race([
      attempt,
      after(spec.timeoutMs, `timed out after ${spec.timeoutMs} ms`),
      deadline,
    ])
    controller.abort() // the losers of the race stop their I/O now
    const latencyMs = Math.max(0, Math.round(now() - started))
    const base = { name: spec.name, type: spec.type, critical: spec.critical, latencyMs }
    return error === undefined ? { ...base, ok: true } : { ...base, ok: false, error }
  }

  try {
    return await Promise.all(probes.map(runOne))
  } finally {
    for (const timer of timers) clearTimeout(timer)
  }
}
