/**
 * The real stack for a suite: the local load balancer read from the real SAM templates (plus the
 * fault fixture when asked), the four bundled apps and a local S3 the suite can stop and restart.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type LocalAlb, loadConfig, start } from '@albkit/local'
import { startTestS3, type TestS3 } from './s3-server.js'

export const REPO = resolve(fileURLToPath(import.meta.url), '../../../..')
export const FAULTS_TEMPLATE = join(REPO, 'e2e/fixtures/faults.yaml')
export const APP_TEMPLATES = [
  'alb',
  'upload-to-s3',
  'binary-response',
  'whats-my-ip',
  'health-checker',
].map((name) => join(REPO, `templates/sam/${name}.yaml`))

export interface Stack {
  alb: LocalAlb
  s3: TestS3
  dir: string
  /** the local name of the bucket a template declares, by logical id */
  bucket(logicalId: string): string
  close(): Promise<void>
}

export interface StackOptions {
  /** also load e2e/fixtures/faults.yaml (handlers that throw, hang, exit, inject headers) */
  faults?: boolean
  /** extra variables for every function; a function gets the bucket lookup of the templates */
  env?: Record<string, string> | ((bucket: (logicalId: string) => string) => Record<string, string>)
  healthCheckScale?: number
}

/**
 * @example
 * const stack = await startStack({ faults: true })
 * await fetch(`${stack.alb.url}/ip`)
 * await stack.close()
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const templates = options.faults === true ? [...APP_TEMPLATES, FAULTS_TEMPLATE] : APP_TEMPLATES
  const config = await loadConfig(templates)
  const dir = await mkdtemp(join(tmpdir(), 'albkit-e2e-'))
  const s3 = await startTestS3({
    dir: join(dir, 's3'),
    buckets: config.buckets.map((b) => b.bucketName),
  })
  const bucket = (logicalId: string): string => {
    const found = config.buckets.find((b) => b.logicalId === logicalId)
    if (found === undefined) throw new Error(`no bucket ${logicalId} in the templates`)
    return found.bucketName
  }
  let alb: LocalAlb
  try {
    alb = await start({
      templates,
      config,
      port: 0,
      adminPort: 0,
      s3: false,
      logDir: join(dir, 'logs'),
      quiet: true,
      healthCheckScale: options.healthCheckScale ?? 1,
      env: {
        ...s3.env,
        ...(typeof options.env === 'function' ? options.env(bucket) : options.env),
      },
    })
  } catch (error) {
    await s3.close()
    throw error
  }
  return {
    alb,
    s3,
    dir,
    bucket,
    async close() {
      await alb.close()
      await s3.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
