/**
 * How an Instance reaches the thread that runs it. `ThreadLink`: the instance owns a worker
 * thread (isolation 'thread', the default). A slot on a shared thread (shared-thread.ts) is the
 * other kind: several instances, each its own module instance, on one thread.
 */
import { Worker } from 'node:worker_threads'
import { eachLine } from './line-splitter.js'
import type { InstanceData, InvokeMessage, WorkerReply } from './worker-protocol.js'

/** The callbacks a link reports to. */
export interface LinkEvents {
  reply: (reply: WorkerReply) => void
  /** an uncaught error ended the thread */
  error: (err: Error) => void
  exit: (code: number) => void
}

/** One instance's connection to its thread. */
export interface InstanceLink {
  open(events: LinkEvents): void
  post(message: InvokeMessage, transfer?: ArrayBuffer[]): void
  /** end the thread at once (timeout, init stuck): every instance on it ends */
  kill(): void
  /** end only this instance (replacement, init error) */
  retire(): void
  /** end the thread and wait for it */
  close(): Promise<unknown>
}

export interface ThreadOptions {
  workerFile: string
  workerData: unknown
  env: Record<string, string>
  /** heap cap of the thread, in MB */
  heapMb: number
  onOutput: (line: string, stream: 'stdout' | 'stderr') => void
}

/**
 * Young-generation cap of every instance thread, in MB. Without it V8 keeps growing each
 * thread's new space under steady traffic (measured: ~13 → ~30 MB per thread over 200k requests,
 * live heap flat), so the process RSS climbs with the instance count for no live data; 8 MB
 * keeps it flat at the same throughput.
 */
export const YOUNG_GENERATION_MB = 8

/**
 * A worker thread with the function's environment, a capped heap and piped output.
 * @example
 * const worker = startThread({ workerFile, workerData, env: {}, heapMb: 128, onOutput })
 */
export function startThread(options: ThreadOptions): Worker {
  const worker = new Worker(options.workerFile, {
    workerData: options.workerData,
    env: options.env,
    resourceLimits: {
      // the function's memory setting caps the heap, as Lambda's MemorySize does
      maxOldGenerationSizeMb: Math.max(64, options.heapMb),
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
    },
    // the function's output comes to us (console or functions.log), not straight to our stdout
    stdout: true,
    stderr: true,
  })
  eachLine(worker.stdout, (line) => options.onOutput(line, 'stdout'))
  eachLine(worker.stderr, (line) => options.onOutput(line, 'stderr'))
  return worker
}

/**
 * The default: one thread for one instance.
 * @example
 * new Instance(new ThreadLink({ workerFile, data, env, memoryMb: 128, onOutput }), onDeath)
 */
export class ThreadLink implements InstanceLink {
  private readonly worker: Worker

  constructor(options: {
    workerFile: string
    data: InstanceData
    env: Record<string, string>
    memoryMb: number
    onOutput: ThreadOptions['onOutput']
  }) {
    this.worker = startThread({
      workerFile: options.workerFile,
      workerData: options.data,
      env: options.env,
      heapMb: options.memoryMb,
      onOutput: options.onOutput,
    })
  }

  open(events: LinkEvents): void {
    this.worker.on('message', events.reply)
    this.worker.on('error', events.error)
    this.worker.on('exit', events.exit)
  }

  post(message: InvokeMessage, transfer?: ArrayBuffer[]): void {
    this.worker.postMessage(message, transfer)
  }

  kill(): void {
    void this.worker.terminate()
  }

  retire(): void {
    void this.worker.terminate()
  }

  close(): Promise<unknown> {
    return this.worker.terminate()
  }
}
