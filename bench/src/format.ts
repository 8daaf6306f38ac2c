/** Markdown tables and number formatting shared by every section. */

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(head), line(widths.map((w) => '-'.repeat(Math.max(3, w)))), ...rows.map(line)].join(
    '\n',
  )
}

/** Nanoseconds as a short human duration (µs for small, ms for large). */
export function duration(ns: number): string {
  if (ns < 1_000) return `${ns.toFixed(0)} ns`
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(ns < 10_000 ? 2 : 1)} µs`
  return `${(ns / 1_000_000).toFixed(2)} ms`
}

export function bytes(n: number): string {
  if (n < 1024) return `${n.toFixed(0)} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

export function ratio(x: number): string {
  return `${x < 10 ? x.toFixed(2) : x.toFixed(0)}×`
}

export function ms(x: number): string {
  return `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`
}

/** ✅ / ❌ with a short reason, for the target column of a table. */
export function verdict(met: boolean, what: string): string {
  return `${met ? '✅' : '❌'} ${what}`
}
