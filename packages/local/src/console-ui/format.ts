/** Small display helpers. Pure. */

/** `14:03:07.123` in the browser's time zone. */
export function clock(epochMs: number): string {
  const d = new Date(epochMs)
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

/** `12 ms`, `0.4 ms`, `-` */
export function ms(value: number | undefined): string {
  if (value === undefined) return '-'
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`
}

/** `532 B`, `12.3 KB` */
export function bytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`
}
