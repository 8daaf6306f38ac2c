/**
 * The figures the suites print, one recognisable line each (`[e2e] <topic> k=v …`), so CI logs
 * and the README's "Reliability" section can quote them.
 */
export function figure(topic: string, values: Record<string, string | number>): string {
  const line = `[e2e] ${topic} ${Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`
  console.log(line)
  return line
}

/** Resident set size of this process in MB (the balancer runs in-process). */
export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024)
}

/** A small deterministic PRNG (mulberry32) so a failing run can be repeated with its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Run `tasks` with at most `limit` in flight; resolves when all have settled. */
export async function pool<T>(
  count: number,
  limit: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count)
  let next = 0
  const lane = async () => {
    while (next < count) {
      const index = next++
      results[index] = await task(index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane))
  return results
}
