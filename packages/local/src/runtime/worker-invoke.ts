/**
 * Inside an instance thread: load a handler (the cold start) and run one invocation — build the
 * event, call the handler with a Lambda-like context, turn the result into the wire response.
 */
import { pathToFileURL } from 'node:url'
import { BadRequestEncoding, buildEvent } from './build-event.js'
import { capturedResult } from './captured-result.js'
import { resultValueToWire } from './result-to-wire.js'
import type { InstanceData, InvokeMessage, WorkerReply } from './worker-protocol.js'

/** A Lambda handler: async, or callback-style with three parameters. */
export type Handler = (
  event: unknown,
  context: unknown,
  callback?: (err: unknown, result?: unknown) => void,
) => unknown

function pick(mod: Record<string, unknown>, path: string): unknown {
  let value: unknown = mod
  for (const part of path.split('.')) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function'))
      return undefined
    value = (value as Record<string, unknown>)[part]
  }
  // a CommonJS handler imported from ESM sits under `default`
  if (value === undefined && mod.default !== undefined && typeof mod.default === 'object') {
    return pick(mod.default as Record<string, unknown>, path)
  }
  return value
}

/** `errorType`/`errorMessage` as Lambda reports them. */
export function errorFields(err: unknown): { errorType: string; errorMessage: string } {
  if (err instanceof Error) return { errorType: err.name, errorMessage: err.message }
  return { errorType: 'Error', errorMessage: String(err) }
}

/**
 * Import the handler; `query` (e.g. `?instance=3`) makes a separate module instance with its own
 * state, for several instances on one thread.
 * @example
 * const handler = await loadHandler(data, '')
 */
export async function loadHandler(data: InstanceData, query: string): Promise<Handler> {
  const mod = (await import(pathToFileURL(data.handlerFile).href + query)) as Record<
    string,
    unknown
  >
  const found = pick(mod, data.handlerExport)
  if (typeof found !== 'function') {
    throw new Error(`${data.handlerFile} does not export a function named "${data.handlerExport}"`)
  }
  return found as Handler
}

function contextFor(data: InstanceData, message: InvokeMessage) {
  return {
    awsRequestId: message.requestId,
    functionName: data.functionName,
    functionVersion: data.functionVersion,
    invokedFunctionArn: data.invokedFunctionArn,
    memoryLimitInMB: String(data.memoryMb),
    logGroupName: data.logGroupName,
    logStreamName: data.logStreamName,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, message.deadline - Date.now()),
  }
}

function call(handler: Handler, event: unknown, context: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // a handler with three parameters is callback-style (Lambda Node.js runtime)
    const viaCallback = handler.length >= 3
    const done = (err: unknown, result?: unknown) => (err ? reject(err) : resolve(result))
    try {
      const out = handler(event, context, viaCallback ? done : undefined)
      if (!viaCallback || (out !== null && typeof (out as Promise<unknown>)?.then === 'function')) {
        Promise.resolve(out).then(resolve, reject)
      }
    } catch (err) {
      reject(err)
    }
  })
}

/**
 * Run one invocation; the reply and the buffers to transfer with it.
 * @example
 * const { reply, transfer } = await invoke(handler, data, message)
 * port.postMessage(reply, transfer)
 */
export async function invoke(
  handler: Handler,
  data: InstanceData,
  message: InvokeMessage,
): Promise<{ reply: WorkerReply; transfer: ArrayBuffer[] }> {
  const transfer: ArrayBuffer[] = []
  let event: unknown
  const mode = 'parts' in message ? message.parts.mode : message.mode
  try {
    event = 'parts' in message ? buildEvent(message.parts) : JSON.parse(message.event)
  } catch (err) {
    if (!(err instanceof BadRequestEncoding)) throw err
    return { reply: { type: 'bad-request', id: message.id, message: err.message }, transfer }
  }
  try {
    const result = await call(handler, event, contextFor(data, message))
    // validated, sized and decoded here, beside the listener; it only writes the bytes
    const outcome = resultValueToWire(result, mode)
    if (outcome.ok) {
      // small Buffers are views into a shared 8 KB slab, which a message would copy whole:
      // send an exact-size copy and transfer it instead (a large one owns its memory already)
      let body = outcome.response.body
      if (body.byteOffset !== 0 || body.byteLength !== body.buffer.byteLength) {
        body = new Uint8Array(body)
        outcome.response.body = body
      }
      transfer.push(body.buffer as ArrayBuffer)
    }
    // the local console shows what the function returned: always for a 502, else when watching
    const captured =
      !outcome.ok || message.captureChars !== undefined
        ? capturedResult(result, message.captureChars)
        : undefined
    return { reply: { type: 'result', id: message.id, outcome, result: captured }, transfer }
  } catch (err) {
    return { reply: { type: 'error', id: message.id, ...errorFields(err) }, transfer }
  }
}
