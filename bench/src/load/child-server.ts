/**
 * A server under test in its own process: spawn, wait for its "ready" line, read its resident
 * memory (the process and its descendants, from /proc), stop it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface ChildServer {
  name: string
  url: string
  pid: number
  /** resident set size of the process tree, bytes */
  rss(): number
  close(): Promise<void>
}

export interface SpawnOptions {
  name: string
  args: string[]
  cwd?: string
  env?: Record<string, string>
  /** first capture group: the URL */
  ready: RegExp
  timeoutMs?: number
}

/** A free loopback port (bind 0, read, close). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const address = server.address()
  await new Promise<void>((ok) => server.close(() => ok()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

function statusField(pid: number, field: string): number {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8')
    const m = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)
    return m?.[1] ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

function descendants(root: number): number[] {
  const parents = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const ppid = statusField(Number(entry), 'PPid')
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)])
  }
  const out = [root]
  for (let i = 0; i < out.length; i++) out.push(...(parents.get(out[i] ?? -1) ?? []))
  return out
}

/** Resident memory of a process and all its descendants, in bytes. */
export function treeRss(pid: number): number {
  return descendants(pid).reduce((sum, p) => sum + statusField(p, 'VmRSS') * 1024, 0)
}

export async function spawnServer(options: SpawnOptions): Promise<ChildServer> {
  // Output goes to a file, not a pipe: a chatty server (serverless-offline logs every request)
  // must not make the load generator's process drain its stdout.
  const dir = mkdtempSync(join(tmpdir(), 'albkit-bench-'))
  const logFile = join(dir, 'server.log')
  const fd = openSync(logFile, 'w')
  const child: ChildProcess = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', fd, fd],
  })
  closeSync(fd)
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  let url: string | undefined
  while (url === undefined) {
    const output = readFileSync(logFile, 'utf8')
    url = options.ready.exec(output)?.[1]?.replace('localhost', '127.0.0.1')
    if (url !== undefined) break
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${options.name} did not start:\n${output.slice(-2000)}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  const pid = child.pid ?? 0
  return {
    name: options.name,
    url,
    pid,
    rss: () => treeRss(pid),
    close: async () => {
      if (child.exitCode === null) {
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
        child.kill('SIGTERM')
        await exited
        clearTimeout(force)
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
