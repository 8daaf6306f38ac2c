import { type AlbStackOptions, albHandler } from '@albkit/middy'
import { type BinaryAppDeps, binaryResponse } from './app.js'
import { createAssetRegistry } from './assets.js'
import { ASSET_DATA } from './generated/asset-data.js'
import type { Presign } from './oversized.js'

/**
 * The AWS SDK is needed only to presign the oversized asset's URL: load it on that path only.
 * @albkit/build splits this import() target into its own files under dist/chunks/, so the SDK
 * adds nothing to index.mjs's size or cold start.
 */
async function loadPresign(): Promise<Presign> {
  const { presignGet } = await import('./presign/index.mjs')
  return presignGet
}

/** The dependencies from the environment: ASSETS_BUCKET, ASSETS_PREFIX (default `binary/`). */
export function depsFromEnv(env: NodeJS.ProcessEnv = process.env): BinaryAppDeps {
  return {
    registry: createAssetRegistry(ASSET_DATA),
    oversized: {
      bucket: env.ASSETS_BUCKET,
      keyPrefix: env.ASSETS_PREFIX ?? 'binary/',
      expiresInSeconds: 300,
      presign: loadPresign,
    },
  }
}

/**
 * Wire the logic into middy with the standard stack. Compression stays the app's own, core's
 * `compress` is left off: assets are compressed once at maximum quality and cached (core
 * compresses per response at a fast setting), If-None-Match is matched against the coded
 * variant's ETag before any bytes are produced (304 without compressing), and a HEAD carries
 * the same Content-Encoding/ETag as the GET would. The coding choice is core's `pickEncoding`.
 *
 * @example
 * export const handler = createHandler(depsFromEnv())
 */
export function createHandler(deps: BinaryAppDeps, options: AlbStackOptions = {}) {
  const routes = binaryResponse(deps)
  return albHandler((_event, context) => routes.handle(context.alb), {
    ...options,
    compress: false,
  })
}

export const handler = createHandler(depsFromEnv())
