import { binary, empty, type HttpResponse, json, pickEncoding } from '@albkit/core'
import type { Asset } from './assets.js'
import { ifNoneMatchHits, ifRangeAllows } from './conditional.js'
import { parseRange } from './range.js'

/** What serving an asset needs from the request. */
export interface AssetRequest {
  method: 'GET' | 'HEAD'
  /** A request header by lower-case name (last value), undefined when absent. */
  header(name: string): string | undefined
}

/** Assets are immutable per deployment: a day in any cache, revalidated by ETag after that. */
export const ASSET_CACHE_CONTROL = 'public, max-age=86400'
const NO_STORE = 'no-store'

function representationHeaders(asset: Asset, etag: string): Record<string, string> {
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': ASSET_CACHE_CONTROL,
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
  }
  // Caches must key compressible assets on Accept-Encoding even when we sent identity.
  if (asset.compressible) headers.Vary = 'Accept-Encoding'
  return headers
}

function contentHeaders(asset: Asset): Record<string, string> {
  const headers: Record<string, string> = {}
  const type = asset.contentType
  if (type === 'application/zip' || type === 'application/octet-stream') {
    headers['Content-Disposition'] = `attachment; filename="${asset.name}"`
  }
  // An SVG is a document that can carry script: sandbox it when opened directly.
  if (type === 'image/svg+xml')
    headers['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
  return headers
}

/**
 * Answer GET/HEAD for one asset, in RFC 9110 order: If-None-Match → 304; HEAD → headers
 * only; Range (GET only, honoured under If-Range) → 206 / 416 / 200 for several ranges;
 * otherwise 200, gzip/br for compressible types when the client accepts it and it is smaller.
 * Range responses are always identity-coded, so Content-Range counts the asset's own bytes.
 * Needs the bytes only for 200 and 206 GETs (a non-embedded asset must be handled before).
 *
 * @example
 * serveAsset(registry.get('logo.png'), { method: 'GET', header: (n) => req.headers.get(n) })
 */
export function serveAsset(asset: Asset, req: AssetRequest): HttpResponse {
  const range = req.method === 'GET' ? req.header('range') : undefined // only GET has ranges (RFC 9110 §14.2)
  const wantsRange = range !== undefined && ifRangeAllows(req.header('if-range'), asset.etag)
  let coding =
    asset.compressible && !wantsRange ? pickEncoding(req.header('accept-encoding')) : undefined
  if (coding !== undefined && asset.encoded(coding).length >= asset.size) coding = undefined
  const etag = asset.etagFor(coding)
  const headers = representationHeaders(asset, etag)

  if (ifNoneMatchHits(req.header('if-none-match'), etag)) return empty(304, { headers })

  Object.assign(headers, contentHeaders(asset))
  if (coding !== undefined) headers['Content-Encoding'] = coding
  if (req.method === 'HEAD')
    return { statusCode: 200, headers: { 'Content-Type': asset.contentType, ...headers }, body: '' }

  if (wantsRange) {
    const decision = parseRange(range, asset.size)
    if (decision.kind === 'unsatisfiable') {
      return json(
        { error: `Range not satisfiable: ${asset.name} has ${asset.size} bytes`, size: asset.size },
        {
          statusCode: 416,
          headers: { 'Content-Range': `bytes */${asset.size}`, 'Cache-Control': NO_STORE },
        },
      )
    }
    if (decision.kind === 'single') {
      const { start, end } = decision
      headers['Content-Range'] = `bytes ${start}-${end}/${asset.size}`
      return binary(asset.bytes().subarray(start, end + 1), asset.contentType, {
        statusCode: 206,
        headers,
      })
    }
  }
  const body = coding === undefined ? asset.bytes() : asset.encoded(coding)
  return binary(body, asset.contentType, { headers })
}
