// Child process: the albkit local load balancer serving one template, in the isolation mode
// given (default 'thread'). Plain .mjs so the function instances (worker threads) do not inherit
// a TypeScript loader. argv: <template> <logDir> [isolation]. Prints "listening <url>" once ready.
import { start } from '@albkit/local'

const [template, logDir, isolation = 'thread'] = process.argv.slice(2)
const alb = await start({
  templates: [template],
  port: 0,
  adminPort: 0,
  s3: false,
  quiet: true,
  logDir,
  isolation,
})
process.stdout.write(`listening ${alb.url}\n`)
// the memory benchmark asks for a full collection of this (main) thread before it reads RSS
process.on('SIGUSR2', () => globalThis.gc?.())
process.on('SIGTERM', () => {
  alb.close().then(() => process.exit(0))
})
