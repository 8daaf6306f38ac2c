// Apps written with the frameworks people bring to an ALB — hono (aws-lambda adapter), Powertools'
// HTTP router, express + serverless-express, lambda-api — bundled with @albkit/build like any
// function and served by albkit dev's start() in both header modes. Each answers as it would
// behind a real ALB: the result shapes they emit (no statusDescription, headers in the other
// mode's field, …) are answered, not 502'd, and headers in the field the target group ignores
// do not arrive (ELB user guide, "Lambda functions as targets"; aws-lambda-go-api-proxy #79).
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { bundleApp } from '@albkit/build'
import { type RawResponse, send } from '@albkit/core/testing'
import { type LocalAlb, start } from '@albkit/local'
import { REPO } from './support/stack.js'

const FIXTURES = join(REPO, 'e2e/fixtures/frameworks')
const FRAMEWORKS = ['hono', 'powertools', 'express', 'lambda-api'] as const
type Framework = (typeof FRAMEWORKS)[number]
type Mode = 'single' | 'multi'

/** What a client of a real ALB gets from each app: `undefined` = the header does not arrive. */
interface Expected {
  /** `?name=a%2Bb%20c`: the app's own query decoding (hono, express decode; Powertools does not) */
  hello: string
  xFramework: string | undefined
  setCookie: string[] | undefined
}

const decoded = '{"hello":"a+b c"}'
const raw = '{"hello":"a%2Bb%20c"}'
const both = ['a=1; Path=/', 'b=2; Path=/']

const EXPECTED: Record<Framework, Record<Mode, Expected>> = {
  // no statusDescription at all: tolerated, the ALB writes "200 OK"
  hono: {
    single: { hello: decoded, xFramework: 'hono', setCookie: ['a=1; Path=/'] },
    multi: { hello: decoded, xFramework: 'hono', setCookie: both },
  },
  // writes `headers` in both modes: a multi-value target group ignores that field, so none of
  // its headers arrive there — the "headers vanish" trap, not a 502
  powertools: {
    single: { hello: raw, xFramework: 'powertools', setCookie: ['b=2; Path=/'] },
    multi: { hello: raw, xFramework: undefined, setCookie: undefined },
  },
  // no statusDescription; its Content-Length is dropped and computed by the balancer
  express: {
    single: { hello: decoded, xFramework: 'express', setCookie: ['a=1; Path=/'] },
    multi: { hello: decoded, xFramework: 'express', setCookie: both },
  },
  // complete results; reads the query raw in single-value mode, decoded in multi-value mode
  'lambda-api': {
    single: { hello: raw, xFramework: 'lambda-api', setCookie: ['b=2; Path=/'] },
    multi: { hello: decoded, xFramework: 'lambda-api', setCookie: both },
  },
}

let alb: LocalAlb
let logs: string
before(async () => {
  // bundled like any function: one index.mjs per app, what the template's CodeUri points at
  for (const name of FRAMEWORKS)
    await bundleApp({ entry: join(FIXTURES, `${name}.ts`), outdir: join(FIXTURES, 'dist', name) })
  logs = await mkdtemp(join(tmpdir(), 'albkit-frameworks-'))
  alb = await start({
    templates: [join(REPO, 'templates/sam/alb.yaml'), join(FIXTURES, 'template.yaml')],
    port: 0,
    adminPort: 0,
    s3: false,
    quiet: true,
    logDir: logs,
  })
})
after(async () => {
  await alb?.close()
  await rm(logs, { recursive: true, force: true })
})

const prefix = (name: Framework, mode: Mode) => (mode === 'multi' ? `/multi/${name}` : `/${name}`)

function assertAnswered(res: RawResponse, what: string): void {
  assert.equal(res.status, 200, `${what}: ${res.status} ${res.body.toString().slice(0, 200)}`)
  assert.equal(res.statusMessage, 'OK', what)
  assert.notEqual(res.headers.server, 'awselb/2.0', `${what}: the balancer answered itself`)
  assert.equal(res.headers['content-length'], String(res.body.length), what)
}

for (const name of FRAMEWORKS) {
  describe(name, () => {
    for (const mode of ['single', 'multi'] as const) {
      const expected = EXPECTED[name][mode]
      test(`${mode}-value: JSON body and its headers as the ALB delivers them`, async () => {
        const res = await send(`${alb.url}${prefix(name, mode)}/hello?name=a%2Bb%20c`)
        assertAnswered(res, `${name} ${mode}`)
        assert.equal(res.body.toString('utf8'), expected.hello)
        assert.equal(res.headers['x-framework'], expected.xFramework)
        if (expected.xFramework === undefined) assert.equal(res.headers['content-type'], undefined)
        else assert.match(String(res.headers['content-type']), /^application\/json/)
      })
      test(`${mode}-value: Set-Cookie as the ALB delivers it`, async () => {
        const res = await send(`${alb.url}${prefix(name, mode)}/cookies`)
        assertAnswered(res, `${name} ${mode}`)
        assert.equal(res.body.toString('utf8'), 'cookies')
        assert.deepEqual(res.headers['set-cookie'], expected.setCookie)
      })
    }
  })
}
