import type { AlbRequest, HttpResponse } from '@albkit/core'
import { htmlPage, markup } from '@albkit/middy'
import type { ListedAsset, Listing } from './listing.js'

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#222}' +
  'ul{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:1rem}' +
  'li{border:1px solid #ccc;border-radius:.5rem;padding:1rem}h2{font-size:1.1rem;margin:0 0 .5rem}' +
  'dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .8rem;margin:.5rem 0}dt{font-weight:600}dd{margin:0}' +
  'code{word-break:break-all;font-size:.8rem}img{display:block;max-width:100%;height:8rem;object-fit:contain;' +
  'background:#f4f4f4;border-radius:.25rem}.none{color:#555}'

// Previews are this app's own images: img-src 'self' and nothing else loads.
const page = htmlPage({ style: STYLE, imgSrc: "'self'" })

const DELIVERY = {
  inline: 'in the Lambda result',
  redirect: '307 to a presigned S3 URL',
  unavailable: 'not available (too large for a Lambda result, and no ASSETS_BUCKET)',
} as const

function preview(asset: ListedAsset) {
  return asset.contentType.startsWith('image/') && asset.delivery === 'inline'
    ? markup`<img src="${asset.url}" alt="Preview of ${asset.name}" width="256" height="128">`
    : ''
}

function card(asset: ListedAsset) {
  const link =
    asset.delivery === 'unavailable'
      ? markup`<p class="none">Download not available</p>`
      : markup`<p><a href="${asset.url}">Open ${asset.name}</a> · <a href="${asset.url}" download="${asset.name}">Download ${asset.name}</a></p>`
  return markup`<li><h2>${asset.name}</h2>${preview(asset)}
<dl><dt>Type</dt><dd>${asset.contentType}</dd><dt>Size</dt><dd>${asset.bytes.toLocaleString('en-US')} bytes</dd><dt>Delivery</dt><dd>${DELIVERY[asset.delivery]}</dd><dt>SHA-256</dt><dd><code>${asset.sha256}</code></dd></dl>
${link}</li>
`
}

/**
 * The listing as a page for people: one card per asset (type, size, SHA-256, how it is
 * delivered, a preview for images, open and download links) and the drawn image.
 *
 * @example
 * galleryPage(context.alb, describeAssets(registry.list(), bucket))
 */
export function galleryPage(req: AlbRequest, listing: Listing): HttpResponse {
  const { bounds } = listing.render
  return page(req, {
    title: 'binary-response: assets',
    main: markup`<h1>Binary assets from a Lambda target</h1>
<p>Every file below is served by one Lambda function behind an Application Load Balancer, base64 in the result and decoded by the balancer. Also as <a href="?format=json">JSON</a>.</p>
<ul>
${listing.assets.map(card)}</ul>
<h2>Drawn on request</h2>
<p><img src="${listing.render.url}" alt="An identicon drawn for the text albkit" width="128" height="128"></p>
<p><a href="${listing.render.url}">${listing.render.url}</a>: text ${bounds.text.minLength}–${bounds.text.maxLength} characters, size ${bounds.size.min}–${bounds.size.max} px, colours fg and bg as ${bounds.colour}.</p>`,
  })
}
