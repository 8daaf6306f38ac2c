export type { AlbEventParts } from './build-alb-event.js'
export { buildAlbEvent, rawQueryPairs } from './build-alb-event.js'
export type { ClientAddress } from './client-address.js'
export { parseClientAddress } from './client-address.js'
export { COMPRESS_MIN_BYTES, pickEncoding } from './compress.js'
export { parseCookies } from './cookies.js'
export { cspHash } from './csp-hash.js'
export {
  albEncodesRequestBody,
  isJsonContentType,
  isTextContentType,
  mediaType,
} from './encoding.js'
export type { AlbErrorOptions } from './errors.js'
export { AlbError, albError, isAlbError } from './errors.js'
export { decodeFormComponent } from './form.js'
export {
  canonicalHeaderName,
  HOP_BY_HOP_HEADERS,
  hasLineBreak,
  headerLineBytes,
  isHeaderName,
} from './headers.js'
export {
  ALB_MAX_REQUEST_BODY_BYTES,
  ALB_MAX_RESPONSE_BYTES,
  ALB_MAX_RESPONSE_HEADER_BYTES,
  HEALTH_CHECK_USER_AGENT,
} from './limits.js'
export type { MediaRange } from './negotiate.js'
export { negotiate, parseAccept } from './negotiate.js'
export type {
  AlbRequest,
  HeaderView,
  MultiMapView,
  ParseRequestOptions,
  QueryView,
} from './request.js'
export { parseRequest } from './request.js'
export type { HttpHeaderValue, HttpResponse, ResponseInit } from './response.js'
export {
  binary,
  empty,
  errorResponse,
  escapeHtml,
  escapeJsonMarkup,
  html,
  isAwsTraceId,
  json,
  redirect,
  text,
} from './response.js'
export type { ResultCheck, ResultIssue, ResultIssueCode } from './result-issues.js'
export { RESULT_ISSUE_CODES, resultIssue } from './result-issues.js'
export { isValidStatusCode, reasonPhrase, statusDescription } from './status.js'
export type { ToAlbResultOptions } from './to-alb-result.js'
export { toAlbResult } from './to-alb-result.js'
export type { TraceHeader } from './trace.js'
export { parseTraceHeader } from './trace.js'
export type {
  AlbEvent,
  AlbEventMulti,
  AlbEventSingle,
  AlbHeaderMode,
  AlbRequestContext,
  AlbResult,
  AlbResultMulti,
  AlbResultSingle,
} from './types.js'
export { eventMode } from './types.js'
export { isStatusDescriptionFor, resultByteLength, validateResult } from './validate.js'
