import type { AlbRequest, HttpResponse } from '@albkit/core'
import { htmlPage, markup, pickFormat } from '@albkit/middy'
import type { FileResult } from './store-files.js'

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem}form{display:grid;gap:1rem;padding:1rem;border:1px solid #ccc;border-radius:.5rem}
button{justify-self:start;padding:.4rem 1.2rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
td:nth-child(n+4){word-break:break-all}
.failed,.error{color:#a00}.stored{color:#070}small{color:#555}`

// No scripts, the one inline stylesheet by its hash, forms only to this origin, no framing.
const page = htmlPage({ style: STYLE, formAction: "'self'" })

/** JSON first: it wins ties (curl's *\/*, no Accept) and is the answer when nothing matches. */
const ANSWER_FORMATS = { json: 'application/json', html: 'text/html' } as const

/**
 * Whether the answer is a page (a browser's form post prefers HTML) or JSON (curl, API
 * clients): `?format=` or Accept through middy's pickFormat; an unknown `?format=` is a 400.
 *
 * @example
 * wantsPage(parseRequest(albEvent({ headers: { accept: 'text/html' } }))) // true
 */
export function wantsPage(req: AlbRequest): boolean {
  return pickFormat(req, ANSWER_FORMATS, { fallback: 'json' }) === 'html'
}

/** Settings the form shows; all come from config, all are escaped. */
export interface FormPageOptions {
  maxUploadBytes: number
  maxFiles: number
  allowedTypes: readonly string[]
}

/**
 * The upload form: multipart POST to /upload, several files at once.
 *
 * @example
 * uploadFormPage(context.alb, { maxUploadBytes: 700000, maxFiles: 10, allowedTypes: ['image/png'] })
 */
export function uploadFormPage(req: AlbRequest, options: FormPageOptions): HttpResponse {
  return page(req, {
    title: 'Upload files to S3',
    main: markup`<h1>Upload files to S3</h1>
<form method="post" action="/upload" enctype="multipart/form-data">
<label>Files <input type="file" name="file" multiple required accept="${options.allowedTypes.join(',')}"></label>
<button type="submit">Upload</button>
</form>
<p><small>Up to ${options.maxFiles} files, ${options.maxUploadBytes} bytes in total.
Allowed types: ${options.allowedTypes.join(', ')}. Bigger files: ask POST /upload/presign for a presigned POST.</small></p>`,
  })
}

/**
 * The page a browser sees after a form post: one row per file, or the error; the outcome's
 * status and `headers` (Retry-After).
 *
 * @example
 * resultPage(context.alb, { statusCode: 201, files })
 */
export function resultPage(
  req: AlbRequest,
  result: { statusCode: number; files: FileResult[]; error?: string },
  headers: Record<string, string> = {},
): HttpResponse {
  const rows = result.files.map(
    (f) =>
      markup`<tr><td>${f.name}</td><td>${f.size}</td><td class="${f.status === 'stored' ? 'stored' : 'failed'}">${f.status}</td><td>${f.status === 'stored' ? f.key : f.error}</td><td><code>${f.sha256}</code></td></tr>
`,
  )
  const heading = result.statusCode === 201 ? 'Stored' : 'Not everything was stored'
  return page(req, {
    title: heading,
    statusCode: result.statusCode,
    headers,
    main: markup`<h1>${heading}</h1>${result.error === undefined ? '' : markup`<p class="error">${result.error}</p>`}
<table><thead><tr><th>File</th><th>Bytes</th><th>Status</th><th>Key / reason</th><th>SHA-256</th></tr></thead>
<tbody>${rows}</tbody></table>
<p><a href="/upload">Upload more</a></p>`,
  })
}

/**
 * A readable error page for browsers (API clients get JSON instead), with the error's headers.
 *
 * @example
 * errorPage(context.alb, 413, 'file.bin is over the limit of 700000 bytes')
 */
export function errorPage(
  req: AlbRequest,
  statusCode: number,
  message: string,
  headers: Record<string, string> = {},
): HttpResponse {
  return page(req, {
    title: `Upload failed (${statusCode})`,
    statusCode,
    headers,
    main: markup`<h1>Upload failed (${statusCode})</h1>
<p class="error">${message}</p>
<p><a href="/upload">Back to the form</a></p>`,
  })
}
