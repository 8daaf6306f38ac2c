// Issue 14, finding 4: a function's environment holds nothing of the developer's shell.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { functionEnv } from './function-env.js'
import { fixtureConfig } from './test-support.js'

test('none of the developer’s HOME, profile, keys or credential files; Lambda’s variables and dummy keys instead', () => {
  const developer = {
    HOME: '/home/dev',
    AWS_PROFILE: 'dev',
    AWS_DEFAULT_PROFILE: 'dev',
    AWS_ACCESS_KEY_ID: 'AKIADEVELOPER',
    AWS_SECRET_ACCESS_KEY: 'developer-secret',
    AWS_SESSION_TOKEN: 'developer-token',
    AWS_CONFIG_FILE: '/home/dev/.aws/config',
    AWS_SHARED_CREDENTIALS_FILE: '/home/dev/.aws/credentials',
    AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.2/creds',
    SOME_SHELL_VARIABLE: 'x',
  }
  const saved = { ...process.env }
  Object.assign(process.env, developer)
  try {
    const [fn] = fixtureConfig([{ paths: ['/echo'], handler: 'echo' }]).functions
    assert.ok(fn)
    const env = functionEnv(fn, {
      region: 'eu-west-1',
      s3: {},
      home: '/tmp/albkit-home-x',
      overrides: {},
    })
    for (const [name, value] of Object.entries(developer)) {
      assert.ok(!Object.values(env).includes(value), `${name}'s value reached the function`)
      if (name !== 'HOME' && !name.startsWith('AWS_ACCESS') && !name.startsWith('AWS_SECRET'))
        assert.equal(env[name], undefined, name)
    }
    assert.equal(env.HOME, '/tmp/albkit-home-x')
    assert.equal(env.AWS_ACCESS_KEY_ID, 'S3RVER')
    assert.equal(env.AWS_SECRET_ACCESS_KEY, 'S3RVER')
    assert.equal(env.AWS_REGION, 'eu-west-1')
    assert.equal(env.AWS_LAMBDA_FUNCTION_NAME, fn.functionName)
    assert.equal(env.PATH, process.env.PATH)
  } finally {
    for (const name of Object.keys(developer)) delete process.env[name]
    Object.assign(process.env, saved)
  }
})
