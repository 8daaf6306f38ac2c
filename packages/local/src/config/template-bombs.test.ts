// Issue 14: malformed templates never hang or crash loading — YAML alias bombs (plain and under
// CloudFormation's short tags), deep nesting, huge files: each a ConfigError within bounded time.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { loadConfig, MAX_TEMPLATE_BYTES } from './load-config.js'
import { ConfigError } from './model.js'
import { tempTree } from './test-support.js'
import { parseCfnTemplate } from './yaml-cfn.js'

/** Load one template file; resolve to its ConfigError message and how long it took. */
async function refused(name: string, text: string): Promise<{ message: string; ms: number }> {
  const root = tempTree({ [name]: text })
  const started = performance.now()
  const error = await loadConfig([join(root, name)]).then(
    () => undefined,
    (err: unknown) => err,
  )
  const ms = performance.now() - started
  assert.ok(error instanceof ConfigError, `${name} was not refused with a ConfigError: ${error}`)
  return { message: error.message, ms }
}

/** Nine levels of nine aliases each: 9^9 ≈ 387 million strings once expanded. */
function billionLaughs(tag = ''): string {
  const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
  for (let i = 1; i < 10; i++)
    lines.push(
      `l${i}: &l${i} ${tag}[${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    )
  return `${lines.join('\n')}\nResources: {}\n`
}

// generous: each case takes milliseconds to ~2 s here; an unbounded expansion takes minutes or dies
const BOUND_MS = 10_000

test('billion laughs: refused, quickly', async () => {
  const { message, ms } = await refused('laughs.yaml', billionLaughs())
  assert.match(message, /laughs.yaml: template: cannot be read or parsed: Excessive alias count/)
  assert.ok(ms < BOUND_MS, `${ms} ms`)
})

test('billion laughs under a short tag (!Join): refused, quickly', async () => {
  const { message, ms } = await refused('tagged.yaml', billionLaughs('!Join '))
  assert.match(message, /Excessive alias count/)
  assert.ok(ms < BOUND_MS, `${ms} ms`)
})

test('a wide node aliased many times (under the alias count): refused by the value budget', async () => {
  const big = `big: &big [${Array(50_000).fill('1').join(',')}]`
  const refs = `refs: [${Array(500).fill('*big').join(',')}]`
  const { message, ms } = await refused('wide.yaml', `${big}\n${refs}\nResources: {}\n`)
  assert.match(message, /expands to more than 1000000 values/)
  assert.ok(ms < BOUND_MS, `${ms} ms`)
})

test('deep nesting: YAML flow, YAML block and JSON, each refused naming the depth', async () => {
  const depth = 100_000
  const flow = await refused('flow.yaml', `Resources: ${'['.repeat(depth)}${']'.repeat(depth)}\n`)
  assert.match(flow.message, /flow.yaml: template: cannot be read or parsed: nests deeper/)
  const block = Array.from({ length: 500 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')
  const blocky = await refused('block.yaml', `Resources:\n${block}\n`)
  assert.match(blocky.message, /nests deeper/)
  const json = await refused('deep.json', `{"Resources": ${'['.repeat(depth)}${']'.repeat(depth)}}`)
  assert.match(
    json.message,
    /deep.json: template: cannot be read or parsed: nests deeper than 100 levels/,
  )
  for (const { ms } of [flow, blocky, json]) assert.ok(ms < BOUND_MS, `${ms} ms`)
})

test('a file over 1 MB is refused before it is read', async () => {
  const root = tempTree({})
  const file = join(root, 'huge.yaml')
  writeFileSync(file, `Resources: {}\nDescription: "${'x'.repeat(50 * 1024 * 1024)}"\n`)
  const started = performance.now()
  await assert.rejects(
    loadConfig([file]),
    (err: unknown) =>
      err instanceof ConfigError &&
      new RegExp(
        `huge.yaml: template: cannot be read or parsed: \\d+ bytes; CloudFormation takes templates up to ${MAX_TEMPLATE_BYTES}`,
      ).test(err.message),
  )
  assert.ok(performance.now() - started < 1000)
})

test('aliases inside short tags resolve to their data (they were lost before)', () => {
  assert.deepEqual(parseCfnTemplate('a: &a [x, y]\nb: !Join ["-", *a]\n'), {
    a: ['x', 'y'],
    b: { 'Fn::Join': ['-', ['x', 'y']] },
  })
})
