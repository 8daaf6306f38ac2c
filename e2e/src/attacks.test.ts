/**
 * Issue 14 against `albkit dev` as a user runs it (the built CLI in its own process, fed a fake
 * developer's environment): a malformed multipart POST to the embedded S3 (CVE-2022-24434) leaves
 * the load balancer, the admin port and S3 answering; and a function sees none of the developer's
 * credentials — not its HOME, not ~/.aws, not AWS_PROFILE or AWS_* keys — with S3 and without.
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { type DevProcess, startDev } from './support/dev-process.js'
import { figure } from './support/figures.js'
import { REPO } from './support/stack.js'

const TEMPLATES = [join(REPO, 'templates/sam/alb.yaml'), join(REPO, 'e2e/fixtures/attacks.yaml')]

// what a developer's laptop holds: keys in the environment and in ~/.aws, a profile, file overrides
const SECRET_KEY_ID = 'AKIADEVELOPERLAPTOP1'
const SECRET_KEY = 'developer-secret-key-do-not-leak'
const SECRET_TOKEN = 'developer-session-token-do-not-leak'
const FILE_KEY_ID = 'AKIAFROMCREDENTIALSFILE'

const scratch = mkdtempSync(join(tmpdir(), 'albkit-attacks-'))
const devHome = join(scratch, 'developer-home')

function developerEnv(): Record<string, string> {
  mkdirSync(join(devHome, '.aws'), { recursive: true })
  writeFileSync(
    join(devHome, '.aws', 'credentials'),
    `[default]\naws_access_key_id = ${FILE_KEY_ID}\naws_secret_access_key = ${SECRET_KEY}\n[dev]\naws_access_key_id = ${FILE_KEY_ID}\naws_secret_access_key = ${SECRET_KEY}\n`,
  )
  writeFileSync(join(devHome, '.aws', 'config'), '[profile dev]\nregion = eu-west-3\n')
  return {
    PATH: process.env.PATH ?? '',
    HOME: devHome,
    AWS_PROFILE: 'dev',
    AWS_DEFAULT_PROFILE: 'dev',
    AWS_ACCESS_KEY_ID: SECRET_KEY_ID,
    AWS_SECRET_ACCESS_KEY: SECRET_KEY,
    AWS_SESSION_TOKEN: SECRET_TOKEN,
    AWS_CONFIG_FILE: join(devHome, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(devHome, '.aws', 'credentials'),
  }
}

after(() => rmSync(scratch, { recursive: true, force: true }))

/** Any HTTP answer at all (status), or the reason there was none. */
async function answers(url: string, init?: RequestInit): Promise<number | string> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) })
    await res.arrayBuffer()
    return res.status
  } catch (error) {
    return `no answer: ${(error as Error).cause ?? error}`
  }
}

interface WhoAmI {
  env: Record<string, string>
  homedir: string
  userInfoHomedir: string
  awsCredentialsFile: string
  awsConfigFile: string
  credentials: { accessKeyId?: string; secretAccessKey?: string; error?: string }
}

async function whoami(dev: DevProcess): Promise<WhoAmI> {
  const res = await fetch(`${dev.url}/whoami`, { signal: AbortSignal.timeout(15_000) })
  assert.equal(res.status, 200, dev.output())
  return (await res.json()) as WhoAmI
}

/** Nothing of the developer's reaches the function (finding 4). */
function assertNothingLeaks(seen: WhoAmI, raw: string): void {
  for (const secret of [SECRET_KEY_ID, SECRET_KEY, SECRET_TOKEN, FILE_KEY_ID, devHome])
    assert.ok(!raw.includes(secret), `the function saw ${secret}`)
  for (const name of [
    'AWS_PROFILE',
    'AWS_DEFAULT_PROFILE',
    'AWS_SESSION_TOKEN',
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
  ])
    assert.equal(seen.env[name], undefined, `${name} reached the function`)
  assert.notEqual(seen.homedir, devHome)
  assert.equal(seen.homedir, seen.env.HOME, 'os.homedir() is the function’s own HOME')
  assert.equal(seen.userInfoHomedir, seen.env.HOME)
  assert.match(seen.awsCredentialsFile, /unreadable: ENOENT/)
  assert.match(seen.awsConfigFile, /unreadable: ENOENT/)
  // the SDK's default chain resolves to the dummy keys, never to the laptop's
  assert.equal(seen.credentials.accessKeyId, 'S3RVER')
  // what Lambda gives: its variables and the template's own
  assert.equal(seen.env.FROM_TEMPLATE, 'yes')
  assert.ok(seen.env.AWS_LAMBDA_FUNCTION_NAME)
  assert.equal(seen.env.AWS_REGION, 'us-east-1')
}

describe('albkit dev with S3, started from a developer’s environment', () => {
  let dev: DevProcess
  before(async () => {
    const cwd = join(scratch, 'with-s3')
    mkdirSync(cwd, { recursive: true })
    dev = await startDev({ templates: TEMPLATES, cwd, env: developerEnv() })
  })
  after(() => dev.stop())

  test('a malformed multipart POST to S3 (CVE-2022-24434): the load balancer, admin port and S3 all still answer', async () => {
    assert.ok(dev.s3Url !== undefined)
    const boundary = '----albkit'
    // a part header line that starts with a space: dicer (s3rver 3.7.1) throws and the process exits
    const body = `--${boundary}\r\n Content-Disposition: form-data; name="key"\r\n\r\nv\r\n--${boundary}--\r\n`
    const bucket = (await whoami(dev)).env.BUCKET
    assert.ok(bucket)
    const attack = await answers(`${dev.s3Url}/${bucket}`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.equal(dev.child.exitCode, null, `albkit dev exited:\n${dev.output()}`)
    assert.equal(await answers(`${dev.url}/whoami`), 200)
    assert.equal(await answers(`${dev.adminUrl}/routes`), 200)
    const s3 = await answers(`${dev.s3Url}/`)
    assert.equal(typeof s3, 'number', `S3: ${s3}`)
    figure('s3-multipart-attack', { attackStatus: attack, bytes: body.length, lbAfter: 200 })
  })

  test('a function sees no developer credentials, no developer HOME', async () => {
    const res = await fetch(`${dev.url}/whoami`)
    const raw = await res.text()
    assertNothingLeaks(JSON.parse(raw) as WhoAmI, raw)
  })
})

describe('albkit dev --no-s3, started from a developer’s environment', () => {
  let dev: DevProcess
  before(async () => {
    const cwd = join(scratch, 'no-s3')
    mkdirSync(cwd, { recursive: true })
    dev = await startDev({ templates: TEMPLATES, cwd, env: developerEnv(), args: ['--no-s3'] })
  })
  after(() => dev.stop())

  test('a function sees no developer credentials, no developer HOME', async () => {
    assert.equal(dev.s3Url, undefined)
    const res = await fetch(`${dev.url}/whoami`)
    const raw = await res.text()
    const seen = JSON.parse(raw) as WhoAmI
    assertNothingLeaks(seen, raw)
    assert.equal(seen.env.AWS_ENDPOINT_URL_S3, undefined)
  })
})
