/**
 * Start the local load balancer: read the templates, start the embedded S3, the listener, the
 * admin server and the health checks. `close()` releases every handle.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ConfigError, type LocalConfig, loadConfig } from './config/index.js'
import { captureExchange, captureRefused } from './console/capture-exchange.js'
import { ExchangeStore } from './console/exchange-store.js'
import { TargetHistory } from './console/target-history.js'
import { localS3Environment } from './local-s3-client-config.js'
import { createAdminServer } from './runtime/admin-server.js'
import { Balancer } from './runtime/balancer.js'
import type { XffMode } from './runtime/build-event.js'
import { functionEnv } from './runtime/function-env.js'
import { FunctionPool, type Isolation } from './runtime/function-pool.js'
import { HealthChecker, type TargetReport } from './runtime/health-checker.js'
import { createFront } from './runtime/http-front.js'
import { type LocalS3Control, localS3Control } from './runtime/local-s3.js'
import { LogSink } from './runtime/log-sink.js'
import { formatRouteTable, routeTable } from './runtime/route-table.js'
import { type CodeWatcher, watchCode } from './runtime/watch-code.js'
import { workerFile } from './runtime/worker-file.js'

export type { LocalS3Control }

export interface StartOptions {
  /** template files (SAM / CloudFormation / serverless.yml) read as one listener */
  templates: string[]
  /** an already built config instead of reading templates (tests) */
  config?: LocalConfig
  /** listener port; default 3000, 0 = ephemeral */
  port?: number
  /** the listener's address; default 127.0.0.1 (the admin server and console: always 127.0.0.1) */
  host?: string
  /** admin server port; default 3001, 0 = ephemeral */
  adminPort?: number
  /** embedded S3; default on at 127.0.0.1:4569 with data in `.albkit/s3` */
  s3?: boolean | { port?: number; dir?: string }
  /** access-log directory; default `.albkit/logs` */
  logDir?: string
  /** extra environment variables for every function */
  env?: Record<string, string>
  /** multiplies health-check intervals and timeouts (e.g. 0.1); default 1 */
  healthCheckScale?: number
  /** replace instances when a function's code changes; default false */
  watch?: boolean
  /** no console lines; default false */
  quiet?: boolean
  /** random source for weighted forwards; default Math.random */
  random?: () => number
  /** X-Forwarded-For processing when a target group does not set it; default append */
  xffMode?: XffMode
  /**
   * Reorder response headers and the values of a multi-value header, as the real ALB may
   * (ELB user guide note; serverless-http issue #244), so order-dependent apps fail locally.
   * Default false.
   */
  shuffleHeaders?: boolean
  /** local cap on instances per function without reserved concurrency; default 32 */
  maxInstancesPerFunction?: number
  /**
   * 'thread' (default): a worker thread per instance. 'shared': each function's instances share
   * a few threads (cores − 1, at least 1), each its own module instance — faster hand-offs, but a timeout or crash
   * ends every instance on that thread (their running requests get 502).
   */
  isolation?: Isolation
  /** isolation 'shared': threads per function; default cores − 1, at least 1 */
  threadsPerFunction?: number
  region?: string
  accountId?: string
  /** ms to receive the request headers, else 408 and close; default 10 000 */
  headersTimeout?: number
  /** ms to receive the whole request (not the function's run time); default 30 000 */
  requestTimeout?: number
  /** ms an idle keep-alive connection stays open; default 60 000 (the ALB's idle timeout) */
  keepAliveTimeout?: number
  /**
   * The console on the admin port: how many exchanges it keeps (default 200) and how many bytes
   * of each body (default 64 KB); `false`: no console, nothing captured.
   */
  console?: false | { exchanges?: number; bodyBytes?: number }
}

export interface LocalAlb {
  url: string
  adminUrl: string
  s3Endpoint?: string
  /** the embedded S3, when on: `await alb.s3?.stop()` / `await alb.s3?.start()` */
  s3?: LocalS3Control
  accessLogFile: string
  /** the functions' output with `quiet` (`<logDir>/functions.log`: function, request id, line) */
  functionsLogFile: string
  config: LocalConfig
  targets(): TargetReport[]
  /** the console's captured exchanges (undefined with `console: false`): `list()`, `get(id)`, `subscribe()` */
  exchanges?: ExchangeStore
  /** live instances per function name */
  instances(): Record<string, number>
  close(): Promise<void>
}

/** The admin server (the console) listens on the loopback only. */
const ADMIN_HOST = '127.0.0.1'

async function listen(server: Server, port: number, host: string, what: string): Promise<number> {
  await new Promise<void>((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        err.code === 'EADDRINUSE'
          ? new Error(`${what}: port ${port} on ${host} is already in use (choose another port)`)
          : err,
      ),
    )
    server.listen(port, host, () => ok())
  })
  return (server.address() as AddressInfo).port
}

function closeServer(server: Server): Promise<void> {
  return new Promise((ok) => {
    if (!server.listening) return ok()
    server.close(() => ok())
    server.closeAllConnections()
  })
}

/**
 * @example
 * const alb = await start({ templates: ['templates/sam/alb.yaml', 'templates/sam/whats-my-ip.yaml'], port: 0 })
 * await fetch(`${alb.url}/ip`)
 * await alb.close()
 */
export async function start(options: StartOptions): Promise<LocalAlb> {
  const region = options.region ?? 'us-east-1'
  const config =
    options.config ??
    (await loadConfig(options.templates, { region, accountId: options.accountId }))
  for (const fn of config.functions) {
    if (!existsSync(fn.handlerFile)) {
      throw new ConfigError(
        `${fn.templateFile}: ${fn.logicalId}.Handler: ${fn.handlerFile} does not exist (build the app first?)`,
      )
    }
  }
  const host = options.host ?? '127.0.0.1'
  const store =
    options.console === false
      ? undefined
      : new ExchangeStore({
          size: options.console?.exchanges,
          bodyBytes: options.console?.bodyBytes,
        })
  const sink = new LogSink(resolve(options.logDir ?? '.albkit/logs'), options.quiet === true)
  if (store !== undefined) {
    sink.exchanges = (ex) => store.add(captureExchange(ex, store))
    sink.refused = (req, entry) => store.add(captureRefused(req, entry, store))
  }
  const history = new TargetHistory()
  const cleanups: Array<() => Promise<void> | void> = [() => sink.close()]
  const closeAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup()
  }
  try {
    let s3: LocalS3Control | undefined
    if (options.s3 !== false) {
      const s3opts = typeof options.s3 === 'object' ? options.s3 : {}
      s3 = await localS3Control({
        host: '127.0.0.1',
        port: s3opts.port ?? 4569,
        dir: resolve(s3opts.dir ?? '.albkit/s3'),
        buckets: config.buckets.map((b) => b.bucketName),
        onReport: (line) => sink.info(line),
      })
      cleanups.push(() => s3?.stop())
    }
    // the functions' HOME: private and empty, never the developer's (no ~/.aws to find)
    const home = mkdtempSync(join(tmpdir(), 'albkit-home-'))
    cleanups.push(() => rmSync(home, { recursive: true, force: true }))
    const pools = new Map<string, FunctionPool>()
    const file = workerFile()
    for (const fn of config.functions) {
      const env = functionEnv(fn, {
        region,
        s3: s3 === undefined ? {} : localS3Environment(s3.endpoint),
        home,
        overrides: options.env ?? {},
      })
      pools.set(
        fn.logicalId,
        new FunctionPool(fn, {
          workerFile: file,
          env,
          region,
          maxInstances: options.maxInstancesPerFunction ?? 32,
          isolation: options.isolation ?? 'thread',
          threads: options.threadsPerFunction,
          onOutput: (line, stream) => {
            sink.functionLine(`${fn.functionName} ${line}`, stream)
            store?.functionLine(line, stream)
          },
        }),
      )
    }
    cleanups.push(() => Promise.all([...pools.values()].map((p) => p.close())).then(() => {}))
    let listenerPort = 0
    const balancer = new Balancer({
      config,
      pools,
      random: options.random ?? Math.random,
      listenerPort: () => listenerPort,
      xffMode: options.xffMode ?? 'append',
      shuffleHeaders: options.shuffleHeaders ?? false,
      captureChars: () => (store?.watching === true ? store.limits.bodyBytes : undefined),
    })
    const front = createFront({
      balancer,
      sink,
      elbName: 'app/albkit-local/0000000000000000',
      timeouts: {
        headersTimeout: options.headersTimeout,
        requestTimeout: options.requestTimeout,
        keepAliveTimeout: options.keepAliveTimeout,
      },
    })
    cleanups.push(() => closeServer(front))
    listenerPort = await listen(front, options.port ?? 3000, host, 'load balancer')
    const health = new HealthChecker(
      config,
      pools,
      (line) => sink.info(line),
      options.healthCheckScale ?? 1,
      history.observe,
    )
    cleanups.push(() => health.stop())
    const targets = () => health.reports()
    const admin = createAdminServer(
      config,
      targets,
      store === undefined ? undefined : { config, pools, store, history, targets },
    )
    cleanups.push(() => closeServer(admin))
    // the console shows requests' headers and bodies and can replay: loopback only, whatever `host`
    const adminPort = await listen(admin, options.adminPort ?? 3001, ADMIN_HOST, 'admin server')
    health.start()
    let watcher: CodeWatcher | undefined
    if (options.watch === true) {
      watcher = watchCode(
        config.functions,
        (fn) => pools.get(fn.logicalId)?.replaceAll(),
        (line) => sink.info(line),
      )
      cleanups.push(() => watcher?.close())
    }
    const url = `http://${host}:${listenerPort}`
    const adminUrl = `http://${ADMIN_HOST}:${adminPort}`
    for (const warning of config.warnings) sink.info(`warning: ${warning}`)
    sink.info(
      `albkit local ALB on ${url} (admin ${adminUrl}${s3 ? `, S3 ${s3.endpoint}` : ''})\n${store === undefined ? '' : `console: ${adminUrl}/\n`}${formatRouteTable(routeTable(config))}`,
    )
    return {
      url,
      adminUrl,
      s3Endpoint: s3?.endpoint,
      s3,
      accessLogFile: sink.accessLogFile,
      functionsLogFile: sink.functionsLogFile,
      config,
      targets: () => health.reports(),
      exchanges: store,
      instances: () =>
        Object.fromEntries([...pools.values()].map((p) => [p.fn.functionName, p.size])),
      close: closeAll,
    }
  } catch (err) {
    await closeAll()
    throw err
  }
}
