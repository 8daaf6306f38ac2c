/**
 * One function instance: a handler module in a worker thread running dist/worker.mjs that takes
 * one event at a time (Lambda execution model). The thread is its own (isolation 'thread') or
 * shared with other instances (isolation 'shared'), reached through an InstanceLink. Timeouts and
 * crashes end the thread; the pool replaces the instances.
 */
import type { InstanceLink } from './instance-link.js'
import type { WireOutcome } from './result-to-wire.js'
import type { InvokeMessage, InvokePayload, WorkerReply } from './worker-protocol.js'

/** How one invocation ended. */
export type InstanceOutcome =
  | { kind: 'result'; outcome: WireOutcome; result?: string }
  | { kind: 'bad-request'; message: string }
  | { kind: 'error'; reason: 'unhandled' | 'timeout' | 'crashed' | 'init'; message: string }

// One watchdog for every running invocation instead of a timer per request: it checks the
// deadlines every WATCHDOG_MS (timeouts fire up to that much late).
const WATCHDOG_MS = 20
const running = new Set<Instance>()
let watchdog: NodeJS.Timeout | undefined

function watch(instance: Instance): void {
  running.add(instance)
  if (watchdog === undefined) {
    watchdog = setInterval(() => {
      const now = Date.now()
      for (const i of running) if (now >= i.deadline) i.timeOut()
      if (running.size === 0) {
        clearInterval(watchdog)
        watchdog = undefined
      }
    }, WATCHDOG_MS)
  }
}

function unwatch(instance: Instance): void {
  running.delete(instance)
}

/** Lambda's limit on the init phase (Lambda developer guide, "Lambda execution environment lifecycle"). */
const INIT_TIMEOUT_MS = 10_000

export class Instance {
  invocations = 0
  dead = false
  private readonly ready: Promise<string | undefined>
  private pending: ((outcome: InstanceOutcome) => void) | undefined
  private seq = 0
  private isReady = false
  /** performance.now() when init finished (the console's init timing) */
  readyAt = 0
  /** epoch ms when the running invocation times out */
  deadline = 0
  private timeoutMs = 0

  constructor(
    private readonly link: InstanceLink,
    onDeath: (instance: Instance) => void,
  ) {
    let markReady: (initError: string | undefined) => void = () => {}
    this.ready = new Promise((resolve) => {
      markReady = resolve
    })
    const initTimer = setTimeout(() => {
      markReady(`init did not finish within ${INIT_TIMEOUT_MS} ms`)
      this.kill()
    }, INIT_TIMEOUT_MS)
    initTimer.unref()
    link.open({
      reply: (reply: WorkerReply) => {
        if (reply.type === 'ready') {
          clearTimeout(initTimer)
          this.readyAt = performance.now()
          this.isReady = true
          markReady(undefined)
        } else if (reply.type === 'init-error') {
          clearTimeout(initTimer)
          markReady(`${reply.errorType}: ${reply.errorMessage}`)
          this.dead = true
          link.retire()
          onDeath(this)
        } else if (reply.id === this.seq) {
          this.settle(
            reply.type === 'result'
              ? { kind: 'result', outcome: reply.outcome, result: reply.result }
              : reply.type === 'bad-request'
                ? { kind: 'bad-request', message: reply.message }
                : {
                    kind: 'error',
                    reason: 'unhandled',
                    message: `${reply.errorType}: ${reply.errorMessage}`,
                  },
          )
        }
      },
      error: (err) => {
        clearTimeout(initTimer)
        markReady(`${err.name}: ${err.message}`)
        this.settle({ kind: 'error', reason: 'unhandled', message: `${err.name}: ${err.message}` })
        this.dead = true
      },
      exit: (code) => {
        clearTimeout(initTimer)
        markReady(`the instance exited with code ${code} during init`)
        this.settle({
          kind: 'error',
          reason: 'crashed',
          message: `the instance exited with code ${code}`,
        })
        this.dead = true
        onDeath(this)
      },
    })
  }

  /** Run one invocation; resolves when the handler answers, throws, crashes or times out. */
  invoke(payload: InvokePayload, requestId: string, timeoutMs: number): Promise<InstanceOutcome> {
    if (this.isReady) return this.run(payload, requestId, timeoutMs)
    return this.ready.then((initError) =>
      initError === undefined
        ? this.run(payload, requestId, timeoutMs)
        : { kind: 'error', reason: 'init', message: initError },
    )
  }

  private run(
    payload: InvokePayload,
    requestId: string,
    timeoutMs: number,
  ): Promise<InstanceOutcome> {
    if (this.dead)
      return Promise.resolve({ kind: 'error', reason: 'crashed', message: 'the instance is gone' })
    this.invocations++
    const id = ++this.seq
    const deadline = Date.now() + timeoutMs
    return new Promise<InstanceOutcome>((resolve) => {
      this.timeoutMs = timeoutMs
      this.deadline = deadline
      watch(this)
      this.pending = (outcome) => {
        unwatch(this)
        resolve(outcome)
      }
      const message: InvokeMessage = { id, requestId, deadline, ...payload }
      this.link.post(message)
    })
  }

  /** Called by the watchdog once the deadline has passed: answer 502 and end the thread. */
  timeOut(): void {
    this.settle({
      kind: 'error',
      reason: 'timeout',
      message: `Task timed out after ${(this.timeoutMs / 1000).toFixed(2)} seconds`,
    })
    this.kill()
  }

  /** End the thread at once (timeouts, init stuck); on a shared thread, its other instances too. */
  kill(): void {
    this.dead = true
    this.link.kill()
  }

  /** End this instance only (replacement). */
  retire(): void {
    this.dead = true
    this.link.retire()
  }

  /** End the thread and wait for it (shutdown). */
  close(): Promise<unknown> {
    this.dead = true
    return this.link.close()
  }

  private settle(outcome: InstanceOutcome): void {
    const pending = this.pending
    this.pending = undefined
    pending?.(outcome)
  }
}
