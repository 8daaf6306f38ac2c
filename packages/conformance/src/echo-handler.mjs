// The conformance suite's echo function (plain JS, so any emulator can load it as is).
// It answers with `{ event, route }` as JSON in the header shape of the event it received;
// `route` is the CONFORMANCE_ROUTE environment variable, so a check can tell which listener rule
// forwarded the request. Request headers steer it:
// - `x-conformance-result`: base64 of a JSON result document to return instead (response-side
//   checks); `bodyRepeat: n` in it means a body of n "a" characters, `headerRepeat: { name: n }`
//   a header of n "a" characters (too big to send in a request header); the value `throw` throws.
// - `x-conformance-sleep: <ms>`: wait that long first (timeout and throttling checks).
// - `x-conformance-last-health-check: 1`: answer `{ lastHealthCheck }`, the last health-check
//   event (user-agent ELB-HealthChecker/2.0) this instance received, or null.
let lastHealthCheck = null

const header = (event, name) => event.headers?.[name] ?? event.multiValueHeaders?.[name]?.at(-1)

const json = (event, value) => {
  const result = {
    statusCode: 200,
    statusDescription: '200 OK',
    isBase64Encoded: false,
    body: JSON.stringify(value),
  }
  // Canonical `Content-Type`: serverless-offline crashes on a lower-case one.
  if (event.multiValueHeaders) result.multiValueHeaders = { 'Content-Type': ['application/json'] }
  else result.headers = { 'Content-Type': 'application/json' }
  return result
}

export const echo = async (event) => {
  if (header(event, 'user-agent') === 'ELB-HealthChecker/2.0') {
    lastHealthCheck = event
    return json(event, { healthy: true })
  }
  if (header(event, 'x-conformance-last-health-check') === '1') {
    return json(event, { lastHealthCheck })
  }
  const sleep = Number(header(event, 'x-conformance-sleep'))
  if (sleep > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(sleep, 30_000)))
  const script = header(event, 'x-conformance-result')
  if (script === 'throw') throw new Error('conformance: thrown on request')
  if (script !== undefined) {
    const result = JSON.parse(Buffer.from(script, 'base64').toString('utf8'))
    if (typeof result.bodyRepeat === 'number') {
      result.body = 'a'.repeat(result.bodyRepeat)
      delete result.bodyRepeat
    }
    if (result.headerRepeat) {
      result.headers ??= {}
      for (const [name, n] of Object.entries(result.headerRepeat))
        result.headers[name] = 'a'.repeat(n)
      delete result.headerRepeat
    }
    return result
  }
  return json(event, { event, route: process.env.CONFORMANCE_ROUTE })
}
