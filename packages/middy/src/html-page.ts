import { type AlbRequest, cspHash, type HttpResponse, html } from '@albkit/core'
import { type Markup, markup, trusted } from './markup.js'

/**
 * Options of {@link htmlPage}: what the pages of one app share.
 * @example
 * const page = htmlPage({ style: STYLE, formAction: "'self'", imgSrc: "'self'" })
 */
export interface HtmlPageOptions {
  /** The one inline style sheet; the CSP admits exactly it, by its SHA-256. */
  style: string
  /** CSP `form-action` (e.g. `'self'` for a form posting to this origin). Default `'none'`. */
  formAction?: string
  /** CSP `img-src` (e.g. `'self'` for previews of this app's images). Default `'none'`. */
  imgSrc?: string
  /** `<html lang>`. Default `en`. */
  lang?: string
}

/**
 * One page: its title (escaped), the content of `<main>`, and optionally status and headers.
 * @example
 * page(req, { title: 'Not found', main: markup`<h1>No ${name}</h1>`, statusCode: 404 })
 */
export interface PageContent {
  title: string
  main: Markup
  statusCode?: number
  headers?: Record<string, string>
}

/**
 * Renders one page of the app for a request.
 * @example
 * const render: PageRenderer = htmlPage({ style: '' })
 */
export type PageRenderer = (req: AlbRequest, page: PageContent) => HttpResponse

/**
 * The `Strict-Transport-Security` value: two years, as the HSTS preload list asks
 * (hstspreload.org); sent only over HTTPS.
 * @example
 * response.headers['Strict-Transport-Security'] === HSTS // on an HTTPS request
 */
export const HSTS = 'max-age=63072000'

/**
 * The page frame every albkit app serves its HTML in: a complete document (doctype, `lang`,
 * charset, viewport, `<title>`, one `<main>` landmark — axe-core's `landmark-one-main` and
 * `region`), a strict Content-Security-Policy (nothing loads but the inline style, admitted by
 * its hash; no scripts; no framing), `nosniff`, `no-referrer`, `no-store`, and
 * `Strict-Transport-Security` when the request reached the load balancer over HTTPS
 * (`X-Forwarded-Proto: https`) — never over HTTP, where browsers ignore it (RFC 6797 §7.2).
 * The CSP hash is computed on the first render, not at import: hashing loads node:crypto,
 * which would add to every cold start.
 *
 * @example
 * const page = htmlPage({ style: 'body{margin:2rem}' })
 * return page(context.alb, { title: 'Hello', main: markup`<h1>Hello ${name}</h1>` })
 */
export function htmlPage(options: HtmlPageOptions): PageRenderer {
  const style = rawStyle(options.style)
  let csp: string | undefined
  const contentSecurityPolicy = (): string => {
    csp ??= [
      "default-src 'none'",
      `style-src ${cspHash(options.style)}`,
      `img-src ${options.imgSrc ?? "'none'"}`,
      "base-uri 'none'",
      `form-action ${options.formAction ?? "'none'"}`,
      "frame-ancestors 'none'",
    ].join('; ')
    return csp
  }
  const head = markup`<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
  return (req, page) => {
    const document = markup`<!doctype html>
<html lang="${options.lang ?? 'en'}"><head>${head}<title>${page.title}</title><style>${style}</style></head>
<body><main>
${page.main}
</main></body></html>
`
    const headers: Record<string, string> = {
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    }
    // X-Forwarded-Proto is set by the balancer to the client's protocol (ELB user guide, "HTTP headers and Application Load Balancers").
    if (req.forwardedProto === 'https') headers['Strict-Transport-Security'] = HSTS
    return html(document.html, {
      ...(page.statusCode === undefined ? {} : { statusCode: page.statusCode }),
      headers: { ...headers, ...page.headers },
    })
  }
}

/** The style sheet goes in as written (the CSP hash is of these exact bytes); it must not close the element. */
function rawStyle(style: string): Markup {
  if (style.toLowerCase().includes('</style')) throw new TypeError('style must not contain </style')
  return trusted(style)
}
