// Compiles @albkit/conformance with tsc and ships the echo handler the echo service points at.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'

execFileSync(
  process.execPath,
  [
    new URL('../../node_modules/typescript/bin/tsc', import.meta.url).pathname,
    '-p',
    'tsconfig.build.json',
  ],
  { stdio: 'inherit' },
)
mkdirSync('dist', { recursive: true })
// plain JS loaded by the emulator under test, not compiled: written beside echo-service.js
copyFileSync('src/echo-handler.mjs', 'dist/echo-handler.mjs')
