// The app behind the local load balancer for tests (not part of the bundle): read from the real
// SAM templates, ephemeral ports, quiet, its embedded S3 and logs in a scratch directory.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  type LocalAlb,
  type LocalConfig,
  loadConfig,
  type StartOptions,
  start,
} from '@albkit/local'

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const templates = [
  join(repo, 'templates/sam/alb.yaml'),
  join(repo, 'templates/sam/health-checker.yaml'),
]

/** A running local stack, the config it was started with, and the call that stops it. */
export interface TestStack {
  alb: LocalAlb
  config: LocalConfig
  /** stops the load balancer and removes the scratch directory */
  close(): Promise<void>
}

/**
 * Start health-checker behind the local load balancer; `options` sees the loaded config (e.g. to
 * point a probe at the template's bucket) and overrides the defaults.
 *
 * @example
 * const stack = await startHealthStack('health-alb-', (config) => ({ healthCheckScale: 0.05 }))
 * await fetch(`${stack.alb.url}/health`)
 * await stack.close()
 */
export async function startHealthStack(
  prefix: string,
  options: (config: LocalConfig) => Partial<StartOptions> = () => ({}),
): Promise<TestStack> {
  const config = await loadConfig(templates)
  const dir = await mkdtemp(join(tmpdir(), prefix))
  const removeDir = () => rm(dir, { recursive: true, force: true })
  try {
    const alb = await start({
      templates,
      config,
      port: 0,
      adminPort: 0,
      s3: { port: 0, dir: join(dir, 's3') },
      logDir: join(dir, 'logs'),
      quiet: true,
      ...options(config),
    })
    return {
      alb,
      config,
      close: async () => {
        await alb.close()
        await removeDir()
      },
    }
  } catch (error) {
    await removeDir()
    throw error
  }
}
