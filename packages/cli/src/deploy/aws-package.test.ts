// The dry run zips what AWS's own tool uploads: `aws cloudformation package` (AWS CLI) runs
// against the local S3 of @albkit/local, and the zip it stored holds the same files with the
// same bytes as the dry run's zip of the same CodeUri.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { promisify } from 'node:util'
import { LOCAL_S3_CREDENTIALS, parseTemplate, start } from '@albkit/local'
import { programInstalled } from '../program-installed.js'
import { albTemplate, findRoot } from '../workspace.js'
import { extractZip, zipDirectory } from './artifact.js'

const run = promisify(execFile)

const skip = programInstalled('aws') ? false : 'the AWS CLI is not installed (pip install awscli)'

const root = findRoot(import.meta.dirname)
const scratch = mkdtempSync(join(tmpdir(), 'albkit-aws-package-'))
after(() => rmSync(scratch, { recursive: true, force: true }))

function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) {
      const file = join(e.parentPath, e.name)
      out[file.slice(dir.length + 1)] =
        `${statSync(file).size} ${createHash('sha256').update(readFileSync(file)).digest('hex')}`
    }
  return out
}

test('aws cloudformation package uploads the files the dry run zips', { skip }, async () => {
  const alb = await start({
    templates: [albTemplate(root)],
    port: 0,
    adminPort: 0,
    s3: { port: 0, dir: join(scratch, 's3') },
    quiet: true,
    watch: false,
    logDir: join(scratch, 'logs'),
  })
  try {
    assert.ok(alb.s3Endpoint)
    const env = {
      ...process.env,
      AWS_ENDPOINT_URL_S3: alb.s3Endpoint,
      AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: join(scratch, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'none'),
    }
    await run('aws', ['s3', 'mb', 's3://artifacts'], { env })
    const template = join(root, 'templates', 'sam', 'whats-my-ip.yaml')
    const packaged = join(scratch, 'packaged.yaml')
    await run(
      'aws',
      [
        'cloudformation',
        'package',
        '--template-file',
        template,
        '--s3-bucket',
        'artifacts',
        '--s3-prefix',
        'albkit-whats-my-ip',
        '--output-template-file',
        packaged,
      ],
      { env, cwd: join(root, 'apps', 'whats-my-ip') },
    )
    const codeUri = parseTemplate(readFileSync(packaged, 'utf8')).Resources?.WhatsMyIpFunction
      ?.Properties?.CodeUri
    assert.match(String(codeUri), /^s3:\/\/artifacts\/albkit-whats-my-ip\/[0-9a-f]{32}$/)
    const uploaded = join(scratch, 'uploaded.zip')
    await run('aws', ['s3', 'cp', String(codeUri), uploaded], { env })

    const theirs = join(scratch, 'theirs')
    const ours = join(scratch, 'ours')
    await extractZip(readFileSync(uploaded), theirs)
    await extractZip((await zipDirectory(join(root, 'apps', 'whats-my-ip', 'dist'))).zip, ours)
    const expected = digest(theirs)
    assert.ok(Object.keys(expected).includes('index.mjs'), JSON.stringify(expected))
    assert.deepEqual(digest(ours), expected)
  } finally {
    await alb.close()
  }
})
