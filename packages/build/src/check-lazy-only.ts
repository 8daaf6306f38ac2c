import type { Metafile } from 'esbuild'

/**
 * The output files a cold start loads: the entry output and every file it reaches through static
 * `import` statements (`import()` targets are left out: they load only when that call runs).
 * Keys are as in the metafile (relative to the working directory).
 * @example
 * eagerOutputs(metafile, 'dist/index.mjs') // ['dist/index.mjs', 'dist/chunks/chunk-X.mjs']
 */
export function eagerOutputs(metafile: Metafile, entryOutput: string): string[] {
  const eager = new Set<string>()
  const visit = (file: string): void => {
    if (eager.has(file)) return
    eager.add(file)
    for (const i of metafile.outputs[file]?.imports ?? [])
      if (i.kind === 'import-statement' && !i.external) visit(i.path)
  }
  visit(entryOutput)
  return [...eager]
}

/**
 * Throws when an input whose path contains one of `patterns` is part of the cold start
 * ({@link eagerOutputs}), naming the module and the output file it ended up in; also throws when
 * `entryOutput` is not in the metafile (the check must never pass by finding nothing).
 * @example
 * checkLazyOnly(metafile, 'dist/index.mjs', ['@aws-sdk', '@smithy'])
 */
export function checkLazyOnly(metafile: Metafile, entryOutput: string, patterns: string[]): void {
  if (patterns.length === 0) return
  if (metafile.outputs[entryOutput] === undefined)
    throw new Error(`@albkit/build: ${entryOutput} is not an output of this build`)
  for (const file of eagerOutputs(metafile, entryOutput)) {
    for (const input of Object.keys(metafile.outputs[file]?.inputs ?? {})) {
      const pattern = patterns.find((p) => input.includes(p))
      if (pattern !== undefined)
        throw new Error(
          `@albkit/build: ${input} (lazyOnly '${pattern}') is in ${file}, which the cold start loads; reach it only through import()`,
        )
    }
  }
}
