/** Where the built entries (plain JS, in dist/) are, from the bundle or from src. */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * A built entry of @albkit/local by file name.
 * @example
 * fork(distEntry('s3-process.mjs'))
 */
export function distEntry(name: string): string {
  for (const candidate of [`./${name}`, `../../dist/${name}`, `../dist/${name}`]) {
    const file = fileURLToPath(new URL(candidate, import.meta.url))
    if (existsSync(file)) return file
  }
  throw new Error(
    `@albkit/local: dist/${name} is missing; run \`pnpm --filter @albkit/local build\` first`,
  )
}

/**
 * The instance entry (dist/worker.mjs).
 * @example
 * new Worker(workerFile())
 */
export function workerFile(): string {
  return distEntry('worker.mjs')
}
