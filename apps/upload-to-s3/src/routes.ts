import { type AlbRequest, type HttpResponse, isAlbError } from '@albkit/core'
import { createRouter, type Router } from '@albkit/middy'
import type { AppDeps } from './deps.js'
import { errorPage, uploadFormPage, wantsPage } from './pages.js'
import { presignRoute, uploadMultipart, uploadRaw } from './upload-routes.js'

/**
 * The app's routes: the form (GET /upload, HEAD from GET), multipart POST /upload,
 * POST /upload/presign, PUT /upload/<name>; 405 with Allow, 404 naming the routes.
 *
 * @example
 * await uploadRoutes(deps).handle(context.alb)
 */
export function uploadRoutes(deps: AppDeps): Router {
  const router = createRouter({
    notFound: 'no route here: use GET or POST /upload, PUT /upload/<name>, POST /upload/presign',
  })
  for (const path of ['/upload', '/upload/']) {
    router
      .get(path, (req) => uploadFormPage(req, deps.config))
      .post(path, (req) => uploadMultipart(req, deps))
  }
  return router
    .post('/upload/presign', (req) => presignRoute(req, deps))
    .put('/upload/:name', (req, { name }) => uploadRaw(req, name ?? '', deps))
}

/**
 * The whole app as one function of the request view. Errors a browser caused while posting
 * the form come back as a readable page; everything else leaves as an AlbError for albErrors.
 * `?format=` is checked first, so a bad one is a 400 before any work.
 *
 * @example
 * const routes = uploadRoutes(deps)
 * const response = await route(context.alb, routes)
 */
export async function route(req: AlbRequest, routes: Router): Promise<HttpResponse> {
  const page = wantsPage(req)
  try {
    return await routes.handle(req)
  } catch (error) {
    if (page && isAlbError(error) && error.expose) {
      return errorPage(req, error.statusCode, error.message, error.headers)
    }
    throw error
  }
}
