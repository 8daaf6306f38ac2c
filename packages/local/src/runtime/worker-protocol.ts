/** Messages between the load balancer and a function instance (worker thread). */
import type { AlbEventParts, AlbHeaderMode } from '@albkit/core'
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
 * What to invoke with: a request as the parts the balancer split once (the instance builds the
 * event; `parts.mode` is the header mode), or a ready event in a mode (health checks).
 */
export type InvokePayload = ({ parts: AlbEventParts } | { event: string; mode: AlbHeaderMode }) & {
  /** the local console is watching: send the result back as JSON, up to this many characters */
  captureChars?: number
}

/**
 * One invocation. The instance builds the event, runs the handler, and turns the result into
 * the response the balancer sends — so that work runs beside the listener thread, not on it.
 */
export type InvokeMessage = InvokePayload & {
  id: number
  requestId: string
  /** epoch ms after which the invocation has timed out */
  deadline: number
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
