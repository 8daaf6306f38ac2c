/**
 * The entry of one function instance (a worker thread): imports the handler once (the cold
 * start), then runs one event at a time, like a Lambda execution environment. Module state
 * lives in this thread only, so instances never share it. Built to dist/worker.mjs.
 */
import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'
import { BadRequestEncoding, buildEvent } from './build-event.js'
import { resultToWire } from './result-to-wire.js'
import { prefixLines } from './worker-output.js'
import type { InstanceData, InvokeMessage, WorkerReply } from './worker-protocol.js'

type Handler = (
  event: unknown,
  context: unknown,
  callback?: (err: unknown, result?: unknown) => void,
) => unknown

const data = workerData as InstanceData
const port = parentPort
if (port === null) throw new Error('worker.ts must run in a worker thread')

/** the running invocation's request id, for the prefix of the function's output lines */
let currentRequestId = '-'
prefixLines(process.stdout, () => currentRequestId)
prefixLines(process.stderr, () => currentRequestId)

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

function errorFields(err: unknown): { errorType: string; errorMessage: string } {
  if (err instanceof Error) return { errorType: err.name, errorMessage: err.message }
  return { errorType: 'Error', errorMessage: String(err) }
}

function contextFor(message: InvokeMessage) {
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

async function main(messagePort: NonNullable<typeof parentPort>): Promise<void> {
  let handler: Handler
  try {
    const mod = (await import(pathToFileURL(data.handlerFile).href)) as Record<string, unknown>
    const found = pick(mod, data.handlerExport)
    if (typeof found !== 'function') {
      throw new Error(
        `${data.handlerFile} does not export a function named "${data.handlerExport}"`,
      )
    }
    handler = found as Handler
  } catch (err) {
    const reply: WorkerReply = { type: 'init-error', ...errorFields(err) }
    messagePort.postMessage(reply)
    return
  }
  messagePort.on('message', async (message: InvokeMessage) => {
    let event: unknown
    try {
      event =
        message.input === undefined
          ? JSON.parse(message.event ?? 'null')
          : buildEvent(message.input)
    } catch (err) {
      if (!(err instanceof BadRequestEncoding)) throw err
      messagePort.postMessage({
        type: 'bad-request',
        id: message.id,
        message: err.message,
      } satisfies WorkerReply)
      return
    }
    let reply: WorkerReply
    const transfer: ArrayBuffer[] = []
    currentRequestId = message.requestId
    try {
      const result = await call(handler, event, contextFor(message))
      // the Lambda runtime serialises the result as JSON; `undefined` becomes `null`
      const json = JSON.stringify(result) ?? 'null'
      const outcome = resultToWire(json, message.mode)
      if (outcome.ok) {
        // small Buffers are views into a shared 8 KB slab, which a message would copy whole:
        // send an exact-size copy and transfer it instead
        const body = new Uint8Array(outcome.response.body)
        outcome.response.body = body
        transfer.push(body.buffer)
      }
      reply = { type: 'result', id: message.id, outcome }
    } catch (err) {
      reply = { type: 'error', id: message.id, ...errorFields(err) }
    }
    messagePort.postMessage(reply, transfer)
  })
  messagePort.postMessage({ type: 'ready' } satisfies WorkerReply)
}

await main(port)
