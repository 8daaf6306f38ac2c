/**
 * The four ALB events every peer answers, and what a correct answer contains. The same app runs
 * on every peer: GET /small?name=world → {"hello":"world"}; POST /echo with a 10 KB JSON body →
 * the same document back; GET /binary → 500 KB of bytes (application/octet-stream); GET
 * /multi?tag=a&tag=b&tag=c in multi-value mode with cookies → the tags, the session cookie and
 * two Set-Cookie headers (one with a comma inside its Expires date).
 */
import type { AlbEvent } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import { binaryBytes } from '../../fixtures/load/binary-bytes.js'

export type EventName = 'small-get' | 'post-10kb-json' | 'binary-500kb' | 'multi-value'

export const EVENT_NAMES: EventName[] = [
  'small-get',
  'post-10kb-json',
  'binary-500kb',
  'multi-value',
]

/** 500,000 deterministic bytes covering every byte value (so latin1/UTF-8 round trips show). */
export const BINARY_BYTES: Buffer = binaryBytes()

/** A 10 KB JSON document (an order with line items). */
export const ECHO_DOCUMENT = {
  order: 'A-1029',
  items: Array.from({ length: 120 }, (_, i) => ({
    sku: `SKU-${String(i).padStart(5, '0')}`,
    title: `Item ${i} — "quoted" & ünïcødé`,
    qty: (i % 7) + 1,
    price: Math.round(i * 13.37 * 100) / 100,
  })),
}

export const SESSION = 'abc123'
export const TAGS = ['a', 'b', 'c']
export const SET_COOKIES = [
  'seen=1; Path=/',
  'theme=dark; Path=/; Expires=Fri, 01 Jan 2027 00:00:00 GMT',
]

const browserHeaders = {
  accept: 'application/json, text/plain, */*',
  'accept-language': 'en-GB,en;q=0.9',
  'user-agent':
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  host: 'alb.example.com',
}

/** The events as JSON text: each timed call gets a fresh parse (frameworks may mutate events). */
export function eventJson(name: EventName): string {
  return JSON.stringify(buildEvent(name))
}

function buildEvent(name: EventName): AlbEvent {
  switch (name) {
    case 'small-get':
      return albEvent({
        method: 'GET',
        path: '/small',
        query: 'name=world',
        headers: browserHeaders,
      })
    case 'post-10kb-json':
      return albEvent({
        method: 'POST',
        path: '/echo',
        headers: { ...browserHeaders, 'content-type': 'application/json' },
        body: JSON.stringify(ECHO_DOCUMENT),
      })
    case 'binary-500kb':
      return albEvent({ method: 'GET', path: '/binary', headers: browserHeaders })
    case 'multi-value':
      return albEvent({
        method: 'GET',
        path: '/multi',
        query: 'tag=a&tag=b&tag=c',
        mode: 'multi',
        headers: { ...browserHeaders, cookie: `session=${SESSION}; theme=light` },
      })
  }
}

/** A Lambda context good enough for every peer (middy reads getRemainingTimeInMillis). */
export const lambdaContext = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench',
  memoryLimitInMB: '1024',
  awsRequestId: '8f5e1c2a-0000-4000-8000-000000000000',
  logGroupName: '/aws/lambda/bench',
  logStreamName: '2026/11/21/[$LATEST]0',
  getRemainingTimeInMillis: () => 30_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
}

/** A peer: a Lambda handler for the app above. */
export type PeerHandler = (event: AlbEvent, context: typeof lambdaContext) => Promise<unknown>
