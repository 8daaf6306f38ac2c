/** Size of a bundle (raw and gzip) and the packages that dominate it, from its esbuild metafile. */
import { readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface BundleFacts {
  bytes: number
  gzipBytes: number
  /** the largest contributors by bytes in the output, grouped by npm package (or "app code") */
  topModules: Array<{ module: string; bytes: number }>
}

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>
}

function packageOf(input: string): string {
  const i = input.lastIndexOf('node_modules/')
  if (i < 0)
    return input.includes('packages/')
      ? `@albkit/${input.split('packages/')[1]?.split('/')[0]}`
      : 'app code'
  const rest = input.slice(i + 'node_modules/'.length).split('/')
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? input)
}

export function bundleFacts(bundle: string): BundleFacts {
  const code = readFileSync(bundle)
  const facts: BundleFacts = {
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    topModules: [],
  }
  let meta: Metafile
  try {
    meta = JSON.parse(readFileSync(join(dirname(bundle), 'meta.json'), 'utf8')) as Metafile
  } catch {
    return facts
  }
  const output = Object.entries(meta.outputs).find(([name]) => basename(name) === basename(bundle))
  const byPackage = new Map<string, number>()
  for (const [input, { bytesInOutput }] of Object.entries(output?.[1].inputs ?? {})) {
    const pkg = packageOf(input)
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput)
  }
  facts.topModules = [...byPackage]
    .map(([module, bytes]) => ({ module, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5)
  return facts
}
