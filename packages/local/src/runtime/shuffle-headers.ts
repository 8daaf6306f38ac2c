/**
 * The real ALB may change the order of response headers and of the values of a multi-value
 * header on the way to the client (ELB user guide, "Lambda functions as targets": "the load
 * balancer might not preserve the order"; serverless-http issue #244). `--shuffle-headers`
 * reorders them so an app that depends on their order fails locally first.
 */

/**
 * A new list with the same header lines in a random order (Fisher–Yates): both the order of
 * names and the order of one name's values change.
 * @example
 * shuffleHeaders([['A', '1'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']], Math.random)
 */
export function shuffleHeaders(
  headers: ReadonlyArray<[string, string]>,
  random: () => number,
): Array<[string, string]> {
  const out = [...headers]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = out[i] as [string, string]
    out[i] = out[j] as [string, string]
    out[j] = t
  }
  return out
}
