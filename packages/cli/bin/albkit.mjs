#!/usr/bin/env node
// The albkit command: loads the build of @albkit/cli. Committed (not built) so that
// `pnpm install` can link it before anything is built.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../dist/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  console.error('albkit: @albkit/cli is not built — run `pnpm build` in the albkit workspace first')
  process.exit(1)
}
await import(cli.href)
