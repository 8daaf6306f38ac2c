/**
 * Keeps asking a few routes (one request at a time, round robin) while something else happens,
 * and records every status, to show the other routes keep answering throughout.
 */
export interface Asker {
  /** stop asking; resolves with the statuses seen per path (0 = no answer) */
  stop(): Promise<Record<string, number[]>>
}

/**
 * @example
 * const asker = keepAsking(alb.url, ['/ip', '/binary/logo.png'])
 * … faults …
 * const seen = await asker.stop()
 */
export function keepAsking(base: string, paths: string[], maxRequests = 20_000): Asker {
  const seen: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]))
  let stopped = false
  const loop = (async () => {
    for (let i = 0; i < maxRequests && !stopped; i++) {
      const path = paths[i % paths.length] as string
      const status = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(10_000) })
        .then(async (r) => {
          await r.arrayBuffer()
          return r.status
        })
        .catch(() => 0)
      seen[path]?.push(status)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  })()
  return {
    async stop() {
      stopped = true
      await loop
      return seen
    },
  }
}

/** Every status seen, and how many were 200. */
export function tally(seen: Record<string, number[]>): { total: number; ok: number } {
  const all = Object.values(seen).flat()
  return { total: all.length, ok: all.filter((s) => s === 200).length }
}
