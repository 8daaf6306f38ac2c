import { type ChildProcess, spawn } from 'node:child_process'
import { request } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { freePort } from './free-port.js'

/** osls's entry script, from this package's dependency. */
function oslsEntry(): string {
  return join(
    dirname(createRequire(import.meta.url).resolve('osls/package.json')),
    'bin',
    'serverless.js',
  )
}

/** No telemetry, notifications or deprecation noise from osls. */
const QUIET_OSLS = {
  SLS_TELEMETRY_DISABLED: '1',
  SLS_NOTIFICATIONS_MODE: 'off',
  SLS_DEPRECATION_DISABLE: '*',
}

/** A running `osls offline` for one service dir, on its own loopback ports. */
export interface OfflineServer {
  /** the ALB listener, e.g. http://127.0.0.1:41234 */
  url: string
  /** false once the process has exited (crashed or stopped) */
  alive(): boolean
  /** the process is up and its ALB port answers HTTP */
  responsive(): Promise<boolean>
  /** the last lines it printed, for error messages */
  output(): string
  stop(): Promise<void>
}

const START_TIMEOUT_MS = 60_000

/**
 * Start `osls offline start` in `dir` (SLS_TELEMETRY_DISABLED=1) in its own process group and
 * wait, at most 60 s, until its ALB port answers HTTP.
 *
 * @example
 * const peer = await startOffline('/tmp/albkit-conformance-x')
 * try { console.log(peer.url) } finally { await peer.stop() }
 */
export async function startOffline(
  dir: string,
  albPort?: number,
  /** also copy osls's output here (the offline command shows it to the user) */
  echo?: NodeJS.WritableStream,
): Promise<OfflineServer> {
  const port = albPort ?? (await freePort())
  const lambdaPort = await freePort()
  const child = spawn(
    process.execPath,
    [
      oslsEntry(),
      'offline',
      'start',
      '--host',
      '127.0.0.1',
      '--albPort',
      String(port),
      '--lambdaPort',
      String(lambdaPort),
    ],
    {
      cwd: dir,
      env: { ...process.env, ...QUIET_OSLS },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-4000)
    echo?.write(chunk)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const server: OfflineServer = {
    url: `http://127.0.0.1:${port}`,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => log,
    responsive: async () => server.alive() && (await answers(server.url)),
    stop: () => stopGroup(child, exited),
  }
  const deadline = Date.now() + START_TIMEOUT_MS
  while (!(await answers(server.url))) {
    if (!server.alive() || Date.now() > deadline) {
      await server.stop()
      throw new Error(`osls offline did not start within 60 s:\n${log.trim().slice(-1500)}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return server
}

/** SIGTERM the whole process group (osls and anything it spawned), SIGKILL after 5 s. */
async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const pid = child.pid
  if (pid === undefined) return
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s)
    } catch {
      // the group is already gone
    }
  }
  signal('SIGTERM')
  const timer = setTimeout(() => signal('SIGKILL'), 5_000)
  if (child.exitCode === null && child.signalCode === null) await exited
  clearTimeout(timer)
  signal('SIGKILL')
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume()
      resolve(true)
    })
    req.setTimeout(2_000, () => req.destroy())
    req.on('error', () => resolve(false))
    req.end()
  })
}
