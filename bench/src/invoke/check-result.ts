/**
 * Is a peer's answer right? Two verdicts: `wrong` lists what a client would get wrong (body bytes,
 * values, cookies, headers lost to the wrong header mode); `contract` lists what the project's own
 * result validator (`validateResult` from @albkit/core, the local load balancer's 502 rule) rejects.
 */
import { isDeepStrictEqual } from 'node:util'
import { validateResult } from '@albkit/core'
import {
  BINARY_BYTES,
  ECHO_DOCUMENT,
  type EventName,
  SESSION,
  SET_COOKIES,
  TAGS,
} from './events.js'

export interface Verdict {
  wrong: string[]
  contract: string[]
}

type Result = Record<string, unknown>

function headerValues(r: Result, name: string, multi: boolean): string[] {
  const field = (multi ? r.multiValueHeaders : r.headers) as Record<string, unknown> | undefined
  if (field === undefined || field === null) return []
  const out: string[] = []
  for (const [k, v] of Object.entries(field)) {
    if (k.toLowerCase() !== name) continue
    for (const one of Array.isArray(v) ? v : [v]) out.push(String(one))
  }
  return out
}

function bodyBytes(r: Result): Buffer {
  const body = typeof r.body === 'string' ? r.body : ''
  return r.isBase64Encoded === true ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8')
}

function jsonBody(r: Result, wrong: string[]): unknown {
  try {
    return JSON.parse(bodyBytes(r).toString('utf8'))
  } catch {
    wrong.push('body is not JSON')
    return undefined
  }
}

export function checkResult(name: EventName, result: unknown): Verdict {
  const multi = name === 'multi-value'
  // errors (a 502) and warnings (tolerated shapes the ALB page calls incomplete) both mark ⚠️
  const check = validateResult(result, multi ? 'multi' : 'single')
  const contract = [...check.errors, ...check.warnings].map((i) => i.message)
  const wrong: string[] = []
  if (result === null || typeof result !== 'object')
    return { wrong: ['no result object'], contract }
  const r = result as Result
  if (r.statusCode !== 200) wrong.push(`status ${String(r.statusCode)}`)
  if (multi && r.multiValueHeaders === undefined)
    wrong.push('multi-value event answered without multiValueHeaders (the ALB drops its headers)')
  const type = headerValues(r, 'content-type', multi).join(',')
  switch (name) {
    case 'small-get':
      if (!isDeepStrictEqual(jsonBody(r, wrong), { hello: 'world' })) wrong.push('wrong JSON body')
      if (!type.includes('application/json')) wrong.push(`content-type ${type || 'missing'}`)
      break
    case 'post-10kb-json':
      if (!isDeepStrictEqual(jsonBody(r, wrong), ECHO_DOCUMENT))
        wrong.push('echoed document differs')
      break
    case 'binary-500kb': {
      const bytes = bodyBytes(r)
      if (!bytes.equals(BINARY_BYTES))
        wrong.push(
          `binary body corrupted (${bytes.length} bytes, isBase64Encoded ${String(r.isBase64Encoded)})`,
        )
      break
    }
    case 'multi-value': {
      const body = jsonBody(r, wrong)
      if (!isDeepStrictEqual(body, { tags: TAGS, session: SESSION }))
        wrong.push(`wrong values ${JSON.stringify(body)}`)
      const cookies = headerValues(r, 'set-cookie', true)
      if (!isDeepStrictEqual([...cookies].sort(), [...SET_COOKIES].sort()))
        wrong.push(`Set-Cookie ${JSON.stringify(cookies)}`)
      break
    }
  }
  return { wrong, contract }
}
