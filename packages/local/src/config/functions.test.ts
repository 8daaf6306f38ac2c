import assert from 'node:assert/strict'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { readFunctions } from './functions.js'
import type { CfnTemplate } from './template.js'
import { resolverFor } from './test-support.js'

const here = dirname(fileURLToPath(import.meta.url))
const templatePath = join(here, 'fixtures', 'template.yaml')
const read = (template: CfnTemplate) => readFunctions(resolverFor(template), templatePath)

describe('readFunctions', () => {
  test('SAM function with Globals merged, defaults, alias and environment', () => {
    const { functions } = read({
      Globals: {
        Function: {
          Runtime: 'nodejs22.x',
          Timeout: 9,
          Environment: { Variables: { A: 'global', B: 'global' } },
        },
      },
      Resources: {
        Fn: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            CodeUri: 'code/mjs',
            Handler: 'index.handler',
            AutoPublishAlias: 'live',
            ReservedConcurrentExecutions: 2,
            Environment: { Variables: { B: 'local', C: { Ref: 'AWS::Region' } } },
          },
        },
      },
    })
    const [fn] = functions
    assert.equal(fn?.functionName, 'test-stack-Fn')
    assert.equal(fn?.codeDir, join(here, 'fixtures/code/mjs'))
    assert.equal(fn?.handlerFile, join(here, 'fixtures/code/mjs/index.mjs'))
    assert.equal(fn?.handlerExport, 'handler')
    assert.equal(fn?.timeoutSeconds, 9)
    assert.equal(fn?.memoryMb, 128)
    assert.deepEqual(fn?.environment, { A: 'global', B: 'local', C: 'us-east-1' })
    assert.equal(fn?.aliasName, 'live')
    assert.equal(fn?.aliasArn, `${fn?.functionArn}:live`)
    assert.equal(fn?.reservedConcurrency, 2)
  })
  test('handler file resolution: .mjs, then .js, then .cjs; nested handler paths', () => {
    const fn = (code: string, handler = 'index.handler') =>
      read({
        Resources: {
          F: {
            Type: 'AWS::Lambda::Function',
            Properties: { Code: code, Handler: handler, Runtime: 'nodejs22.x' },
          },
        },
      }).functions[0]
    assert.equal(fn('code/mjs')?.handlerFile, join(here, 'fixtures/code/mjs/index.mjs'))
    assert.equal(fn('code/js')?.handlerFile, join(here, 'fixtures/code/js/index.js'))
    assert.equal(fn('code/cjs')?.handlerFile, join(here, 'fixtures/code/cjs/index.cjs'))
    const nested = fn('code', 'nested/build/app.main')
    assert.equal(nested?.handlerFile, join(here, 'fixtures/code/nested/build/app.mjs'))
    assert.equal(nested?.handlerExport, 'main')
    assert.equal(nested?.timeoutSeconds, 3)
  })
  test('a missing handler file names the function, the template and the paths tried', () => {
    assert.throws(
      () =>
        read({
          Resources: {
            Missing: {
              Type: 'AWS::Serverless::Function',
              Properties: { CodeUri: 'code/none', Handler: 'index.handler' },
            },
          },
        }),
      (e: Error) =>
        e.message.startsWith(
          'test.yaml: Missing.Handler: function Missing: handler file not found; tried ',
        ) &&
        e.message.includes(join(here, 'fixtures/code/none/index.mjs')) &&
        e.message.includes('index.cjs'),
    )
  })
  test('invalid properties', () => {
    const f = (props: Record<string, unknown>) => () =>
      read({
        Resources: {
          F: {
            Type: 'AWS::Serverless::Function',
            Properties: { CodeUri: 'code/mjs', Handler: 'index.handler', ...props },
          },
        },
      })
    assert.throws(
      f({ Timeout: 901 }),
      /F.Timeout: 901 is not allowed; use an integer from 1 to 900/,
    )
    assert.throws(f({ MemorySize: 64 }), /F.MemorySize: 64 is not allowed/)
    assert.throws(f({ Handler: 'index' }), /F.Handler: 'index' must look like <file>.<export>/)
    assert.throws(
      f({ CodeUri: { Bucket: 'b', Key: 'k' } }),
      /F.CodeUri: only a local path is supported/,
    )
  })
  test('non-Node runtimes are skipped with a warning', () => {
    const r = read({
      Resources: {
        Py: {
          Type: 'AWS::Serverless::Function',
          Properties: { Runtime: 'python3.12', CodeUri: '.', Handler: 'app.handler' },
        },
      },
    })
    assert.deepEqual(r.functions, [])
    assert.match(r.warnings[0] ?? '', /Py: runtime python3.12 cannot run locally; skipped/)
  })
})
