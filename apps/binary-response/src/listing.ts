import { type AlbRequest, type HttpResponse, json } from '@albkit/core'
import { pickFormat } from '@albkit/middy'
import type { Asset } from './assets.js'
import { galleryPage } from './gallery-page.js'
import { RENDER_BOUNDS } from './render-params.js'

/** Where the app answers; every URL in the listing starts with it. */
export const PREFIX = '/binary/'

/** How a client gets an asset: in the response, redirected to the bucket, or not at all. */
export type Delivery = 'inline' | 'redirect' | 'unavailable'

/** One asset as the listing describes it. */
export interface ListedAsset {
  name: string
  url: string
  contentType: string
  bytes: number
  sha256: string
  delivery: Delivery
}

/** What the listing says, in JSON or as the gallery. */
export interface Listing {
  assets: ListedAsset[]
  render: { url: string; bounds: typeof RENDER_BOUNDS }
}

/** JSON first: curl's *\/* and API clients keep the JSON they always had; browsers get the gallery. */
const LISTING_FORMATS = { json: 'application/json', html: 'text/html' } as const

/**
 * The assets and how each is delivered (an asset too large for a Lambda result is redirected
 * to the bucket when there is one).
 *
 * @example
 * describeAssets(registry.list(), 'my-assets').assets[0] // { name: 'logo.png', url: '/binary/logo.png', … }
 */
export function describeAssets(assets: readonly Asset[], bucket: string | undefined): Listing {
  const hasBucket = Boolean(bucket?.trim())
  return {
    assets: assets.map((a) => ({
      name: a.name,
      url: `${PREFIX}${a.name}`,
      contentType: a.contentType,
      bytes: a.size,
      sha256: a.sha256,
      delivery: a.embedded ? 'inline' : hasBucket ? 'redirect' : 'unavailable',
    })),
    render: { url: `${PREFIX}render.png?text=albkit&size=128`, bounds: RENDER_BOUNDS },
  }
}

/**
 * `GET /binary/`: the listing as JSON (`Accept: application/json`, `?format=json`, curl,
 * no Accept) or as an HTML gallery for browsers (`?format=html`, Accept preferring HTML).
 *
 * @example
 * listingResponse(context.alb, describeAssets(registry.list(), bucket))
 */
export function listingResponse(req: AlbRequest, listing: Listing): HttpResponse {
  const format = pickFormat(req, LISTING_FORMATS, { fallback: 'json' })
  const response =
    format === 'html'
      ? galleryPage(req, listing)
      : json(listing, { headers: { 'Cache-Control': 'no-store' } })
  return { ...response, headers: { ...response.headers, Vary: 'Accept' } }
}
