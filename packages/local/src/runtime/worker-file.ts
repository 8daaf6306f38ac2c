/** Where the instance entry (plain JS, built to dist/worker.mjs) is, from the bundle or from src. */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * @example
 * new Worker(workerFile())
 */
export function workerFile(): string {
  for (const candidate of ['./worker.mjs', '../../dist/worker.mjs', '../dist/worker.mjs']) {
    const file = fileURLToPath(new URL(candidate, import.meta.url))
    if (existsSync(file)) return file
  }
  throw new Error(
    '@albkit/local: dist/worker.mjs is missing; run `pnpm --filter @albkit/local build` first',
  )
}
