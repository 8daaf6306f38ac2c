/**
 * The entry of a function's worker thread (built to dist/worker.mjs). Isolation 'thread': one
 * instance — imports the handler once (the cold start), then runs one event at a time, like a
 * Lambda execution environment; module state lives in this thread only. Isolation 'shared'
 * (`workerData.shared`): several instances, each a separate module instance of the handler
 * (`?instance=N`), added and removed by the pool, each given one event at a time.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { parentPort, workerData } from 'node:worker_threads'
import { useThreadHome } from './thread-home.js'
import { errorFields, type Handler, invoke, loadHandler } from './worker-invoke.js'
import { prefixLines } from './worker-output.js'
import type {
  HostMessage,
  InstanceData,
  InvokeMessage,
  SharedThreadData,
  WorkerReply,
} from './worker-protocol.js'

const port = parentPort
if (port === null) throw new Error('worker.ts must run in a worker thread')
const shared = (workerData as Partial<SharedThreadData>).shared === true
useThreadHome()

/** the running invocation's request id, for the prefix of the function's output lines */
let currentRequestId = '-'
// instances of a shared thread run side by side: each async chain carries its own request id
const requestIds = new AsyncLocalStorage<string>()
const requestId = shared ? () => requestIds.getStore() ?? '-' : () => currentRequestId
prefixLines(process.stdout, requestId)
prefixLines(process.stderr, requestId)

async function single(messagePort: NonNullable<typeof parentPort>): Promise<void> {
  const data = workerData as InstanceData
  let handler: Handler
  try {
    handler = await loadHandler(data, '')
  } catch (err) {
    messagePort.postMessage({ type: 'init-error', ...errorFields(err) } satisfies WorkerReply)
    return
  }
  messagePort.on('message', async (message: InvokeMessage) => {
    currentRequestId = message.requestId
    const { reply, transfer } = await invoke(handler, data, message)
    messagePort.postMessage(reply, transfer)
  })
  messagePort.postMessage({ type: 'ready' } satisfies WorkerReply)
}

function hosting(messagePort: NonNullable<typeof parentPort>): void {
  const instances = new Map<number, { data: InstanceData; handler: Handler }>()
  const add = async (slot: number, data: InstanceData) => {
    try {
      const handler = await loadHandler(data, `?instance=${slot}`)
      instances.set(slot, { data, handler })
      messagePort.postMessage({ type: 'ready', slot } satisfies WorkerReply)
    } catch (err) {
      messagePort.postMessage({
        type: 'init-error',
        slot,
        ...errorFields(err),
      } satisfies WorkerReply)
    }
  }
  messagePort.on('message', (message: HostMessage) => {
    if ('type' in message) {
      if (message.type === 'add') void add(message.slot, message.data)
      else instances.delete(message.slot)
      return
    }
    const slot = message.slot ?? 0
    const instance = instances.get(slot)
    if (instance === undefined) return
    void requestIds.run(message.requestId, async () => {
      const { reply, transfer } = await invoke(instance.handler, instance.data, message)
      messagePort.postMessage({ ...reply, slot }, transfer)
    })
  })
}

if (shared) hosting(port)
else await single(port)
