// Every issue's code, field and sentence, exactly: what a person reads on the console.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fixtures } from './testing/index.js'
import { validateResult } from './validate.js'

const ok = { ...fixtures.exampleResult, headers: { 'Content-Type': 'text/plain' }, body: 'x' }
const okMulti = { ...ok, headers: undefined, multiValueHeaders: { A: ['1'] } }
const R502 = 'the ALB answers 502'

const cases: Array<[string, unknown, 'single' | 'multi', string[]]> = [
  [
    'null',
    null,
    'single',
    [
      `result-not-object||the result is \`null\`: ${R502} — return an object with at least \`statusCode\``,
    ],
  ],
  [
    'array',
    [1],
    'single',
    [
      `result-not-object||the result is an array: ${R502} — return an object with at least \`statusCode\``,
    ],
  ],
  [
    'long string, cut at 60',
    'x'.repeat(61),
    'single',
    [
      `result-not-object||the result is "${'x'.repeat(60)}…": ${R502} — return an object with at least \`statusCode\``,
    ],
  ],
  [
    'short string, whole',
    'x'.repeat(60),
    'single',
    [
      `result-not-object||the result is "${'x'.repeat(60)}": ${R502} — return an object with at least \`statusCode\``,
    ],
  ],
  [
    'number',
    5,
    'single',
    [
      `result-not-object||the result is number 5: ${R502} — return an object with at least \`statusCode\``,
    ],
  ],
  [
    'bigint',
    { ...ok, n: 1n },
    'single',
    [
      'result-not-serialisable||the result is not JSON (Do not know how to serialize a BigInt): the Lambda runtime cannot send it as JSON, so the ALB answers 502',
    ],
  ],
  [
    'string code',
    { ...ok, statusCode: '200' },
    'single',
    [
      `status-code-not-integer|statusCode|\`statusCode\` is "200": ${R502} — \`statusCode\` must be an integer from 100 to 599`,
    ],
  ],
  [
    'null description',
    { ...ok, statusDescription: null },
    'single',
    [
      `status-description-null|statusDescription|\`statusDescription\` is \`null\`: ${R502} — send "<code> <reason>" or omit it`,
    ],
  ],
  [
    'object description',
    { ...ok, statusDescription: {} },
    'single',
    [
      `status-description-not-string|statusDescription|\`statusDescription\` is an object: ${R502} — send a string "<code> <reason>" or omit it`,
    ],
  ],
  [
    'no code in description',
    { ...ok, statusDescription: 'OK' },
    'single',
    [
      'status-description-malformed|statusDescription|`statusDescription` is "OK": the ALB expects "<code> <reason>": the status code, one space, a reason phrase',
    ],
  ],
  [
    'other code',
    { ...ok, statusDescription: '404 Not Found' },
    'single',
    [
      'status-description-mismatch|statusDescription|`statusDescription` "404 Not Found" does not match `statusCode` number 200: the ALB expects the code in `statusDescription` to be `statusCode`',
    ],
  ],
  [
    'LF in description',
    { ...ok, statusDescription: '200 O\nK' },
    'single',
    [
      'status-description-control-chars|statusDescription|`statusDescription` has CR, LF or NUL: CR, LF and NUL can never go on a status line',
    ],
  ],
  [
    'string base64 flag',
    { ...ok, isBase64Encoded: 'yes' },
    'single',
    [
      `is-base64-encoded-not-boolean|isBase64Encoded|\`isBase64Encoded\` is "yes": ${R502} — send \`true\` or \`false\`, or omit it`,
    ],
  ],
  [
    'null headers',
    { ...ok, headers: null },
    'single',
    [`headers-null|headers|\`headers\` is \`null\`: ${R502} — send an object or omit the field`],
  ],
  [
    'array headers',
    { ...ok, headers: [] },
    'single',
    [
      `headers-not-object|headers|\`headers\` is an array: ${R502} — header fields are objects of names to values`,
    ],
  ],
  [
    'bad name',
    { ...ok, headers: { 'a b': 'x' } },
    'single',
    [
      'header-name-invalid|headers.a b|header name "a b": a header name is an RFC 9110 token (no spaces, CR, LF or NUL)',
    ],
  ],
  [
    'boolean value',
    { ...ok, headers: { A: true } },
    'single',
    [
      `header-value-not-string|headers.A|a value of \`headers.A\` is boolean true: ${R502} — header values must be strings`,
    ],
  ],
  [
    'multi value not a list',
    { ...okMulti, multiValueHeaders: { A: 'x' } },
    'multi',
    [
      `multi-value-header-not-array|multiValueHeaders.A|\`multiValueHeaders.A\` is "x": ${R502} — in multi-value mode each header is an array of strings`,
    ],
  ],
  [
    'CRLF value',
    { ...ok, headers: { A: 'a\r\n' } },
    'single',
    [
      'header-value-control-chars|headers.A|`headers.A` has CR, LF or NUL: CR, LF and NUL in a header value would split the response; it is never sent',
    ],
  ],
  [
    '40 KB of headers',
    { ...ok, headers: { A: 'x'.repeat(40000) } },
    'single',
    [
      `headers-too-large|headers|the response headers take 40005 bytes, over 32768: ${R502} when all response headers exceed 32 KB`,
    ],
  ],
  [
    'null body',
    { ...ok, body: null },
    'single',
    [`body-null|body|\`body\` is \`null\`: ${R502} — send a string or omit it`],
  ],
  [
    'object body',
    { ...ok, body: {} },
    'single',
    [
      `body-not-string|body|\`body\` is an object: ${R502} — \`body\` is a string (base64 for binary)`,
    ],
  ],
  [
    'not base64',
    { ...ok, isBase64Encoded: true, body: '!' },
    'single',
    [
      `body-not-base64|body|\`isBase64Encoded\` is true but \`body\` is not base64: ${R502} — with \`isBase64Encoded: true\` the body must be base64`,
    ],
  ],
  [
    '1 MB body',
    { ...ok, body: 'x'.repeat(1_000_000) },
    'single',
    [
      `document-too-large||the result is 1000121 bytes as JSON, over 1000000: ${R502} (LambdaResponseTooLarge) above 1 MB`,
    ],
  ],
  [
    'statusCode alone',
    { statusCode: 200 },
    'multi',
    [
      'status-description-missing|statusDescription|`statusDescription` is missing: the ALB answers with the standard reason phrase — the page says it is required',
      'headers-missing|multiValueHeaders|`multiValueHeaders` is missing: the ALB answers without headers — the page says they are required',
      'is-base64-encoded-missing|isBase64Encoded|`isBase64Encoded` is missing: the ALB takes the body as text — the page says it is required',
    ],
  ],
  [
    'both fields',
    { ...ok, multiValueHeaders: {} },
    'single',
    [
      'both-header-fields|multiValueHeaders|both `headers` and `multiValueHeaders` are present: the ALB reads only the field that matches the target group mode and ignores the other',
    ],
  ],
  [
    'other mode only',
    okMulti,
    'single',
    [
      'headers-wrong-mode|multiValueHeaders|`multiValueHeaders` is sent to a single-value target group, which reads `headers`: the ALB ignores this field in this mode: the response goes out without these headers',
    ],
  ],
]

for (const [name, result, mode, expected] of cases)
  test(`${name}: code, field and sentence`, () => {
    const { errors, warnings } = validateResult(result, mode)
    assert.deepEqual(
      [...errors, ...warnings].map((i) => `${i.code}|${i.field}|${i.message}`),
      expected,
    )
  })

test('a base64 flag without a body is a missing body, not a crash', () => {
  const check = validateResult({ statusCode: 200, isBase64Encoded: true, headers: {} }, 'single')
  assert.deepEqual(check.errors, [])
  assert.deepEqual(
    check.warnings.map((w) => w.code),
    ['status-description-missing'],
  )
})
