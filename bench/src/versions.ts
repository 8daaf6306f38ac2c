/** Installed versions of the peers and tools, read from their package.json files. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const PACKAGES = [
  '@middy/core',
  'hono',
  '@codegenie/serverless-express',
  'express',
  '@aws-lambda-powertools/event-handler',
  'lambda-api',
  'osls',
  'serverless-offline',
  'mitata',
  'autocannon',
  'esbuild',
]

export function versions(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of PACKAGES) {
    try {
      const file = fileURLToPath(new URL(`../node_modules/${name}/package.json`, import.meta.url))
      out[name] = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
    } catch {
      out[name] = 'not installed'
    }
  }
  return out
}
