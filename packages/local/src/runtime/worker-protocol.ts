/** Messages between the load balancer and a function instance (worker thread). */
import type { AlbHeaderMode } from '@albkit/core'
import type { EventInput } from './build-event.js'
import type { WireOutcome } from './result-to-wire.js'

/** What an instance is started with (`workerData`). */
export interface InstanceData {
  handlerFile: string
  handlerExport: string
  functionName: string
  functionVersion: string
  invokedFunctionArn: string
  memoryMb: number
  logGroupName: string
  logStreamName: string
}

/**
 * One invocation. The instance builds the event from the request (`input`) or takes a ready
 * event (`event`, health checks), runs the handler, and turns the result into the response the
 * balancer sends — so that work runs beside the listener thread, not on it.
 */
export interface InvokeMessage {
  id: number
  requestId: string
  /** epoch ms after which the invocation has timed out */
  deadline: number
  mode: AlbHeaderMode
  input?: EventInput
  event?: string
  /** the local console is watching: send the result back as JSON, up to this many characters */
  captureChars?: number
  /** the instance on a shared thread (isolation 'shared') */
  slot?: number
}

/** What a shared thread receives: instances to add or remove, and invocations. */
export type HostMessage =
  | InvokeMessage
  | { type: 'add'; slot: number; data: InstanceData }
  | { type: 'remove'; slot: number }

/** `workerData` of a shared thread. */
export interface SharedThreadData {
  shared: true
}

/** What an instance sends back. */
export type WorkerReply = (
  | { type: 'ready' }
  | { type: 'init-error'; errorType: string; errorMessage: string }
  | { type: 'result'; id: number; outcome: WireOutcome; result?: string }
  | { type: 'bad-request'; id: number; message: string }
  | { type: 'error'; id: number; errorType: string; errorMessage: string }
) & { slot?: number }
