/**
 * `pnpm offline <app>` as a whole: the app's serverless.yml under serverless-offline, with what
 * serverless-offline leaves out bridged from outside the app — the function environment the
 * deployed stack would resolve (and none of the developer's AWS credentials), a local S3 holding
 * the template's buckets, and a front that adds the ALB's forwarded headers. The apps run
 * unchanged: no local-only branch in them.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startOffline } from '@albkit/conformance'
import { type LocalS3Control, localS3Control, localS3Environment } from '@albkit/local'
import { type AlbFront, startAlbFront } from './alb-front.js'
import { readOfflineService, writeOfflineService } from './offline-service.js'
import { portInUse } from './port-in-use.js'
import { sealedEnvironment } from './sealed-environment.js'

/** Where the bridge listens and keeps data. */
export interface OfflineBridgeOptions {
  serverlessYml: string
  /** the front the user calls; default 3000, 0 = any free port */
  port?: number
  /** the local S3; default 4569 with data in `.albkit/s3` (as `pnpm dev`); 0 = any free port */
  s3?: { port: number; dir: string }
  /** where osls's own output goes (default: nowhere) */
  echo?: NodeJS.WritableStream
}

/** A running bridge. */
export interface OfflineBridge {
  /** the ALB-like front, e.g. http://127.0.0.1:3000 */
  url: string
  /** serverless-offline's own ALB port, behind the front */
  offlineUrl: string
  /** the local S3, when the template declares buckets */
  s3Endpoint: string | undefined
  buckets: string[]
  stop(): Promise<void>
}

/**
 * @example
 * const bridge = await startOfflineBridge({ serverlessYml: 'templates/serverless/whats-my-ip/serverless.yml' })
 * await fetch(`${bridge.url}/ip`) // 200, the page shows 127.0.0.1
 * await bridge.stop()
 */
export async function startOfflineBridge(options: OfflineBridgeOptions): Promise<OfflineBridge> {
  const service = await readOfflineService(options.serverlessYml)
  const port = options.port ?? 3000
  const s3Port = options.s3?.port ?? 4569
  if (await portInUse(port)) throw new Error(`port ${port} is already in use (pass --port <n>)`)
  if (service.buckets.length > 0 && (await portInUse(s3Port)))
    throw new Error(`local S3: port ${s3Port} is already in use (pass --s3-port <n>)`)
  const dir = await mkdtemp(join(tmpdir(), 'albkit-offline-'))
  const undo: Array<() => Promise<unknown>> = [() => rm(dir, { recursive: true, force: true })]
  const stop = async () => {
    const steps = undo.splice(0).reverse()
    for (const step of steps) await step().catch(() => undefined)
  }
  try {
    // a local S3 only for an app whose template declares buckets
    let s3: LocalS3Control | undefined
    if (service.buckets.length > 0) {
      const started = await localS3Control({
        host: '127.0.0.1',
        port: s3Port,
        dir: options.s3?.dir ?? join(process.cwd(), '.albkit', 's3'),
        buckets: service.buckets,
      })
      undo.push(() => started.stop())
      s3 = started
    }
    await writeOfflineService(service, dir, {
      ...sealedEnvironment(process.env),
      ...(s3 ? localS3Environment(s3.endpoint) : {}),
    })
    const offline = await startOffline(dir, undefined, options.echo)
    undo.push(() => offline.stop())
    const front: AlbFront = await startAlbFront({ port, upstream: offline.url })
    undo.push(() => front.close())
    return {
      url: front.url,
      offlineUrl: offline.url,
      s3Endpoint: s3?.endpoint,
      buckets: service.buckets,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
