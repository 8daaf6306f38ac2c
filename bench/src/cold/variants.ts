/**
 * What the cold-start benchmark starts: the four apps (their own dist bundles, built first) and
 * reference bundles (bare handler, @middy/core alone, hono's adapter, a bundled S3Client) built
 * here with the same bundleApp every app uses. Each gets the event its first request would be.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleApp } from '@albkit/build'
import { albEvent, healthCheckEvent } from '@albkit/core/testing'

export const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const FIXTURES = fileURLToPath(new URL('../../fixtures/cold/', import.meta.url))
const CACHE = fileURLToPath(new URL('../../.cache/cold/', import.meta.url))

export interface ColdVariant {
  name: string
  kind: 'app' | 'reference'
  bundle: string
  event: string
  env: Record<string, string>
  /** the status a correct first answer has */
  expectStatus: number
  /** target: added ms, and gzip bytes (apps only) */
  target?: { addedMs: number; gzipBytes?: number }
}

const get = (path: string, mode: 'single' | 'multi' = 'single') =>
  JSON.stringify(albEvent({ method: 'GET', path, mode, headers: { host: 'alb.example.com' } }))

const apps: Array<Omit<ColdVariant, 'bundle' | 'kind'> & { dir: string }> = [
  {
    name: 'whats-my-ip',
    dir: 'whats-my-ip',
    event: get('/ip', 'multi'),
    env: {},
    expectStatus: 200,
    target: { addedMs: 10, gzipBytes: 30 * 1024 },
  },
  {
    name: 'binary-response',
    dir: 'binary-response',
    event: get('/binary/logo.png'),
    env: {},
    expectStatus: 200,
    target: { addedMs: 10, gzipBytes: 30 * 1024 },
  },
  {
    name: 'health-checker',
    dir: 'health-checker',
    event: JSON.stringify(healthCheckEvent({ path: '/health' })),
    env: { HEALTH_PROBES: '[]' },
    expectStatus: 200,
    target: { addedMs: 10, gzipBytes: 30 * 1024 },
  },
  {
    // a person's first /health with one S3 probe: loads the S3 probe's chunk and signs a
    // HeadBucket (SigV4); the endpoint is a closed local port, so the probe fails fast (503)
    name: 'health-checker (first S3 probe)',
    dir: 'health-checker',
    event: JSON.stringify(
      albEvent({
        method: 'GET',
        path: '/health',
        headers: { host: 'alb.example.com', accept: 'application/json' },
      }),
    ),
    env: {
      HEALTH_PROBES: JSON.stringify([{ name: 'uploads', type: 's3', bucket: 'bench-bucket' }]),
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9',
      AWS_S3_FORCE_PATH_STYLE: 'true',
      AWS_ACCESS_KEY_ID: 'AKIABENCHBENCHBENCH0',
      AWS_SECRET_ACCESS_KEY: 'bench-secret-not-a-real-key',
    },
    expectStatus: 503,
  },
  {
    // the presign route loads the SDK, builds an S3Client and signs locally: no network
    name: 'upload-to-s3 (first SDK request: presign)',
    dir: 'upload-to-s3',
    event: JSON.stringify(
      albEvent({
        method: 'POST',
        path: '/upload/presign',
        headers: {
          host: 'alb.example.com',
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ name: 'photo.png', contentType: 'image/png', size: 1000 }),
      }),
    ),
    env: {
      BUCKET_NAME: 'bench-bucket',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIABENCHBENCHBENCH0',
      AWS_SECRET_ACCESS_KEY: 'bench-secret-not-a-real-key',
    },
    expectStatus: 200,
    target: { addedMs: 50 },
  },
  {
    name: 'upload-to-s3 (form page, no SDK)',
    dir: 'upload-to-s3',
    event: get('/upload'),
    env: { BUCKET_NAME: 'bench-bucket' },
    expectStatus: 200,
  },
]

const references = ['bare', 'middy-only', 'hono-adapter', 's3-client']

/** Build the apps (turbo, with their workspace dependencies) and the reference bundles. */
export async function coldVariants(log: (s: string) => void): Promise<ColdVariant[]> {
  const build = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=./apps/*', '--output-logs=errors-only'],
    {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
    },
  )
  if (build.status !== 0)
    log(
      `  app build failed (using the bundles that exist):\n${build.stdout.slice(-1500)}${build.stderr.slice(-1500)}`,
    )
  const out: ColdVariant[] = []
  for (const app of apps) {
    const bundle = join(REPO, 'apps', app.dir, 'dist', 'index.mjs')
    if (existsSync(bundle)) out.push({ ...app, kind: 'app', bundle })
    else log(`  ${app.name}: no bundle at ${bundle}, skipped`)
  }
  for (const name of references) {
    const { outfile } = await bundleApp({
      entry: join(FIXTURES, `${name}.ts`),
      outdir: join(CACHE, name),
    })
    out.push({
      name: `reference: ${name}`,
      kind: 'reference',
      bundle: outfile,
      event: get('/'),
      env: {},
      expectStatus: 200,
    })
  }
  return out
}
