/**
 * The instances of one function: idle instances are reused (warm, most recent first), a new one
 * is started when all are busy (a cold start), reserved concurrency throttles, and a dead
 * instance (timeout, crash, process.exit) is dropped so the next request starts a fresh one.
 */
import { randomUUID } from 'node:crypto'
import { availableParallelism } from 'node:os'
import type { LocalFunction } from '../config/model.js'
import { Instance, type InstanceOutcome } from './instance.js'
import { type InstanceLink, ThreadLink } from './instance-link.js'
import { SharedThread } from './shared-thread.js'
import type { InvokePayload } from './worker-protocol.js'

/** How one invocation through the pool ended. */
export type InvokeOutcome = (
  | (InstanceOutcome & { cold: boolean; requestId: string })
  | { kind: 'error'; reason: 'throttled'; message: string; cold: false; requestId: string }
) & { timings?: InvokeTimings }

/** Where an invocation's time went, in ms (the local console shows it). */
export interface InvokeTimings {
  /** waiting for a free instance (all busy, local cap reached) */
  queuedMs: number
  /** the cold start: loading the handler, when this request waited for it */
  initMs: number
  /** the handler's run, event and result work in the instance included */
  invokeMs: number
}

export interface FunctionPoolOptions {
  workerFile: string
  env: Record<string, string>
  region: string
  /** local cap on instances of a function without reserved concurrency; more requests queue */
  maxInstances: number
  /** the function's output lines, prefixed with the request id */
  onOutput: (line: string, stream: 'stdout' | 'stderr') => void
  /** 'thread' (default): a thread per instance; 'shared': instances share a few threads */
  isolation?: Isolation
  /** isolation 'shared': threads per function; default one core less than the machine has, ≥ 1 */
  threads?: number
}

/** How instances are isolated: a thread each, or several per thread (see shared-thread.ts). */
export type Isolation = 'thread' | 'shared'

export class FunctionPool {
  private readonly idle: Instance[] = []
  private readonly all = new Set<Instance>()
  private readonly queue: Array<(instance: Instance) => void> = []
  private retired = new WeakSet<Instance>()
  private closed = false
  private readonly hosts: SharedThread[] = []

  constructor(
    readonly fn: LocalFunction,
    private readonly options: FunctionPoolOptions,
  ) {}

  /** Number of live instances (busy or idle). */
  get size(): number {
    return this.all.size
  }

  /** Invoke the function with a request (`input`) or a ready event (`event`, JSON). */
  async invoke(payload: InvokePayload): Promise<InvokeOutcome> {
    const t0 = performance.now()
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
    const t1 = performance.now()
    const outcome = await instance.invoke(payload, requestId, this.fn.timeoutSeconds * 1000)
    const t2 = performance.now()
    this.release(instance)
    const ran = cold && instance.readyAt > t1 ? instance.readyAt : t1
    const timings = { queuedMs: t1 - t0, initMs: ran - t1, invokeMs: t2 - ran }
    return { ...outcome, cold, requestId, timings }
  }

  /** Replace every instance (new code): idle ones end now, busy ones when they finish. */
  replaceAll(): void {
    for (const instance of this.all) this.retired.add(instance)
    for (const instance of this.idle.splice(0)) this.drop(instance)
  }

  /** End every instance. */
  async close(): Promise<void> {
    this.closed = true
    const exits = [...this.all].map((instance) => instance.close())
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
    if (!instance.dead) instance.retire()
  }

  private link(data: ConstructorParameters<typeof ThreadLink>[0]['data']): InstanceLink {
    const { workerFile, env, onOutput } = this.options
    if (this.options.isolation !== 'shared')
      return new ThreadLink({ workerFile, env, memoryMb: this.fn.memoryMb, onOutput, data })
    // the listener keeps a core: on 2 cores one thread per function measured 30 % of raw vs 24 %
    const threads = Math.max(1, this.options.threads ?? availableParallelism() - 1)
    for (let i = this.hosts.length - 1; i >= 0; i--)
      if (this.hosts[i]?.dead) this.hosts.splice(i, 1)
    let host = this.hosts.reduce<SharedThread | undefined>(
      (best, h) => (best !== undefined && h.size >= best.size ? best : h),
      undefined,
    )
    if (host === undefined || (host.size > 0 && this.hosts.length < threads)) {
      const perThread = Math.ceil(this.options.maxInstances / threads)
      // the heap cap covers every instance the thread may hold
      const heapMb = Math.max(64, this.fn.memoryMb) * perThread
      host = new SharedThread({ workerFile, env, heapMb, onOutput }, (ended) => {
        const i = this.hosts.indexOf(ended)
        if (i !== -1) this.hosts.splice(i, 1)
      })
      this.hosts.push(host)
    }
    return host.add(data)
  }

  private spawn(): Instance {
    const fn = this.fn
    const version = fn.aliasName ?? '$LATEST'
    const instance = new Instance(
      this.link({
        handlerFile: fn.handlerFile,
        handlerExport: fn.handlerExport,
        functionName: fn.functionName,
        functionVersion: version,
        invokedFunctionArn: fn.aliasArn ?? fn.functionArn,
        memoryMb: fn.memoryMb,
        logGroupName: `/aws/lambda/${fn.functionName}`,
        logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[${version}]${randomUUID().replaceAll('-', '')}`,
      }),
      (dead) => this.drop(dead),
    )
    this.all.add(instance)
    return instance
  }
}
