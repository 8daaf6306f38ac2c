/**
 * The instances of one function: idle instances are reused (warm, most recent first), a new one
 * is started when all are busy (a cold start), reserved concurrency throttles, and a dead
 * instance (timeout, crash, process.exit) is dropped so the next request starts a fresh one.
 */
import { randomUUID } from 'node:crypto'
import type { LocalFunction } from '../config/model.js'
import { Instance, type InstanceOutcome } from './instance.js'
import type { InvokeMessage } from './worker-protocol.js'

/** How one invocation through the pool ended. */
export type InvokeOutcome =
  | (InstanceOutcome & { cold: boolean; requestId: string })
  | { kind: 'error'; reason: 'throttled'; message: string; cold: false; requestId: string }

export interface FunctionPoolOptions {
  workerFile: string
  env: Record<string, string>
  region: string
  /** local cap on instances of a function without reserved concurrency; more requests queue */
  maxInstances: number
  /** the function's output lines, prefixed with the request id */
  onOutput: (line: string, stream: 'stdout' | 'stderr') => void
}

export class FunctionPool {
  private readonly idle: Instance[] = []
  private readonly all = new Set<Instance>()
  private readonly queue: Array<(instance: Instance) => void> = []
  private retired = new WeakSet<Instance>()
  private closed = false

  constructor(
    readonly fn: LocalFunction,
    private readonly options: FunctionPoolOptions,
  ) {}

  /** Number of live instances (busy or idle). */
  get size(): number {
    return this.all.size
  }

  /** Invoke the function with a request (`input`) or a ready event (`event`, JSON). */
  async invoke(payload: Pick<InvokeMessage, 'mode' | 'input' | 'event'>): Promise<InvokeOutcome> {
    const requestId = randomUUID()
    if (this.closed)
      return { kind: 'error', reason: 'crashed', message: 'shutting down', cold: false, requestId }
    const acquired = this.acquire()
    if (acquired === 'throttled') {
      const message = `Rate exceeded: reserved concurrency ${this.fn.reservedConcurrency} reached`
      return { kind: 'error', reason: 'throttled', message, cold: false, requestId }
    }
    const instance = acquired instanceof Instance ? acquired : await acquired
    const cold = instance.invocations === 0
    const outcome = await instance.invoke(payload, requestId, this.fn.timeoutSeconds * 1000)
    this.release(instance)
    return { ...outcome, cold, requestId }
  }

  /** Replace every instance (new code): idle ones end now, busy ones when they finish. */
  replaceAll(): void {
    for (const instance of this.all) this.retired.add(instance)
    for (const instance of this.idle.splice(0)) this.drop(instance)
  }

  /** End every instance. */
  async close(): Promise<void> {
    this.closed = true
    const exits = [...this.all].map((instance) => instance.worker.terminate())
    this.all.clear()
    this.idle.length = 0
    await Promise.allSettled(exits)
  }

  private acquire(): Instance | Promise<Instance> | 'throttled' {
    const warm = this.idle.pop()
    if (warm !== undefined) return warm
    const reserved = this.fn.reservedConcurrency
    if (reserved !== undefined && this.all.size >= reserved) return 'throttled'
    if (reserved !== undefined || this.all.size < this.options.maxInstances) return this.spawn()
    return new Promise((resolve) => this.queue.push(resolve))
  }

  private release(instance: Instance): void {
    if (instance.dead || this.retired.has(instance) || this.closed) {
      this.drop(instance)
      const next = this.queue.shift()
      if (next !== undefined && !this.closed) next(this.spawn())
      return
    }
    const next = this.queue.shift()
    if (next !== undefined) next(instance)
    else this.idle.push(instance)
  }

  private drop(instance: Instance): void {
    this.all.delete(instance)
    const i = this.idle.indexOf(instance)
    if (i !== -1) this.idle.splice(i, 1)
    if (!instance.dead) instance.kill()
  }

  private spawn(): Instance {
    const fn = this.fn
    const version = fn.aliasName ?? '$LATEST'
    const instance = new Instance(
      {
        workerFile: this.options.workerFile,
        env: this.options.env,
        memoryMb: fn.memoryMb,
        onOutput: this.options.onOutput,
        data: {
          handlerFile: fn.handlerFile,
          handlerExport: fn.handlerExport,
          functionName: fn.functionName,
          functionVersion: version,
          invokedFunctionArn: fn.aliasArn ?? fn.functionArn,
          memoryMb: fn.memoryMb,
          logGroupName: `/aws/lambda/${fn.functionName}`,
          logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[${version}]${randomUUID().replaceAll('-', '')}`,
        },
      },
      (dead) => this.drop(dead),
    )
    this.all.add(instance)
    return instance
  }
}
