/**
 * `albkit dev` as a user runs it: the built CLI in a process of its own (so a crash shows as an
 * exit, not as the death of the test runner), on ephemeral ports, in a scratch directory, with the
 * environment the caller gives it. The URLs come from its start-up banner.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { REPO } from './stack.js'

export interface DevProcess {
  url: string
  adminUrl: string
  /** undefined with --no-s3 */
  s3Url: string | undefined
  /** the CLI process: `exitCode === null` while it lives */
  child: ChildProcess
  /** everything it printed so far */
  output(): string
  stop(): Promise<void>
}

const BANNER =
  /albkit local ALB on (http:\/\/\S+) \(admin (http:\/\/[^,)\s]+)(?:, S3 (http:\/\/[^)\s]+))?\)/

/**
 * @example
 * const dev = await startDev({ templates: ['e2e/fixtures/attacks.yaml'], cwd: dir, env: { PATH: process.env.PATH } })
 * await fetch(`${dev.url}/whoami`); await dev.stop()
 */
export function startDev(options: {
  templates: string[]
  cwd: string
  env: Record<string, string>
  args?: string[]
}): Promise<DevProcess> {
  const cli = join(REPO, 'packages/cli/bin/albkit.mjs')
  const args = ['dev', '--port', '0', '--admin-port', '0', '--s3-port', '0', '--no-watch']
  for (const template of options.templates) args.push('--template', template)
  const child = spawn(process.execPath, [cli, ...args, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    // bounded: the banner is near the start, later lines only matter for a failure message
    output = (output + chunk.toString('utf8')).slice(-200_000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`albkit dev did not start within 30 s:\n${output}`))
    }, 30_000)
    const onData = () => {
      const banner = BANNER.exec(output)
      if (banner === null) return
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      const [, url = '', adminUrl = '', s3Url] = banner
      resolve({ url, adminUrl, s3Url, child, output: () => output, stop })
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`albkit dev exited with ${code} before it served:\n${output}`))
    })
  })
}
