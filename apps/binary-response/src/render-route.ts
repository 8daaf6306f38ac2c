import { binary, empty, type HttpResponse, json } from '@albkit/core'
import { ifNoneMatchHits } from './conditional.js'
import { renderIdenticon } from './identicon.js'
import { encodePng } from './png-encoder.js'
import { parseRenderParams, RENDER_BOUNDS, type RenderParams } from './render-params.js'
import { ASSET_CACHE_CONTROL, type AssetRequest } from './serve-asset.js'

/** Bump when the drawing changes, so cached images under old ETags are not reused. */
const RENDER_VERSION = 1

/** ETag from the validated parameters: a 304 needs no rendering at all. */
export function renderEtag(params: RenderParams): string {
  const key = JSON.stringify([
    RENDER_VERSION,
    params.text,
    params.size,
    params.fg ?? null,
    params.bg,
  ])
  // Loaded on first use, not at import, to keep it out of cold start (bench/, issue #9).
  const { createHash } = process.getBuiltinModule('node:crypto')
  return `"r${createHash('sha256').update(key).digest('hex').slice(0, 16)}"`
}

/**
 * Render the PNG for already-validated parameters (the exact bytes GET returns).
 *
 * @example
 * renderPng({ text: 'ada', size: 64, fg: undefined, bg: [255, 255, 255] })
 */
export function renderPng(params: RenderParams): Buffer {
  return encodePng(renderIdenticon(params))
}

/**
 * `GET /binary/render.png?text=&size=&fg=&bg=`: a PNG identicon drawn on the fly. Invalid or
 * out-of-bounds parameters → 400 listing every problem and the bounds.
 *
 * @example
 * renderRoute([['text', 'ada']], { method: 'GET', header: () => undefined })
 */
export function renderRoute(query: Iterable<[string, string]>, req: AssetRequest): HttpResponse {
  const parsed = parseRenderParams(query)
  if (!parsed.ok) {
    return json(
      { error: 'Invalid render parameters', problems: parsed.problems, bounds: RENDER_BOUNDS },
      { statusCode: 400, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  const etag = renderEtag(parsed.params)
  const headers = {
    ETag: etag,
    'Cache-Control': ASSET_CACHE_CONTROL,
    'X-Content-Type-Options': 'nosniff',
  }
  if (ifNoneMatchHits(req.header('if-none-match'), etag)) return empty(304, { headers })
  if (req.method === 'HEAD')
    return { statusCode: 200, headers: { 'Content-Type': 'image/png', ...headers }, body: '' }
  return binary(renderPng(parsed.params), 'image/png', { headers })
}
