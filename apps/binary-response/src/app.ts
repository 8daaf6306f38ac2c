import { type AlbRequest, type HttpResponse, json } from '@albkit/core'
import { createRouter, type Router } from '@albkit/middy'
import type { AssetRegistry } from './assets.js'
import { ifNoneMatchHits } from './conditional.js'
import { describeAssets, listingResponse, PREFIX } from './listing.js'
import { type OversizedOptions, oversizedResponse } from './oversized.js'
import { renderRoute } from './render-route.js'
import { type AssetRequest, serveAsset } from './serve-asset.js'

const NO_STORE = { 'Cache-Control': 'no-store' }

/** Everything the logic needs, passed in so tests can use fakes. */
export interface BinaryAppDeps {
  registry: AssetRegistry
  oversized: OversizedOptions
}

/**
 * The whole app: `GET|HEAD /binary/` (JSON listing or HTML gallery), `/binary/render.png?…`
 * (rendered PNG), `/binary/<asset>` (bundled asset); 405 with Allow, 404 elsewhere (an unknown
 * asset name: 404 JSON with the names).
 *
 * @example
 * const routes = binaryResponse(deps)
 * export const handler = albHandler((_e, context) => routes.handle(context.alb))
 */
export function binaryResponse(deps: BinaryAppDeps): Router {
  return createRouter({ notFound: `Not found: paths start with ${PREFIX}` })
    .get(PREFIX, (req) =>
      listingResponse(req, describeAssets(deps.registry.list(), deps.oversized.bucket)),
    )
    .get(`${PREFIX}render.png`, (req) => {
      const query: Array<[string, string]> = []
      for (const [key, values] of req.query.entries()) query.push([key, values.at(-1) ?? ''])
      return renderRoute(query, assetRequest(req))
    })
    .get(`${PREFIX}:name`, (req, { name = '' }) => asset(req, name, deps))
}

/** What serving needs from the request: GET or HEAD (the router sends HEAD to the GET route). */
function assetRequest(req: AlbRequest): AssetRequest {
  return { method: req.method === 'HEAD' ? 'HEAD' : 'GET', header: (name) => req.headers.get(name) }
}

async function asset(req: AlbRequest, name: string, deps: BinaryAppDeps): Promise<HttpResponse> {
  const view = assetRequest(req)
  const found = deps.registry.get(name)
  if (!found) {
    return json(
      {
        error: `No asset named '${name.slice(0, 100)}'`,
        assets: deps.registry.list().map((a) => a.name),
      },
      { statusCode: 404, headers: NO_STORE },
    )
  }
  if (
    !found.embedded &&
    view.method === 'GET' &&
    !ifNoneMatchHits(view.header('if-none-match'), found.etag)
  ) {
    return oversizedResponse(found, deps.oversized)
  }
  return serveAsset(found, view)
}
