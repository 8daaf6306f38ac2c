export { type AlbBodyLimitOptions, albBodyLimit } from './alb-body-limit.js'
export { type AlbErrorsOptions, albErrors } from './alb-errors.js'
export { type AlbHandlerOptions, type AlbLogic, albHandler } from './alb-handler.js'
export { type AlbHealthCheckOptions, albHealthCheck, isAlbHealthCheck } from './alb-health-check.js'
export { type AlbJsonContext, albJsonBody } from './alb-json-body.js'
export { type AlbLoggerOptions, albLogger } from './alb-logger.js'
export { type AlbMultipartContext, albMultipart } from './alb-multipart.js'
export { type AlbRequestOptions, albRequest } from './alb-request.js'
export { type AlbResponseOptions, albResponse } from './alb-response.js'
export {
  type AlbDefaultsOptions,
  type AlbStackOptions,
  albDefaults,
  albStack,
} from './alb-stack.js'
export {
  HSTS,
  type HtmlPageOptions,
  htmlPage,
  type PageContent,
  type PageRenderer,
} from './html-page.js'
export { Markup, type MarkupValue, markup, trusted } from './markup.js'
export type {
  MultipartBody,
  MultipartFile,
  MultipartLimits,
} from './parse-multipart.js'
export { parseMultipart } from './parse-multipart.js'
export { type PickFormatOptions, pickFormat } from './pick-format.js'
export {
  createRouter,
  type RouteHandler,
  type RouteMethod,
  type RouteParams,
  Router,
  type RouterOptions,
} from './router.js'
export type { AlbContext, AlbHandlerReturn, AlbMiddleware, LogFn } from './types.js'
