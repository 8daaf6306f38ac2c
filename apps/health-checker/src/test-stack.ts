// The app behind the local load balancer for tests (not part of the bundle): read from the real
// SAM templates by @albkit/local's startScratch (ephemeral ports, quiet, S3 and logs in a scratch
// directory).
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  type LocalAlb,
  type LocalConfig,
  loadConfig,
  type StartOptions,
  startScratch,
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
  const alb = await startScratch({ templates, config, ...options(config) }, prefix)
  return { alb, config, close: () => alb.close() }
}
