// The app behind the local load balancer for tests (not part of the bundle): read from the real
// SAM templates by @albkit/local's startScratch (ephemeral ports, quiet, S3 and logs in a scratch
// directory).
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type LocalAlb, type StartOptions, startScratch } from '@albkit/local'

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
  const templates = [
    join(repo, 'templates/sam/alb.yaml'),
    join(repo, 'templates/sam/upload-to-s3.yaml'),
  ]
  const alb = await startScratch({ templates, ...options }, prefix)
  return { alb, close: () => alb.close() }
}
