/** A value with the time it was produced and whether this caller got a reused copy. */
export interface Cached<T> {
  value: T
  /** `now()` when the run finished. */
  completedAt: number
  fromCache: boolean
}

/**
 * Wraps `run` so its result is reused for `ttlMs` after it finishes, and so callers that arrive
 * while a run is in flight wait for that run instead of starting another. A rejected run is not
 * kept. Each health check is a billed invocation that would otherwise call every dependency.
 *
 * @example
 * const check = cached(() => runProbes(probes, options), { ttlMs: 5000 })
 * const { value, fromCache } = await check()
 */
export function cached<T>(
  run: () => Promise<T>,
  options: { ttlMs: number; now?: () => number },
): () => Promise<Cached<T>> {
  const now = options.now ?? Date.now
  let last: { value: T; completedAt: number } | undefined
  let inFlight: Promise<{ value: T; completedAt: number }> | undefined
  return async function cachedRun() {
    if (last && now() - last.completedAt < options.ttlMs) return { ...last, fromCache: true }
    if (inFlight) return { ...(await inFlight), fromCache: true }
    inFlight = run().then((value) => {
      last = { value, completedAt: now() }
      return last
    })
    try {
      return { ...(await inFlight), fromCache: false }
    } finally {
      inFlight = undefined
    }
  }
}
