/**
 * A copy of an app's serverless.yml that serverless-offline can run as the ALB would: every
 * function's `environment` resolved the way the deployed stack resolves it (serverless-offline
 * renders `!Ref` as "[object Object]" and cuts a one-argument `!Sub` to its first character —
 * `renderIntrinsicFunction` in serverless-offline 14.8), plus the variables that point the AWS
 * SDK at the local S3. The resolution is @albkit/local's template reader, the one `pnpm dev` uses.
 */
import { readFile, symlink, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type LocalConfig, loadConfig } from '@albkit/local'
import { type Document, isMap, parseDocument } from 'yaml'

/** An app's serverless.yml, read and resolved, ready to be written for serverless-offline. */
export interface OfflineService {
  serverlessYml: string
  /** the buckets the functions expect (create them in the local S3) */
  buckets: string[]
  /** the resolved environment of each function, by its key under `functions:` */
  environment: Record<string, Record<string, string>>
  document: Document
}

/**
 * Each function's environment as deployed, by its key under `functions:`. osls names a function
 * by its `name:`, else `<service>-<stage>-<key>`: the shortest name ending in `-<key>` is that one
 * (a key `a` must not take the function of a key `b-a`).
 */
function environmentByKey(
  config: LocalConfig,
  functions: Array<{ key: string; name: unknown }>,
  file: string,
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {}
  for (const { key, name } of functions) {
    const fn =
      typeof name === 'string'
        ? config.functions.find((f) => f.functionName === name)
        : config.functions
            .filter((f) => f.functionName.endsWith(`-${key}`))
            .sort((a, b) => a.functionName.length - b.functionName.length)[0]
    if (fn === undefined)
      throw new Error(`${file}: functions.${key}: not found by the template reader`)
    out[key] = fn.environment
  }
  return out
}

/**
 * Read a serverless.yml and resolve what serverless-offline cannot.
 *
 * @example
 * const service = await readOfflineService('/repo/templates/serverless/health-checker/serverless.yml')
 * service.environment.healthChecker.HEALTH_PROBES // '[{"name":"probe-bucket",…"bucket":"albkit-health-checker-dev-probebucket"…'
 */
export async function readOfflineService(serverlessYml: string): Promise<OfflineService> {
  const document = parseDocument(await readFile(serverlessYml, 'utf8'))
  if (document.errors.length > 0)
    throw new Error(`${serverlessYml}: ${document.errors[0]?.message}`)
  const section = document.get('functions')
  const functions = isMap(section)
    ? section.items.map((item) => {
        const key = String(item.key)
        return { key, name: document.getIn(['functions', key, 'name']) }
      })
    : []
  const config = await loadConfig([serverlessYml])
  return {
    serverlessYml,
    buckets: config.buckets.map((b) => b.bucketName),
    environment: environmentByKey(config, functions, serverlessYml),
    document,
  }
}

/**
 * Write the service into `dir` (an empty directory): serverless.yml with each function's
 * resolved environment plus `extraEnvironment`, the handler location made absolute, and a
 * node_modules link so osls finds the serverless-offline plugin.
 *
 * @example
 * await writeOfflineService(service, '/tmp/albkit-offline-x', localS3Environment(s3.endpoint))
 */
export async function writeOfflineService(
  service: OfflineService,
  dir: string,
  extraEnvironment: Record<string, string>,
): Promise<void> {
  const doc = service.document.clone()
  for (const [key, env] of Object.entries(service.environment))
    doc.setIn(['functions', key, 'environment'], { ...extraEnvironment, ...env })
  // handlers are found from `custom.serverless-offline.location`, relative to the original file
  const location = doc.getIn(['custom', 'serverless-offline', 'location'])
  doc.setIn(
    ['custom', 'serverless-offline', 'location'],
    resolve(dirname(service.serverlessYml), typeof location === 'string' ? location : '.'),
  )
  await writeFile(join(dir, 'serverless.yml'), doc.toString())
  const modules = fileURLToPath(new URL('../../node_modules', import.meta.url))
  await symlink(modules, join(dir, 'node_modules'), 'dir')
}
