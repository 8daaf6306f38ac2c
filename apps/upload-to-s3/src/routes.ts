import { type AlbRequest, albError, type HttpResponse, html, isAlbError } from '@albkit/core'
import type { AppDeps } from './deps.js'
import { prefersHtml } from './negotiate.js'
import { errorPage, PAGE_HEADERS, uploadFormPage } from './pages.js'
import { presignRoute, uploadMultipart, uploadRaw } from './upload-routes.js'

function methodNotAllowed(method: string, allow: string): never {
  throw albError(405, `${method} is not allowed here; allowed: ${allow}`, {
    headers: { Allow: allow },
  })
}

function dispatch(req: AlbRequest, deps: AppDeps): Promise<HttpResponse> | HttpResponse {
  const { method, path } = req
  if (path === '/upload' || path === '/upload/') {
    if (method === 'GET' || method === 'HEAD') {
      return html(method === 'HEAD' ? '' : uploadFormPage(deps.config), { headers: PAGE_HEADERS })
    }
    if (method === 'POST') return uploadMultipart(req, deps)
    return methodNotAllowed(method, 'GET, HEAD, POST')
  }
  if (path === '/upload/presign') {
    if (method === 'POST') return presignRoute(req, deps)
    return methodNotAllowed(method, 'POST')
  }
  const segment = path.startsWith('/upload/') ? path.slice('/upload/'.length) : undefined
  if (segment !== undefined && segment !== '' && !segment.includes('/')) {
    if (method === 'PUT') return uploadRaw(req, segment, deps)
    return methodNotAllowed(method, 'PUT')
  }
  throw albError(
    404,
    `no route for ${path}: use GET or POST /upload, PUT /upload/<name>, POST /upload/presign`,
  )
}

/**
 * The whole app as one function of the request view. Errors a browser caused while posting
 * the form come back as a readable page; everything else leaves as an AlbError for albErrors.
 *
 * @example
 * const response = await route(context.alb, deps)
 */
export async function route(req: AlbRequest, deps: AppDeps): Promise<HttpResponse> {
  try {
    return await dispatch(req, deps)
  } catch (error) {
    if (isAlbError(error) && error.expose && prefersHtml(req.headers.get('accept'))) {
      return html(errorPage(error.statusCode, error.message), {
        statusCode: error.statusCode,
        headers: { ...PAGE_HEADERS, ...error.headers },
      })
    }
    throw error
  }
}
