/**
 * Isolation 'shared': one worker thread hosts several instances of one function, each a separate
 * ES module instance of the handler file (imported as `<file>?instance=N`), each taking one
 * event at a time. Cheaper hand-offs than a thread per instance, at a price: a timeout, crash or
 * `process.exit` ends the whole thread, so the other instances on it end too (their running
 * requests get 502).
 */
import type { Worker } from 'node:worker_threads'
import type { InstanceLink, LinkEvents, ThreadOptions } from './instance-link.js'
import { startThread } from './instance-link.js'
import type { HostMessage, InstanceData, InvokeMessage, WorkerReply } from './worker-protocol.js'

let nextSlot = 0

/**
 * A thread hosting instances (slots) of one function.
 * @example
 * const host = new SharedThread({ workerFile, env, heapMb: 512, onOutput })
 * new Instance(host.add(data), onDeath)
 */
export class SharedThread {
  private readonly worker: Worker
  private readonly slots = new Map<number, LinkEvents>()
  dead = false
  private ended: Promise<unknown> | undefined

  constructor(options: Omit<ThreadOptions, 'workerData'>, onEnd: (host: SharedThread) => void) {
    this.worker = startThread({ ...options, workerData: { shared: true } })
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.slot !== undefined) this.slots.get(reply.slot)?.reply(reply)
    })
    this.worker.on('error', (err) => {
      for (const events of this.slots.values()) events.error(err)
    })
    this.worker.on('exit', (code) => {
      this.dead = true
      const slots = [...this.slots.values()]
      this.slots.clear()
      onEnd(this)
      for (const events of slots) events.exit(code)
    })
  }

  /** Number of instances on this thread. */
  get size(): number {
    return this.slots.size
  }

  /** A new instance on this thread (its module is imported when the link opens). */
  add(data: InstanceData): InstanceLink {
    const slot = ++nextSlot
    return {
      open: (events) => {
        this.slots.set(slot, events)
        this.send({ type: 'add', slot, data })
      },
      post: (message: InvokeMessage, transfer?: ArrayBuffer[]) =>
        this.send({ ...message, slot }, transfer),
      kill: () => void this.terminate(),
      retire: () => {
        if (!this.slots.delete(slot)) return
        this.send({ type: 'remove', slot })
        // an empty thread ends; the pool starts a new one when it needs one
        if (this.slots.size === 0) void this.terminate()
      },
      close: () => this.terminate(),
    }
  }

  /** End the thread and every instance on it (once, however many instances ask). */
  terminate(): Promise<unknown> {
    this.dead = true
    this.ended ??= this.worker.terminate()
    return this.ended
  }

  private send(message: HostMessage, transfer?: ArrayBuffer[]): void {
    if (!this.dead) this.worker.postMessage(message, transfer)
  }
}
