/**
 * One function instance: a worker thread running dist/worker.mjs that takes one event at a time
 * (Lambda execution model). Timeouts and crashes end the thread; the pool replaces it.
 */
import { Worker } from 'node:worker_threads'
import type { WireOutcome } from './result-to-wire.js'
import type { InstanceData, InvokeMessage, WorkerReply } from './worker-protocol.js'

/** How one invocation ended. */
export type InstanceOutcome =
  | { kind: 'result'; outcome: WireOutcome }
  | { kind: 'bad-request'; message: string }
  | { kind: 'error'; reason: 'unhandled' | 'timeout' | 'crashed' | 'init'; message: string }

/** Lambda's limit on the init phase (Lambda developer guide, "Lambda execution environment lifecycle"). */
const INIT_TIMEOUT_MS = 10_000

export interface InstanceOptions {
  workerFile: string
  data: InstanceData
  env: Record<string, string>
  memoryMb: number
}

export class Instance {
  readonly worker: Worker
  invocations = 0
  dead = false
  private readonly ready: Promise<string | undefined>
  private pending: ((outcome: InstanceOutcome) => void) | undefined
  private seq = 0

  constructor(options: InstanceOptions, onDeath: (instance: Instance) => void) {
    this.worker = new Worker(options.workerFile, {
      workerData: options.data,
      env: options.env,
      // the function's memory setting caps the heap, as Lambda's MemorySize does
      resourceLimits: { maxOldGenerationSizeMb: Math.max(64, options.memoryMb) },
    })
    let markReady: (initError: string | undefined) => void = () => {}
    this.ready = new Promise((resolve) => {
      markReady = resolve
    })
    const initTimer = setTimeout(() => {
      markReady(`init did not finish within ${INIT_TIMEOUT_MS} ms`)
      this.kill()
    }, INIT_TIMEOUT_MS)
    initTimer.unref()
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        clearTimeout(initTimer)
        markReady(undefined)
      } else if (reply.type === 'init-error') {
        clearTimeout(initTimer)
        markReady(`${reply.errorType}: ${reply.errorMessage}`)
        this.kill()
      } else if (reply.id === this.seq) {
        this.settle(
          reply.type === 'result'
            ? { kind: 'result', outcome: reply.outcome }
            : reply.type === 'bad-request'
              ? { kind: 'bad-request', message: reply.message }
              : {
                  kind: 'error',
                  reason: 'unhandled',
                  message: `${reply.errorType}: ${reply.errorMessage}`,
                },
        )
      }
    })
    this.worker.on('error', (err) => {
      clearTimeout(initTimer)
      markReady(`${err.name}: ${err.message}`)
      this.settle({ kind: 'error', reason: 'unhandled', message: `${err.name}: ${err.message}` })
      this.dead = true
    })
    this.worker.on('exit', (code) => {
      clearTimeout(initTimer)
      markReady(`the instance exited with code ${code} during init`)
      this.settle({
        kind: 'error',
        reason: 'crashed',
        message: `the instance exited with code ${code}`,
      })
      this.dead = true
      onDeath(this)
    })
  }

  /** Run one invocation; resolves when the handler answers, throws, crashes or times out. */
  async invoke(
    payload: Pick<InvokeMessage, 'mode' | 'input' | 'event'>,
    requestId: string,
    timeoutMs: number,
  ): Promise<InstanceOutcome> {
    const initError = await this.ready
    if (initError !== undefined) return { kind: 'error', reason: 'init', message: initError }
    if (this.dead) return { kind: 'error', reason: 'crashed', message: 'the instance is gone' }
    this.invocations++
    const id = ++this.seq
    const deadline = Date.now() + timeoutMs
    return new Promise<InstanceOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.settle({
          kind: 'error',
          reason: 'timeout',
          message: `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
        })
        this.kill()
      }, timeoutMs)
      this.pending = (outcome) => {
        clearTimeout(timer)
        resolve(outcome)
      }
      const message: InvokeMessage = { id, requestId, deadline, ...payload }
      this.worker.postMessage(message)
    })
  }

  /** End the thread at once (timeouts, replacement, shutdown). */
  kill(): void {
    this.dead = true
    void this.worker.terminate()
  }

  private settle(outcome: InstanceOutcome): void {
    const pending = this.pending
    this.pending = undefined
    pending?.(outcome)
  }
}
