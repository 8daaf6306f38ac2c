import type { AlbResult } from '@albkit/core'
import { lambdaContext as coreLambdaContext } from '@albkit/core/testing'
import type { Context } from 'aws-lambda'
import type { AlbJsonContext } from '../alb-json-body.js'
import type { AlbMultipartContext } from '../alb-multipart.js'

export { albEvent, fixtures, healthCheckEvent } from '@albkit/core/testing'

/** The context type every test handler may ask for (the middlewares fill in the rest). */
export type TestContext = AlbMultipartContext & AlbJsonContext

/** A Lambda context good enough for middy (no getRemainingTimeInMillis → no timeout race). */
export function lambdaContext(requestId = 'req-0001'): TestContext {
  return coreLambdaContext({ functionName: 'albkit-test', requestId }) as Context as TestContext
}

/** The result's headers as lower-case name → values, whatever the mode. */
export function headersOf(result: AlbResult): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  if ('multiValueHeaders' in result) {
    for (const [k, v] of Object.entries(result.multiValueHeaders)) out[k.toLowerCase()] = v
  } else {
    for (const [k, v] of Object.entries(result.headers)) out[k.toLowerCase()] = [v]
  }
  return out
}

/** The result's body bytes (base64 honoured). */
export function bodyBytes(result: AlbResult): Buffer {
  return Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8')
}

/** A log sink that keeps parsed JSON lines. */
export function memoryLog(): { log: (line: string) => void; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  return { lines, log: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }
}

/** Both event modes, for `for (const mode of modes)` loops. */
export const modes = ['single', 'multi'] as const
