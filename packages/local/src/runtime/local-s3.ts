/**
 * The embedded S3 (@20minutes/s3rver, a real S3-protocol server on the filesystem) in a process
 * of its own, supervised: if it dies, the load balancer and the admin port keep serving, the
 * crash is reported and S3 is started again on the same port and directory (issue 14, finding 1).
 * The functions reach it through the variables of local-s3-client-config.ts.
 */
import { type ChildProcess, fork } from 'node:child_process'
import type { S3ProcessMessage, S3ProcessOptions } from './s3-process-protocol.js'
import { distEntry } from './worker-file.js'

/** Control of the embedded S3 (same port and data directory across stop/start and restarts). */
export interface LocalS3Control {
  endpoint: string
  /** whether the S3 process is serving now */
  readonly running: boolean
  /** how many times the S3 process died unasked (each one is reported and restarted) */
  readonly crashes: number
  /** the S3 process's id while it runs */
  readonly pid: number | undefined
  /** stop serving (data stays on disk); resolves when the port is released */
  stop(): Promise<void>
  /** serve again on the same port and directory (no-op when running) */
  start(): Promise<void>
}

export interface LocalS3Options extends S3ProcessOptions {
  /** a line for the console when S3 crashes or comes back */
  onReport?: (line: string) => void
}

/** ms to wait before a restart: doubles after each crash that follows a restart, up to the cap */
const RESTART_DELAY_MS = 100
const RESTART_DELAY_CAP_MS = 5000
/** ms the S3 process gets to listen (it loads koa and creates the buckets) */
const START_TIMEOUT_MS = 15_000
/** ms a stopping S3 process gets to close its connections before it is killed */
const STOP_TIMEOUT_MS = 3000
/** bytes of the S3 process's stderr kept for the crash report */
const STDERR_TAIL = 2000

interface Running {
  child: ChildProcess
  /** the end of its stderr */
  stderr: () => string
}

/** Start the S3 process; resolves once it listens, with the port it bound. */
function spawnS3(options: S3ProcessOptions): Promise<Running & { port: number }> {
  // only PATH: the S3 process needs no credentials and no flags (NODE_OPTIONS) of ours
  const child = fork(distEntry('s3-process.mjs'), [JSON.stringify(options)], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: [],
    env: { PATH: process.env.PATH ?? '' },
  })
  let tail = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-STDERR_TAIL)
  })
  const stderr = () => tail
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`local S3: not listening after ${START_TIMEOUT_MS} ms`))
    }, START_TIMEOUT_MS)
    const done = () => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    const portInUse = () =>
      new Error(
        `local S3: port ${options.port} is already in use (use another S3 port or turn S3 off)`,
      )
    const onMessage = (message: S3ProcessMessage) => {
      done()
      if (message.type === 'listening') return resolve({ child, stderr, port: message.port })
      reject(
        message.code === 'EADDRINUSE' ? portInUse() : new Error(`local S3: ${message.message}`),
      )
    }
    const onExit = (code: number | null, signal: string | null) => {
      done()
      // s3rver reports a busy port as an uncaught 'error' event, so the process just dies
      if (tail.includes('EADDRINUSE')) return reject(portInUse())
      reject(
        new Error(
          `local S3 exited while starting (${exitReason(code, signal)}): ${lastLine(tail)}`,
        ),
      )
    }
    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}

function exitReason(code: number | null, signal: string | null): string {
  return signal !== null ? `signal ${signal}` : `exit code ${code}`
}

/** The last non-empty line of a process's stderr, for a one-line report. */
function lastLine(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  // a Node crash ends with "Node.js vX"; the error itself is the first line that names one
  const error = lines.find((line) => /^\w*Error\b/.test(line))
  return (error ?? lines.at(-1) ?? 'no output').trim().slice(0, 300)
}

/** Stop an S3 process: ask, then kill if it does not end in time. */
function stopS3(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    if (child.connected) child.send({ type: 'stop' })
    else child.kill('SIGTERM')
  })
}

/**
 * Start the embedded S3 in its own process and return a handle that can stop it and start it
 * again on the same port and directory (tests of S3 outages). A crash of the S3 process is
 * reported through `onReport` and the process is started again. A port in use is a clear error.
 * @example
 * const s3 = await localS3Control({ host: '127.0.0.1', port: 0, dir: '.albkit/s3', buckets: [] })
 * await s3.stop(); await s3.start()
 */
export async function localS3Control(options: LocalS3Options): Promise<LocalS3Control> {
  const { onReport = () => {}, ...processOptions } = options
  const first = await spawnS3(processOptions)
  // the port actually bound (options.port may be 0): a restart reuses it so the functions'
  // AWS_ENDPOINT_URL_S3 stays right
  const port = first.port
  const endpoint = `http://${options.host}:${port}`
  let current: Running | undefined
  let wanted = true
  let crashes = 0
  let delay = RESTART_DELAY_MS
  let restartTimer: NodeJS.Timeout | undefined

  let transition: Promise<void> = Promise.resolve()
  const serial = (step: () => Promise<void>) => {
    transition = transition.then(step, step)
    return transition
  }
  const adopt = (running: Running) => {
    current = running
    running.child.once('exit', (code, signal) => {
      if (current !== running) return
      current = undefined
      if (!wanted) return
      crashes++
      onReport(
        `local S3 crashed (${exitReason(code, signal)}): ${lastLine(running.stderr())} — restarting on port ${port}`,
      )
      scheduleRestart()
    })
  }
  const scheduleRestart = () => {
    restartTimer = setTimeout(() => {
      restartTimer = undefined
      void serial(async () => {
        if (!wanted || current !== undefined) return
        try {
          adopt(await spawnS3({ ...processOptions, port }))
          onReport(`local S3 restarted on ${endpoint}`)
          delay = RESTART_DELAY_MS
        } catch (err) {
          onReport(`local S3 did not restart: ${(err as Error).message} — trying again`)
          scheduleRestart()
        }
      })
    }, delay)
    delay = Math.min(delay * 2, RESTART_DELAY_CAP_MS)
  }
  adopt(first)

  return {
    endpoint,
    get running() {
      return current !== undefined
    },
    get crashes() {
      return crashes
    },
    get pid() {
      return current?.child.pid
    },
    stop: () =>
      serial(async () => {
        wanted = false
        clearTimeout(restartTimer)
        restartTimer = undefined
        const running = current
        current = undefined
        if (running !== undefined) await stopS3(running.child)
      }),
    start: () =>
      serial(async () => {
        wanted = true
        clearTimeout(restartTimer)
        restartTimer = undefined
        if (current === undefined) adopt(await spawnS3({ ...processOptions, port }))
      }),
  }
}
