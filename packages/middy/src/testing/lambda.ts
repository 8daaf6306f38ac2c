import type { AlbResult } from '@albkit/core'
import { lambdaContext as coreLambdaContext } from '@albkit/core/testing'
import type { Context } from 'aws-lambda'
import type { AlbJsonContext } from '../alb-json-body.js'
import type { AlbMultipartContext } from '../alb-multipart.js'

export { albEvent, fixtures, healthCheckEvent } from '@albkit/core/testing'

/**
 * The context type every test handler may ask for (the middlewares fill in the rest).
 * @example
 * middy<AlbEvent, AlbHandlerReturn, Error, TestContext>().use(albStack()).handler((_e, c) => c.alb.path)
 */
export type TestContext = AlbMultipartContext & AlbJsonContext

/**
 * A Lambda context good enough for middy, typed for albkit handlers (core's `lambdaContext`).
 * @example
 * const result = (await handler(albEvent({ path: '/ip' }), lambdaContext())) as AlbResult
 */
export function lambdaContext(requestId = 'req-0001'): TestContext {
  return coreLambdaContext({ functionName: 'albkit-test', requestId }) as Context as TestContext
}

/**
 * The result's headers as lower-case name → values, whatever the mode.
 * @example
 * headersOf(result).allow // ['GET, HEAD']
 */
export function headersOf(result: AlbResult): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  if ('multiValueHeaders' in result) {
    for (const [k, v] of Object.entries(result.multiValueHeaders)) out[k.toLowerCase()] = v
  } else {
    for (const [k, v] of Object.entries(result.headers)) out[k.toLowerCase()] = [v]
  }
  return out
}

/**
 * The result's body bytes (base64 honoured).
 * @example
 * bodyBytes(result).toString('utf8') // 'OK'
 */
export function bodyBytes(result: AlbResult): Buffer {
  return Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8')
}

/**
 * A log sink that keeps parsed JSON lines.
 * @example
 * const { log, lines } = memoryLog(); albHandler(logic, { log }); // … lines[0].status
 */
export function memoryLog(): { log: (line: string) => void; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  return { lines, log: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }
}

/**
 * Both event modes, for `for (const mode of modes)` loops.
 * @example
 * for (const mode of modes) test(mode, () => handler(albEvent({ mode }), lambdaContext()))
 */
export const modes = ['single', 'multi'] as const
