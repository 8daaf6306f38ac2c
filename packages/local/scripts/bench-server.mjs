// A server for bench.mjs: `raw` (plain node:http answering like the hello handler) or
// `albkit [thread|shared|sharedN]` (dist/index.mjs forwarding to fixtures' hello handler, in that
// isolation mode; sharedN: N threads per function). Prints its URL on stdout.
import { createServer } from 'node:http'

const kind = process.argv[2]
if (kind === 'raw') {
  const body = '{"ok":true}'
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length })
    res.end(body)
  })
  server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`))
} else {
  const { start } = await import('../dist/index.mjs')
  const handlers = new URL('../src/runtime/fixtures/handlers.mjs', import.meta.url).pathname
  const fn = {
    logicalId: 'Hello',
    functionName: 'hello',
    templateFile: 'bench',
    codeDir: '.',
    handlerFile: handlers,
    handlerExport: 'hello',
    timeoutSeconds: 3,
    memoryMb: 128,
    environment: {},
    functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:hello',
  }
  const tgArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/hello/0'
  const config = {
    functions: [fn],
    targetGroups: [
      {
        logicalId: 'Tg',
        name: 'hello',
        arn: tgArn,
        templateFile: 'bench',
        functionLogicalId: 'Hello',
        multiValueHeaders: false,
        healthCheck: {
          enabled: false,
          path: '/',
          intervalSeconds: 35,
          timeoutSeconds: 30,
          healthyThreshold: 5,
          unhealthyThreshold: 2,
          matcher: '200',
        },
      },
    ],
    rules: [
      {
        priority: 'default',
        conditions: [],
        action: { type: 'forward', targetGroups: [{ arn: tgArn, weight: 1 }] },
        logicalId: 'L',
        templateFile: 'bench',
      },
    ],
    buckets: [],
    warnings: [],
  }
  const alb = await start({
    templates: [],
    config,
    port: 0,
    adminPort: 0,
    s3: false,
    quiet: true,
    logDir: '/tmp/albkit-bench-logs',
    // `shared1`: isolation 'shared' with one thread per function instead of one per core
    isolation: (process.argv[3] ?? 'thread').replace(/\d+$/, ''),
    threadsPerFunction: Number(process.argv[3]?.match(/\d+$/)?.[0] ?? 0) || undefined,
  })
  console.log(alb.url)
  if (!process.env.NO_SIGTERM) process.on('SIGTERM', () => alb.close().then(() => process.exit(0)))
}
