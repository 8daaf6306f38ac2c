/**
 * The local load balancer for an app's integration tests: ephemeral ports, quiet, its embedded
 * S3 and its logs in a fresh scratch directory that `close()` removes.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type LocalAlb, type StartOptions, start } from './start.js'

/**
 * `start()` with test defaults (port 0, admin port 0, S3 on port 0, quiet) and a scratch
 * directory for S3 data and logs; any option given overrides a default.
 *
 * @example
 * const alb = await startScratch({ templates: ['templates/sam/alb.yaml', 'templates/sam/my-app.yaml'] })
 * try { await fetch(`${alb.url}/my-app`) } finally { await alb.close() }
 */
export async function startScratch(
  options: StartOptions,
  prefix = 'albkit-scratch-',
): Promise<LocalAlb> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  const removeDir = () => rm(dir, { recursive: true, force: true })
  try {
    const alb = await start({
      port: 0,
      adminPort: 0,
      s3: { port: 0, dir: join(dir, 's3') },
      logDir: join(dir, 'logs'),
      quiet: true,
      ...options,
    })
    const close = alb.close
    alb.close = async () => {
      await close()
      await removeDir()
    }
    return alb
  } catch (error) {
    await removeDir()
    throw error
  }
}
