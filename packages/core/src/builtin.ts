import type * as Crypto from 'node:crypto'
import { createRequire } from 'node:module'
import type * as Zlib from 'node:zlib'

/**
 * Loads a Node built-in module on first use instead of at import.
 *
 * Why: a static `import … from 'node:zlib'` (or `node:crypto`) makes every bundle that touches
 * @albkit/core load that module while the Lambda cold-starts, even when no request ever
 * compresses or hashes; together they cost a few milliseconds of init. `process.getBuiltinModule`
 * (Node ≥ 20.16 and Lambda `nodejs22.x`; older Node 20 falls back to `createRequire`, which the
ESM loader has already loaded) is synchronous, so the sync
 * APIs built on it (`compressBody`, `cspHash`) keep their signatures. Node caches built-ins, so
 * later calls are a lookup.
 *
 * Internal to core, not exported from the package. (`import type` lines are erased at build.)
 */
interface Builtins {
  'node:crypto': typeof Crypto
  'node:zlib': typeof Zlib
}

export function builtin<ID extends keyof Builtins>(id: ID): Builtins[ID] {
  if (typeof process.getBuiltinModule !== 'function') {
    return createRequire(import.meta.url)(id) as Builtins[ID]
  }
  // @types/node types this call per id; both ids above are built-ins, so the lookup cannot miss.
  return process.getBuiltinModule(id) as Builtins[ID]
}
