import { spawn, spawnSync } from 'node:child_process'
import { dirname } from 'node:path'
import { oslsBin, oslsEnv } from './validate/sls-package.js'
import { requireApp } from './workspace.js'

/**
 * `offline <app>`: build the app, then run its serverless.yml under serverless-offline (ALB
 * mode on http://localhost:3000). Its ALB emulation is not faithful (see docs/deploy.md);
 * `pnpm dev` runs the local load balancer instead.
 *
 * @example
 * await offlineCommand('/repo', 'whats-my-ip', [])
 */
export async function offlineCommand(
  root: string,
  name: string | undefined,
  extra: string[],
): Promise<number> {
  const app = requireApp(root, name)
  const built = spawnSync('pnpm', ['--filter', `@albkit/app-${app.name}...`, 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (built.status !== 0) return built.status ?? 1
  const child = spawn(process.execPath, [oslsBin(), 'offline', 'start', ...extra], {
    cwd: dirname(app.serverless),
    env: oslsEnv(),
    stdio: 'inherit',
  })
  const stop = () => child.kill('SIGINT')
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return new Promise((done) => child.on('exit', (code) => done(code ?? 0)))
}
