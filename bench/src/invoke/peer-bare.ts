/**
 * The floor: a hand-written handler that gets every event right with nothing in between —
 * statusDescription, header mode, base64 for bytes, form-decoded query values, cookies.
 */
import type { AlbEvent, AlbEventMulti, AlbEventSingle } from '@albkit/core'
import { cookieValue } from './cookie-value.js'
import { BINARY_BYTES, type PeerHandler, SET_COOKIES } from './events.js'

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    return s
  }
}

const ok = (body: string, type: string, base64 = false) => ({
  statusCode: 200,
  statusDescription: '200 OK',
  isBase64Encoded: base64,
  headers: { 'Content-Type': type },
  body,
})

export const bareHandler: PeerHandler = async (event: AlbEvent) => {
  switch (event.path) {
    case '/small': {
      const name = (event as AlbEventSingle).queryStringParameters?.name
      return ok(JSON.stringify({ hello: decode(name ?? '') }), 'application/json')
    }
    case '/echo': {
      const e = event as AlbEventSingle
      const text = e.isBase64Encoded
        ? Buffer.from(e.body ?? '', 'base64').toString()
        : (e.body ?? '')
      return ok(JSON.stringify(JSON.parse(text)), 'application/json')
    }
    case '/binary':
      return ok(BINARY_BYTES.toString('base64'), 'application/octet-stream', true)
    default: {
      const e = event as AlbEventMulti
      const tags = (e.multiValueQueryStringParameters?.tag ?? []).map(decode)
      const session = cookieValue(e.multiValueHeaders?.cookie?.at(-1), 'session')
      return {
        statusCode: 200,
        statusDescription: '200 OK',
        isBase64Encoded: false,
        multiValueHeaders: { 'Content-Type': ['application/json'], 'Set-Cookie': SET_COOKIES },
        body: JSON.stringify({ tags, session }),
      }
    }
  }
}
