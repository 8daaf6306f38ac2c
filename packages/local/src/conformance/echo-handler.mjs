// The conformance suite's echo function (plain JS, so any emulator can load it as is).
// It answers with `{ event }` as JSON in the header shape of the event it received. A request
// header `x-conformance-result` (base64 of a JSON result document) makes it return that document
// instead, for the response-side checks; `bodyRepeat: n` in it means a body of n "a" characters,
// and the value `throw` makes it throw.
export const echo = async (event) => {
  const script =
    event.headers?.['x-conformance-result'] ??
    event.multiValueHeaders?.['x-conformance-result']?.at(-1)
  if (script === 'throw') throw new Error('conformance: thrown on request')
  if (script !== undefined) {
    const result = JSON.parse(Buffer.from(script, 'base64').toString('utf8'))
    if (typeof result.bodyRepeat === 'number') {
      result.body = 'a'.repeat(result.bodyRepeat)
      delete result.bodyRepeat
    }
    return result
  }
  const result = {
    statusCode: 200,
    statusDescription: '200 OK',
    isBase64Encoded: false,
    body: JSON.stringify({ event }),
  }
  // Canonical `Content-Type`: serverless-offline crashes on a lower-case one.
  if (event.multiValueHeaders) result.multiValueHeaders = { 'Content-Type': ['application/json'] }
  else result.headers = { 'Content-Type': 'application/json' }
  return result
}
