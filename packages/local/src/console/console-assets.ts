/**
 * The console's page, script and style sheet, built by build.mjs into dist/console/ and
 * served from memory with a strict Content-Security-Policy (only same-origin files: no inline
 * script or style, nothing from another host, so it works offline).
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The header every admin-server answer carries. */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export interface Asset {
  type: string
  body: Buffer
}

const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/console.js': { file: 'console.js', type: 'text/javascript; charset=utf-8' },
  '/console.css': { file: 'console.css', type: 'text/css; charset=utf-8' },
}

function consoleDir(): string | undefined {
  // from dist/*.mjs, or from src/console/ when run with tsx
  for (const candidate of ['./console/', '../../dist/console/']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url))
    if (existsSync(`${dir}index.html`)) return dir
  }
  return undefined
}

let cache: Map<string, Asset> | undefined

/**
 * The asset for a path, or undefined; throws when the console was never built.
 * @example
 * consoleAsset('/console.js')?.type // 'text/javascript; charset=utf-8'
 */
export function consoleAsset(path: string): Asset | undefined {
  const spec = FILES[path]
  if (spec === undefined) return undefined
  if (cache === undefined) {
    const dir = consoleDir()
    if (dir === undefined)
      throw new Error('the console is not built: run `pnpm --filter @albkit/local build`')
    cache = new Map(
      Object.entries(FILES).map(([p, f]) => [
        p,
        { type: f.type, body: readFileSync(dir + f.file) },
      ]),
    )
  }
  return cache.get(path)
}
