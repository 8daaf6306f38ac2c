import { type AlbRequest, type HttpResponse, json } from '@albkit/core'
import type { AssetRegistry } from './assets.js'
import { ifNoneMatchHits } from './conditional.js'
import { type OversizedOptions, oversizedResponse } from './oversized.js'
import { RENDER_BOUNDS } from './render-params.js'
import { renderRoute } from './render-route.js'
import { type AssetRequest, serveAsset } from './serve-asset.js'

/** Everything the logic needs, passed in so tests can use fakes. */
export interface BinaryAppDeps {
  registry: AssetRegistry
  oversized: OversizedOptions
}

export const PREFIX = '/binary/'
const NO_STORE = { 'Cache-Control': 'no-store' }

function listing(deps: BinaryAppDeps): HttpResponse {
  const hasBucket = Boolean(deps.oversized.bucket?.trim())
  return json(
    {
      assets: deps.registry.list().map((a) => ({
        name: a.name,
        url: `${PREFIX}${a.name}`,
        contentType: a.contentType,
        bytes: a.size,
        sha256: a.sha256,
        delivery: a.embedded ? 'inline' : hasBucket ? 'redirect' : 'unavailable',
      })),
      render: { url: `${PREFIX}render.png?text=albkit&size=128`, bounds: RENDER_BOUNDS },
    },
    { headers: NO_STORE },
  )
}

/**
 * The whole app: `GET|HEAD /binary/` (JSON listing), `/binary/render.png?…` (rendered PNG),
 * `/binary/<asset>` (bundled asset). Other methods → 405 with Allow; unknown names → 404 JSON.
 *
 * @example
 * export const handler = middy().use(albDefaults()).handler((_e, ctx) => binaryResponse(ctx.alb, deps))
 */
export async function binaryResponse(req: AlbRequest, deps: BinaryAppDeps): Promise<HttpResponse> {
  const method = req.method
  if (method !== 'GET' && method !== 'HEAD') {
    return json(
      { error: `Method ${method.slice(0, 20)} not allowed; use GET or HEAD` },
      { statusCode: 405, headers: { Allow: 'GET, HEAD', ...NO_STORE } },
    )
  }
  const view: AssetRequest = { method, header: (name) => req.headers.get(name) }
  if (!req.path.startsWith(PREFIX)) {
    return json(
      { error: `Not found: paths start with ${PREFIX}` },
      { statusCode: 404, headers: NO_STORE },
    )
  }
  const name = req.path.slice(PREFIX.length)
  if (name === '') return listing(deps)
  if (name === 'render.png') {
    const query: Array<[string, string]> = []
    for (const [key, values] of req.query.entries()) query.push([key, values.at(-1) ?? ''])
    return renderRoute(query, view)
  }
  const asset = deps.registry.get(name)
  if (!asset) {
    return json(
      {
        error: `No asset named '${name.slice(0, 100)}'`,
        assets: deps.registry.list().map((a) => a.name),
      },
      { statusCode: 404, headers: NO_STORE },
    )
  }
  if (
    !asset.embedded &&
    method === 'GET' &&
    !ifNoneMatchHits(view.header('if-none-match'), asset.etag)
  ) {
    return oversizedResponse(asset, deps.oversized)
  }
  return serveAsset(asset, view)
}
