import assert from 'node:assert/strict'
import { test } from 'node:test'
import { HeaderRecordView } from './header-view.js'

test('lower-case records are read directly, any case of name', () => {
  const v = new HeaderRecordView({ 'content-type': 'text/plain', accept: '*/*' })
  assert.equal(v.get('Content-Type'), 'text/plain')
  assert.equal(v.first('ACCEPT'), '*/*')
  assert.equal(v.get('missing'), undefined)
  assert.deepEqual(
    [...v.entries()],
    [
      ['content-type', ['text/plain']],
      ['accept', ['*/*']],
    ],
  )
})

test('hand-made records with upper-case names still work, duplicates merged', () => {
  const v = new HeaderRecordView({ 'Content-Type': 'a', 'X-Tag': ['1'], 'x-tag': ['2'] })
  assert.equal(v.get('content-type'), 'a')
  assert.deepEqual(v.all('X-TAG').sort(), ['1', '2'])
  assert.equal(v.has('x-tag'), true)
})

test('inherited members are not headers', () => {
  const v = new HeaderRecordView({})
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    assert.equal(v.get(name), undefined)
    assert.equal(v.has(name), false)
  }
  assert.equal(new HeaderRecordView(null).get('a'), undefined)
})

test('multi-value records', () => {
  const v = new HeaderRecordView({ cookie: ['a=1', 'b=2'] })
  assert.equal(v.get('cookie'), 'b=2')
  assert.equal(v.first('cookie'), 'a=1')
  const all = v.all('cookie')
  all.push('mutated')
  assert.deepEqual(v.all('cookie'), ['a=1', 'b=2'])
})
