/** Messages between the load balancer and a function instance (worker thread). */

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

/** One invocation: the event as a JSON string, like the Lambda runtime API delivers it. */
export interface InvokeMessage {
  id: number
  requestId: string
  /** epoch ms after which the invocation has timed out */
  deadline: number
  event: string
}

/** What an instance sends back. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'init-error'; errorType: string; errorMessage: string }
  | { type: 'result'; id: number; json: string }
  | { type: 'error'; id: number; errorType: string; errorMessage: string }
