// The app behind the local load balancer for tests (not part of the bundle): read from the real
// SAM templates, ephemeral ports, quiet, its embedded S3 and logs in a scratch directory.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type LocalAlb, type StartOptions, start } from '@albkit/local'

const repo = resolve(fileURLToPath(import.meta.url), '../../../..')

/** A running local stack and the one call that stops it and removes its scratch directory. */
export interface TestStack {
  alb: LocalAlb
  close(): Promise<void>
}

/**
 * Start upload-to-s3 behind the local load balancer; `options` override the defaults (e.g.
 * `s3: false` with an `env` pointing the app elsewhere).
 *
 * @example
 * const stack = await startUploadStack('albkit-upload-')
 * await fetch(`${stack.alb.url}/upload`, { method: 'POST', body })
 * await stack.close()
 */
export async function startUploadStack(
  prefix: string,
  options: Partial<StartOptions> = {},
): Promise<TestStack> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  const removeDir = () => rm(dir, { recursive: true, force: true })
  try {
    const alb = await start({
      templates: [
        join(repo, 'templates/sam/alb.yaml'),
        join(repo, 'templates/sam/upload-to-s3.yaml'),
      ],
      port: 0,
      adminPort: 0,
      s3: { port: 0, dir: join(dir, 's3') },
      logDir: join(dir, 'logs'),
      quiet: true,
      ...options,
    })
    return {
      alb,
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
