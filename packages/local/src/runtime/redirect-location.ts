/**
 * The Location of a redirect action (ELB user guide, "Listeners for your Application Load
 * Balancers" → Redirect actions): `#{protocol}`, `#{host}`, `#{port}`, `#{path}` (without its
 * leading `/`) and `#{query}` are replaced by the request's own parts. Pure.
 */

export interface RedirectParts {
  protocol: string
  host: string
  port: string
  path: string
  query: string
}

export interface RequestParts {
  protocol: 'http' | 'https'
  /** Host header without port */
  host: string
  port: number
  path: string
  rawQuery: string | undefined
}

function fill(template: string, request: RequestParts): string {
  return template.replace(/#\{(protocol|host|port|path|query)\}/g, (_m, key: string) => {
    switch (key) {
      case 'protocol':
        return request.protocol
      case 'host':
        return request.host
      case 'port':
        return String(request.port)
      case 'path':
        return request.path.replace(/^\//, '')
      default:
        return request.rawQuery ?? ''
    }
  })
}

/**
 * @example
 * redirectLocation({ protocol: 'HTTPS', host: '#{host}', port: '443', path: '/#{path}', query: '#{query}' },
 *   { protocol: 'http', host: 'example.com', port: 80, path: '/a', rawQuery: 'x=1' })
 * // 'https://example.com:443/a?x=1'
 */
export function redirectLocation(action: RedirectParts, request: RequestParts): string {
  const protocol = fill(action.protocol || '#{protocol}', request).toLowerCase()
  const host = fill(action.host || '#{host}', request)
  const port = fill(action.port || '#{port}', request)
  let path = fill(action.path || '/#{path}', request)
  if (!path.startsWith('/')) path = `/${path}`
  const query = fill(action.query ?? '#{query}', request)
  return `${protocol}://${host}:${port}${path}${query === '' ? '' : `?${query}`}`
}
