import { type AlbRequest, albError, type HttpResponse } from '@albkit/core'

/**
 * The path parameters of a matched route: `/upload/:name` → `{ name }`, raw (not decoded).
 * @example
 * router.put('/upload/:name', (_req, { name }) => text(decodeURIComponent(name ?? '')))
 */
export type RouteParams = Readonly<Record<string, string>>

/**
 * One route's logic: the request view and the path parameters → the response.
 * @example
 * const hello: RouteHandler = (req) => text(`hello ${req.clientIp}`)
 */
export type RouteHandler = (
  req: AlbRequest,
  params: RouteParams,
) => HttpResponse | Promise<HttpResponse>

/**
 * Methods a route can be registered for (HEAD is answered from GET unless registered).
 * @example
 * router.route(['GET', 'POST'], '/form', handler)
 */
export type RouteMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'

/** The order `Allow` lists methods in. */
const METHOD_ORDER: readonly RouteMethod[] = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]

interface Route {
  /** Pattern segments; a `:name` segment matches one non-empty segment. */
  segments: string[]
  hasParams: boolean
  handlers: Map<string, RouteHandler>
}

/**
 * Options of {@link createRouter}.
 * @example
 * createRouter({ notFound: 'this app answers GET /health' })
 */
export interface RouterOptions {
  /** The 404 message when no pattern matches (say what the app does answer). */
  notFound?: string
}

/**
 * A small router: method + path → handler, in the shape of Powertools' `Router`.
 * - Patterns are exact paths with `:name` segments; exact patterns win over patterns with
 *   parameters, then registration order decides.
 * - A path no pattern matches: AlbError 404 with `notFound`.
 * - A matched path without a handler for the method: AlbError 405 with `Allow` (HEAD is listed
 *   with GET).
 * - HEAD without its own handler runs the GET handler (it sees `req.method === 'HEAD'`, so it
 *   may skip work) and answers its status and headers with an empty body (RFC 9110 §9.3.2).
 *
 * @example
 * ```ts
 * const router = createRouter({ notFound: 'this app answers /ip' })
 *   .get('/ip', (req) => text(req.clientIp ?? ''))
 *   .route(['GET'], '/ip/:format', (req, { format }) => report(req, format))
 * export const handler = albHandler((_e, context) => router.handle(context.alb))
 * ```
 */
export class Router {
  readonly #routes: Route[] = []
  readonly #notFound: string

  constructor(options: RouterOptions = {}) {
    this.#notFound = options.notFound ?? 'Not found'
  }

  /** Registers `handler` for each of `methods` on `pattern` (`/a/:b`). */
  route(methods: readonly RouteMethod[], pattern: string, handler: RouteHandler): this {
    if (!pattern.startsWith('/')) throw new TypeError(`route pattern must start with /: ${pattern}`)
    const segments = pattern.split('/')
    let route = this.#routes.find((r) => r.segments.join('/') === segments.join('/'))
    if (route === undefined) {
      route = { segments, hasParams: segments.some((s) => s.startsWith(':')), handlers: new Map() }
      this.#routes.push(route)
      // Exact patterns before patterns with parameters; stable otherwise.
      this.#routes.sort((a, b) => Number(a.hasParams) - Number(b.hasParams))
    }
    for (const method of methods) route.handlers.set(method, handler)
    return this
  }
  /** `route(['GET'], …)`; HEAD follows. */
  get(pattern: string, handler: RouteHandler): this {
    return this.route(['GET'], pattern, handler)
  }
  post(pattern: string, handler: RouteHandler): this {
    return this.route(['POST'], pattern, handler)
  }
  put(pattern: string, handler: RouteHandler): this {
    return this.route(['PUT'], pattern, handler)
  }
  options(pattern: string, handler: RouteHandler): this {
    return this.route(['OPTIONS'], pattern, handler)
  }

  /** The `Allow` value of a route: its methods, HEAD with GET, in a fixed order. */
  static allow(handlers: ReadonlyMap<string, RouteHandler>): string {
    return METHOD_ORDER.filter(
      (m) => handlers.has(m) || (m === 'HEAD' && handlers.has('GET')),
    ).join(', ')
  }

  /** Answers the request, or throws AlbError 404 / 405 (albErrors renders them). */
  async handle(req: AlbRequest): Promise<HttpResponse> {
    const path = req.path
    const parts = path.split('/')
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, parts)
      if (params === undefined) continue
      const method = req.method
      const own = route.handlers.get(method)
      if (own !== undefined) return own(req, params)
      const get = method === 'HEAD' ? route.handlers.get('GET') : undefined
      if (get !== undefined) return { ...(await get(req, params)), body: '' }
      const allow = Router.allow(route.handlers)
      throw albError(405, `${method.slice(0, 20)} is not allowed here; allowed: ${allow}`, {
        headers: { Allow: allow },
      })
    }
    throw albError(404, this.#notFound)
  }
}

/** `{ name: segment }` when `parts` fits `segments` (`:name` = one non-empty segment), else undefined. */
function matchSegments(
  segments: readonly string[],
  parts: readonly string[],
): RouteParams | undefined {
  if (segments.length !== parts.length) return undefined
  let params: Record<string, string> | undefined
  for (let i = 0; i < segments.length; i++) {
    const want = segments[i] as string
    const got = parts[i] as string
    if (want.startsWith(':')) {
      if (got === '') return undefined
      params ??= {}
      params[want.slice(1)] = got
    } else if (want !== got) return undefined
  }
  return params ?? NO_PARAMS
}

const NO_PARAMS: RouteParams = Object.freeze({})

/**
 * A new {@link Router}.
 *
 * @example
 * const router = createRouter({ notFound: 'use GET /health' }).get('/health', healthPage)
 */
export function createRouter(options: RouterOptions = {}): Router {
  return new Router(options)
}
