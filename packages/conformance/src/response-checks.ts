/**
 * Response-side checks (contract §3 and the 502s of §4): the echo function returns a result
 * document chosen by the check (header `x-conformance-result`, see echo-handler.mjs) and the
 * check asserts the bytes the client got.
 */
import { randomBytes } from 'node:crypto'
import { type ConformanceCheck, expect } from './checks.js'
import { respond } from './respond.js'
import { ELB_LAMBDA, ELB_LOGS, LAMBDA_GUIDE } from './sources.js'

const ok = { statusCode: 200, statusDescription: '200 OK' }

export const responseChecks: ConformanceCheck[] = [
  {
    id: 'response-base64-decoded',
    section: '§3',
    rule: 'a result with isBase64Encoded true reaches the client as the decoded bytes',
    source: ELB_LAMBDA,
    async run(t) {
      const bytes = randomBytes(2048)
      const res = await respond(`${t.baseUrl}${t.singlePath}`, {
        ...ok,
        isBase64Encoded: true,
        headers: { 'Content-Type': 'application/octet-stream' },
        body: bytes.toString('base64'),
      })
      expect(res.status === 200 && res.body.equals(bytes), `status ${res.status}, bytes changed`)
    },
  },
  {
    id: 'response-multi-value-headers',
    section: '§3',
    rule: 'multi-value mode: multiValueHeaders reach the client, two Set-Cookie stay two headers',
    source: ELB_LAMBDA,
    async run(t) {
      const res = await respond(`${t.baseUrl}${t.multiPath}`, {
        ...ok,
        isBase64Encoded: false,
        multiValueHeaders: { 'Content-Type': ['text/plain'], 'Set-Cookie': ['a=1', 'b=2'] },
        body: 'ok',
      })
      const cookies = res.headers['set-cookie']
      expect(
        res.status === 200 && JSON.stringify(cookies) === '["a=1","b=2"]',
        `status ${res.status}, set-cookie ${JSON.stringify(cookies)}`,
      )
    },
  },
  {
    id: 'response-header-name-case',
    section: '§3',
    rule: 'response header names in any case (a lower-case content-type) are passed on',
    source: LAMBDA_GUIDE,
    async run(t) {
      const res = await respond(`${t.baseUrl}${t.singlePath}`, {
        ...ok,
        isBase64Encoded: false,
        headers: { 'content-type': 'text/plain', 'x-lower': 'v' },
        body: 'ok',
      })
      expect(
        res.status === 200 &&
          res.headers['content-type'] === 'text/plain' &&
          res.headers['x-lower'] === 'v' &&
          res.body.toString() === 'ok',
        `status ${res.status}, content-type ${res.headers['content-type']}`,
      )
    },
  },
  {
    id: 'response-status-description',
    section: '§3',
    rule: 'the reason phrase of statusDescription reaches the status line',
    source: LAMBDA_GUIDE,
    async run(t) {
      const res = await respond(`${t.baseUrl}${t.singlePath}`, {
        statusCode: 200,
        statusDescription: '200 Conformance Fine',
        isBase64Encoded: false,
        headers: { 'Content-Type': 'text/plain' },
        body: 'ok',
      })
      expect(
        res.status === 200 && res.statusMessage === 'Conformance Fine',
        `status line ${res.status} ${res.statusMessage}`,
      )
    },
  },
  {
    id: 'response-hop-by-hop',
    section: '§3',
    rule: 'hop-by-hop headers from the function are dropped; Content-Length is computed',
    source: ELB_LAMBDA,
    async run(t) {
      const res = await respond(
        `${t.baseUrl}${t.singlePath}`,
        {
          ...ok,
          isBase64Encoded: false,
          headers: {
            'Content-Type': 'text/plain',
            'Keep-Alive': 'timeout=99',
            Upgrade: 'h2c',
            'Transfer-Encoding': 'chunked',
            'Content-Length': '999',
            'X-Kept': 'yes',
          },
          body: 'hello',
        },
        5_000,
      )
      const h = res.headers
      const seen = `keep-alive ${h['keep-alive']}, upgrade ${h.upgrade}, transfer-encoding ${h['transfer-encoding']}, content-length ${h['content-length']}`
      expect(
        res.status === 200 && res.body.toString() === 'hello' && h['x-kept'] === 'yes',
        `status ${res.status}, body ${JSON.stringify(res.body.toString())}`,
      )
      expect(
        h['keep-alive'] !== 'timeout=99' &&
          h.upgrade === undefined &&
          h['transfer-encoding'] === undefined &&
          h['content-length'] === '5',
        seen,
      )
    },
  },
  {
    id: 'response-malformed',
    section: '§4',
    rule: 'a malformed result (statusCode not a number) → 502',
    source: ELB_LOGS,
    async run(t) {
      const res = await respond(`${t.baseUrl}${t.singlePath}`, { statusCode: 'abc', body: 'x' })
      expect(res.status === 502, `expected 502, got ${res.status}`)
    },
  },
  {
    id: 'function-threw',
    section: '§4',
    rule: 'the function threw → 502',
    source: ELB_LOGS,
    async run(t) {
      const res = await respond(`${t.baseUrl}${t.singlePath}`, 'throw')
      expect(res.status === 502, `expected 502, got ${res.status}`)
    },
  },
  {
    id: 'response-too-large',
    section: '§4',
    rule: 'a result document over 1 MB → 502',
    source: ELB_LAMBDA,
    async run(t) {
      const res = await respond(`${t.baseUrl}${t.singlePath}`, {
        ...ok,
        isBase64Encoded: false,
        headers: { 'Content-Type': 'text/plain' },
        bodyRepeat: 1_100_000,
      })
      expect(res.status === 502, `expected 502, got ${res.status}`)
    },
  },
]
