import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startOfflineBridge } from './offline/start-offline-bridge.js'
import { requireApp } from './workspace.js'

/**
 * `offline <app> [--port 3000] [--s3-port 4569]`: build the app, then run its serverless.yml
 * under serverless-offline behind the offline bridge (offline/start-offline-bridge.ts): the
 * ALB's forwarded headers added by a front on `--port`, each function's environment resolved as
 * deployed, the template's buckets in a local S3 (data in `.albkit/s3`, as `pnpm dev`). The
 * rest of serverless-offline's ALB emulation is as it is (docs/conformance.md); `pnpm dev` runs
 * the local load balancer instead.
 *
 * @example
 * await offlineCommand('/repo', 'whats-my-ip', ['--port', '3100'])
 */
export async function offlineCommand(
  root: string,
  name: string | undefined,
  extra: string[],
): Promise<number> {
  const app = requireApp(root, name)
  const { values } = parseArgs({
    args: extra,
    options: { port: { type: 'string' }, 's3-port': { type: 'string' } },
  })
  const port = portOption(values.port, 'port', 3000)
  const s3Port = portOption(values['s3-port'], 's3-port', 4569)
  const built = spawnSync('pnpm', ['--filter', `@albkit/app-${app.name}...`, 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (built.status !== 0) return built.status ?? 1
  const bridge = await startOfflineBridge({
    serverlessYml: app.serverless,
    port,
    s3: { port: s3Port, dir: join(root, '.albkit', 's3') },
    echo: process.stdout,
  })
  const s3 =
    bridge.s3Endpoint === undefined
      ? ''
      : `  local S3 ${bridge.s3Endpoint} (buckets: ${bridge.buckets.join(', ')}; data in .albkit/s3)\n`
  console.log(
    `\n${app.name} under serverless-offline, behind an ALB front: ${bridge.url}\n${s3}  Ctrl-C stops it`,
  )
  return new Promise((done) => {
    const stop = () => bridge.stop().then(() => done(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

function portOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--${name} ${value}: not a port number (0–65535)`)
  return port
}
