import assert from 'node:assert/strict'
import { test } from 'node:test'
import { appNameProblem, nameForms } from './app-name.js'

test('good names pass', () => {
  for (const name of ['hello', 'my-app-2', 'abc', 'a'.repeat(22)])
    assert.equal(appNameProblem(name), undefined)
})

test('bad names are refused with the reason', () => {
  const cases: Array<[string, RegExp]> = [
    ['ab', /must be 3–22 characters/],
    ['a'.repeat(23), /must be 3–22 characters.*at most 32/],
    ['Hello', /lowercase letters, digits and hyphens only/],
    ['my_app', /lowercase letters, digits and hyphens only/],
    ['../etc', /lowercase letters/],
    ['1abc', /must start with a letter/],
    ['abc-', /not end with a hyphen/],
    ['a--b', /not contain "--"/],
    ['core', /is reserved/],
    ['health', /is reserved/],
  ]
  for (const [name, reason] of cases) assert.match(appNameProblem(name) ?? 'accepted', reason, name)
  assert.match(appNameProblem('whats-my-ip', ['whats-my-ip']) ?? '', /already exists in apps\//)
})

test('name forms for logical ids and function keys', () => {
  assert.deepEqual(nameForms('hello-world-2'), { pascal: 'HelloWorld2', camel: 'helloWorld2' })
})
