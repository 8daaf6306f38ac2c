/**
 * The console's memory: the last `size` exchanges (oldest evicted first), each with its bodies
 * already capped, and the function log lines of their request ids (bounded too). Listeners
 * (the event stream) hear of each new exchange; with none, adding costs a slot assignment.
 */
import type { CapturedExchange, CapturedLogLine } from './captured-exchange.js'

export interface StoreLimits {
  /** exchanges kept; default 200 */
  size: number
  /** bytes kept of each body (request, response) and characters of each result; default 64 KB */
  bodyBytes: number
  /** log lines kept per request id; default 100 */
  logLines: number
  /** characters kept of one log line; default 1024 (with the line count: ≤ 100 K per request) */
  logLineChars: number
}

export const DEFAULT_STORE_LIMITS: StoreLimits = {
  size: 200,
  bodyBytes: 64 * 1024,
  logLines: 100,
  logLineChars: 1024,
}

const LIMIT_NAMES: Record<keyof StoreLimits, string> = {
  size: 'the number of exchanges kept (--console-exchanges)',
  bodyBytes: 'the bytes kept per body',
  logLines: 'the log lines kept per request',
  logLineChars: 'the characters kept per log line',
}

/** Request ids whose lines arrive before their exchange ends (or never, e.g. health checks). */
const PENDING_REQUEST_IDS = 256

export class ExchangeStore {
  readonly limits: StoreLimits
  private readonly ring: Array<CapturedExchange | undefined>
  private next = 0
  private lastId = 0
  private readonly byRequestId = new Map<string, CapturedExchange>()
  private readonly pending = new Map<string, CapturedLogLine[]>()
  private readonly listeners = new Set<(exchange: CapturedExchange) => void>()

  constructor(limits: { [K in keyof StoreLimits]?: number | undefined } = {}) {
    const given = Object.entries(limits).filter(([, value]) => value !== undefined)
    this.limits = { ...DEFAULT_STORE_LIMITS, ...Object.fromEntries(given) }
    for (const [key, value] of Object.entries(this.limits))
      if (!Number.isInteger(value) || value < 1)
        throw new RangeError(
          `console: ${LIMIT_NAMES[key as keyof StoreLimits]} must be a positive integer, got ${value}`,
        )
    this.ring = new Array(this.limits.size)
  }

  /** Whether someone is watching (an open event stream): then results are captured too. */
  get watching(): boolean {
    return this.listeners.size > 0
  }

  /** The id the next exchange gets. */
  nextId(): number {
    return ++this.lastId
  }

  add(exchange: CapturedExchange): void {
    const evicted = this.ring[this.next]
    if (evicted?.invoke !== undefined) this.byRequestId.delete(evicted.invoke.requestId)
    this.ring[this.next] = exchange
    this.next = (this.next + 1) % this.limits.size
    const requestId = exchange.invoke?.requestId
    if (requestId !== undefined) {
      this.byRequestId.set(requestId, exchange)
      const early = this.pending.get(requestId)
      if (early !== undefined) {
        this.pending.delete(requestId)
        for (const line of early) this.pushLine(exchange.logs, line)
      }
    }
    for (const listener of this.listeners) listener(exchange)
  }

  /** A function's output line, `<request id> <text>` as the instance prefixes it. */
  functionLine(line: string, stream: CapturedLogLine['stream']): void {
    const space = line.indexOf(' ')
    if (space <= 0) return
    const requestId = line.slice(0, space)
    if (requestId === '-') return
    const entry = { stream, text: line.slice(space + 1, space + 1 + this.limits.logLineChars) }
    const done = this.byRequestId.get(requestId)
    if (done !== undefined) {
      this.pushLine(done.logs, entry)
      return
    }
    let early = this.pending.get(requestId)
    if (early === undefined) {
      if (this.pending.size >= PENDING_REQUEST_IDS) {
        const oldest = this.pending.keys().next().value
        if (oldest !== undefined) this.pending.delete(oldest)
      }
      early = []
      this.pending.set(requestId, early)
    }
    this.pushLine(early, entry)
  }

  private pushLine(lines: CapturedLogLine[], line: CapturedLogLine): void {
    if (lines.length < this.limits.logLines) lines.push(line)
  }

  /** Newest first. */
  list(): CapturedExchange[] {
    const out: CapturedExchange[] = []
    const n = this.limits.size
    for (let i = 1; i <= n; i++) {
      const exchange = this.ring[(this.next - i + n) % n]
      if (exchange !== undefined) out.push(exchange)
    }
    return out
  }

  get(id: number): CapturedExchange | undefined {
    for (const exchange of this.ring) if (exchange?.id === id) return exchange
    return undefined
  }

  /** Hear of every new exchange; returns the function that stops it. */
  subscribe(listener: (exchange: CapturedExchange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** How many request ids have lines waiting for their exchange (bounded; for tests). */
  get pendingRequestIds(): number {
    return this.pending.size
  }
}
