// What the client gets for each kind of function result (contract §3 and §4).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { send } from '@albkit/core/testing'
import type { LocalAlb } from '../start.js'
import { accessLogLines, startFixture } from './test-support.js'

let alb: LocalAlb
before(async () => {
  alb = await startFixture([
    { paths: ['/malformed'], handler: 'malformed' },
    { paths: ['/big'], handler: 'big' },
    { paths: ['/almost-big'], handler: 'almostBig' },
    { paths: ['/throws'], handler: 'throws' },
    { paths: ['/binary'], handler: 'binary' },
    { paths: ['/cookies'], handler: 'cookies' },
    { paths: ['/multi/cookies'], handler: 'cookies', multi: true },
    { paths: ['/odd'], handler: 'oddStatus' },
    { paths: ['/callback'], handler: 'callbackEcho' },
    { paths: ['/tolerated'], handler: 'tolerated' },
    { paths: ['/multi/tolerated'], handler: 'tolerated', multi: true },
    { paths: ['/connection'], handler: 'connectionHeader' },
  ])
})
after(() => alb.close())

function assertAlb502(res: {
  status: number
  headers: Record<string, unknown>
  body: Buffer
}): void {
  assert.equal(res.status, 502)
  assert.equal(res.headers.server, 'awselb/2.0')
  assert.equal(
    res.body.toString().trim(),
    '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
  )
}

describe('malformed results → 502 LambdaInvalidResponse', () => {
  for (const which of [
    'undefined',
    'string',
    'nostatus',
    'stringstatus',
    'numberheader',
    'crlf',
    'badname',
    'bodyobject',
  ]) {
    test(which, async () => {
      const res = await send(`${alb.url}/malformed?case=${which}`)
      assertAlb502(res)
      assert.equal(res.headers['set-cookie'], undefined)
      const lines = await accessLogLines(alb)
      assert.match(lines.at(-1) ?? '', /"LambdaInvalidResponse"/)
    })
  }
  test('a well-formed result from the same function is fine', async () => {
    const res = await send(`${alb.url}/malformed?case=ok`)
    assert.equal(res.status, 200)
    assert.equal(res.body.toString(), 'x')
  })
})

test('all response headers over 32 KB → 502', async () => {
  assertAlb502(await send(`${alb.url}/malformed?case=bigheaders`))
})

test('a result over 1 MB → 502 LambdaResponseTooLarge; just under passes', async () => {
  assertAlb502(await send(`${alb.url}/big`))
  assert.match((await accessLogLines(alb)).at(-1) ?? '', /"LambdaResponseTooLarge"/)
  const ok = await send(`${alb.url}/almost-big`)
  assert.equal(ok.status, 200)
  assert.equal(ok.body.length, 990_000)
})

test('a thrown error → 502 LambdaUnhandled without the error text', async () => {
  const res = await send(`${alb.url}/throws`)
  assertAlb502(res)
  assert.doesNotMatch(res.body.toString(), /secret/)
  assert.match((await accessLogLines(alb)).at(-1) ?? '', /"LambdaUnhandled"/)
})

test('isBase64Encoded bodies are decoded to the exact bytes', async () => {
  const res = await send(`${alb.url}/binary`)
  assert.equal(res.status, 200)
  assert.equal(res.headers['content-type'], 'image/png')
  assert.deepEqual(
    [...res.body],
    Array.from({ length: 256 }, (_, i) => i),
  )
  assert.equal(res.headers['content-length'], '256')
})

test('multi-value mode: both Set-Cookie headers arrive intact, hop-by-hop headers dropped', async () => {
  const res = await send(`${alb.url}/multi/cookies`)
  assert.deepEqual(res.headers['set-cookie'], [
    'a=1; Path=/',
    'b=2; Expires=Thu, 01 Jan 2037 00:00:00 GMT',
  ])
  assert.equal(res.headers['transfer-encoding'], undefined)
  assert.equal(res.headers['content-length'], '7')
})

test('single-value mode: one Set-Cookie; Content-Length computed by the balancer, not the function', async () => {
  const res = await send(`${alb.url}/cookies`)
  assert.equal(res.status, 200)
  assert.deepEqual(res.headers['set-cookie'], ['a=1; Path=/'])
  assert.equal(res.headers['content-length'], '7')
  assert.equal(res.body.toString(), 'cookies')
  assert.notEqual(res.headers['keep-alive'], 'timeout=1')
})

test("the wire's reason phrase is the one of the function's statusDescription", async () => {
  const { request } = await import('node:http')
  const message = await new Promise<string | undefined>((resolve, reject) => {
    request(`${alb.url}/odd`, { agent: false }, (res) => {
      res.resume()
      resolve(res.statusMessage)
    })
      .on('error', reject)
      .end()
  })
  assert.equal(message, 'Teapot!!')
})

test('callback-style handlers work', async () => {
  const res = await send(`${alb.url}/callback`)
  assert.equal(res.status, 200)
  assert.equal(JSON.parse(res.body.toString()).event.path, '/callback')
})

describe('tolerated shapes are answered as the real ALB answers them', () => {
  test('`{ statusCode: 201 }` alone → 201 Created, empty body (awsdocs elb guide #33)', async () => {
    for (const prefix of ['', '/multi']) {
      const res = await send(`${alb.url}${prefix}/tolerated?case=bare`)
      assert.equal(res.status, 201)
      assert.equal(res.body.length, 0)
      assert.equal(res.headers['content-length'], '0')
    }
  })
  test('both header fields → the one of the mode (aws-lambda-go-api-proxy #79)', async () => {
    assert.equal((await send(`${alb.url}/tolerated?case=both`)).headers['x-mode'], 'single')
    assert.equal((await send(`${alb.url}/multi/tolerated?case=both`)).headers['x-mode'], 'multi')
  })
  test('only the field of the other mode → 200 without those headers, not 502', async () => {
    const single = await send(`${alb.url}/tolerated?case=multi-only`)
    assert.equal(single.status, 200)
    assert.equal(single.body.toString(), 'multi-only')
    assert.equal(single.headers['x-multi'], undefined)
    const multi = await send(`${alb.url}/multi/tolerated?case=single-only`)
    assert.equal(multi.status, 200)
    assert.equal(multi.headers['x-single'], undefined)
  })
  for (const which of ['null-body', 'null-headers', 'null-description'])
    test(`${which} is still a 502 LambdaInvalidResponse`, async () => {
      for (const prefix of ['', '/multi']) {
        assertAlb502(await send(`${alb.url}${prefix}/tolerated?case=${which}`))
        assert.match((await accessLogLines(alb)).at(-1) ?? '', /"LambdaInvalidResponse"/)
      }
    })
})

test("the event carries the client's `connection` header, like AWS's example event", async () => {
  const res = await send(`${alb.url}/connection`, { headers: { connection: 'keep-alive' } })
  assert.equal(res.body.toString(), 'keep-alive')
})
