import { cspHash, escapeHtml } from '@albkit/core'
import type { FileResult } from './store-files.js'

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem}form{display:grid;gap:1rem;padding:1rem;border:1px solid #ccc;border-radius:.5rem}
button{justify-self:start;padding:.4rem 1.2rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;word-break:break-all}
.failed,.error{color:#a00}.stored{color:#070}small{color:#555}`

/**
 * The headers every page goes out with: no scripts at all, the one inline stylesheet allowed
 * by its hash, forms only to this origin, no framing.
 *
 * @example
 * html(page, { headers: PAGE_HEADERS })
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `default-src 'none'; style-src ${cspHash(STYLE)}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>`
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
 * uploadFormPage({ maxUploadBytes: 700000, maxFiles: 10, allowedTypes: ['image/png'] })
 */
export function uploadFormPage(options: FormPageOptions): string {
  const accept = escapeHtml(options.allowedTypes.join(','))
  return layout(
    'Upload files to S3',
    `<h1>Upload files to S3</h1>
<form method="post" action="/upload" enctype="multipart/form-data">
<label>Files <input type="file" name="file" multiple required accept="${accept}"></label>
<button type="submit">Upload</button>
</form>
<p><small>Up to ${escapeHtml(String(options.maxFiles))} files, ${escapeHtml(String(options.maxUploadBytes))} bytes in total.
Allowed types: ${escapeHtml(options.allowedTypes.join(', '))}. Bigger files: ask POST /upload/presign for a presigned POST.</small></p>`,
  )
}

/**
 * The page a browser sees after a form post: one row per file, or the error.
 *
 * @example
 * resultPage({ statusCode: 201, files })
 */
export function resultPage(result: {
  statusCode: number
  files: FileResult[]
  error?: string
}): string {
  const rows = result.files
    .map((f) => {
      const detail = f.status === 'stored' ? escapeHtml(f.key) : escapeHtml(f.error)
      return `<tr><td>${escapeHtml(f.name)}</td><td>${escapeHtml(String(f.size))}</td><td class="${f.status === 'stored' ? 'stored' : 'failed'}">${escapeHtml(f.status)}</td><td>${detail}</td><td><code>${escapeHtml(f.sha256)}</code></td></tr>`
    })
    .join('\n')
  const heading = result.statusCode === 201 ? 'Stored' : 'Not everything was stored'
  const error = result.error === undefined ? '' : `<p class="error">${escapeHtml(result.error)}</p>`
  return layout(
    heading,
    `<h1>${escapeHtml(heading)}</h1>${error}
<table><thead><tr><th>File</th><th>Bytes</th><th>Status</th><th>Key / reason</th><th>SHA-256</th></tr></thead>
<tbody>${rows}</tbody></table>
<p><a href="/upload">Upload more</a></p>`,
  )
}

/**
 * A readable error page for browsers (API clients get JSON instead).
 *
 * @example
 * errorPage(413, 'file.bin is over the limit of 700000 bytes')
 */
export function errorPage(statusCode: number, message: string): string {
  return layout(
    `Upload failed (${statusCode})`,
    `<h1>Upload failed (${escapeHtml(String(statusCode))})</h1>
<p class="error">${escapeHtml(message)}</p>
<p><a href="/upload">Back to the form</a></p>`,
  )
}
