import {
  ALB_MAX_REQUEST_BODY_BYTES,
  type AlbRequest,
  albError,
  type HttpResponse,
  json,
} from '@albkit/core'
import { parseMultipart } from '@albkit/middy'
import { mediaType } from './content-type.js'
import type { AppDeps } from './deps.js'
import { assertTotalSize, prepareFile } from './prepare-file.js'
import { parsePresignRequest, presignUpload } from './presign.js'
import { type FileToStore, storeFiles } from './store-files.js'
import { storeResponse } from './store-response.js'

async function store(files: FileToStore[], req: AlbRequest, deps: AppDeps): Promise<HttpResponse> {
  const log = deps.log ?? ((line: string) => console.error(line))
  const outcome = await storeFiles(files, {
    store: deps.store,
    bucket: deps.config.bucket,
    onError: (error, file) =>
      log(
        JSON.stringify({
          level: 'error',
          message: 'PutObject failed',
          key: file.key,
          traceId: req.trace.root,
          error:
            error instanceof Error ? { name: error.name, message: error.message } : String(error),
        }),
      ),
  })
  return storeResponse(outcome, req)
}

/**
 * POST /upload: multipart/form-data with one or more files (any field name).
 *
 * @example
 * await uploadMultipart(context.alb, deps) // 201 { files: [...] }
 */
export async function uploadMultipart(req: AlbRequest, deps: AppDeps): Promise<HttpResponse> {
  const { config } = deps
  const contentType = req.headers.get('content-type') ?? ''
  if (mediaType(contentType) !== 'multipart/form-data') {
    throw albError(
      415,
      `POST /upload expects multipart/form-data, got ${mediaType(contentType) || 'no content type'}; for a raw body use PUT /upload/<name>`,
    )
  }
  const { files } = await parseMultipart(req.body, contentType, {
    maxFiles: config.maxFiles,
    maxFileBytes: config.maxUploadBytes,
    maxFields: 20,
    maxFieldBytes: 8 * 1024,
    maxTotalBytes: ALB_MAX_REQUEST_BODY_BYTES,
  })
  // A browser sends an unselected file input as a part with an empty name and no bytes.
  const chosen = files.filter((f) => !(f.filename === '' && f.bytes.length === 0))
  if (chosen.length === 0) {
    throw albError(
      400,
      'no file in the form: send at least one file part, e.g. curl -F file=@photo.png',
    )
  }
  assertTotalSize(chosen, config)
  const now = deps.now?.() ?? new Date()
  const prepared = chosen.map((f) =>
    prepareFile({ name: f.filename, contentType: f.contentType, bytes: f.bytes }, config, now),
  )
  return store(prepared, req, deps)
}

function decodeName(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment // a malformed %-escape stays literal; sanitising makes it safe
  }
}

/**
 * PUT /upload/<name>: the raw body is the file, its Content-Type the file's type.
 *
 * @example
 * await uploadRaw(context.alb, 'report.pdf', deps)
 */
export async function uploadRaw(
  req: AlbRequest,
  segment: string,
  deps: AppDeps,
): Promise<HttpResponse> {
  const bytes = req.body // exact under the ALB (base64) and serverless-offline (latin1), see core
  assertTotalSize([{ bytes }], deps.config)
  const now = deps.now?.() ?? new Date()
  const file = prepareFile(
    { name: decodeName(segment), contentType: req.headers.get('content-type'), bytes },
    deps.config,
    now,
  )
  return store([file], req, deps)
}

/**
 * POST /upload/presign: JSON `{ name, contentType, size }` → a presigned POST straight to S3.
 *
 * @example
 * await presignRoute(context.alb, deps) // 200 { method: 'POST', url, fields, key, ... }
 */
export async function presignRoute(req: AlbRequest, deps: AppDeps): Promise<HttpResponse> {
  const request = parsePresignRequest(req.json(), deps.config)
  const answer = await presignUpload(
    request,
    deps.config,
    deps.presignPost,
    deps.now?.() ?? new Date(),
  )
  return json(answer, { headers: { 'Cache-Control': 'no-store' } })
}
