import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
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

test('a record with `Cookie` and `cookie` gives both values, before and after entries()', () => {
  const rec = { Cookie: ['a=1'], cookie: ['b=2'] }
  const fresh = new HeaderRecordView(rec)
  assert.deepEqual(fresh.all('cookie'), ['a=1', 'b=2'])
  const v = new HeaderRecordView(rec)
  assert.deepEqual(v.all('cookie'), v.all('Cookie'))
  v.entries()
  assert.deepEqual(v.all('cookie'), ['a=1', 'b=2'])
})

test('every answer is the same whatever the order of calls (property)', () => {
  const name = fc.constantFrom('cookie', 'Cookie', 'COOKIE', 'accept', 'Accept', 'x-a')
  const value = fc.oneof(
    fc.string({ maxLength: 3 }),
    fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  )
  const record = fc.dictionary(name, value, { maxKeys: 6 })
  const call = fc.tuple(fc.constantFrom('get', 'first', 'all', 'has', 'entries'), name)
  type Call = [string, string]
  const ask = (v: HeaderRecordView, [method, n]: Call): unknown => {
    switch (method) {
      case 'get':
        return v.get(n)
      case 'first':
        return v.first(n)
      case 'all':
        return v.all(n)
      case 'has':
        return v.has(n)
      default:
        return [...v.entries()]
    }
  }
  fc.assert(
    fc.property(record, fc.array(call, { maxLength: 12 }), (rec, calls) => {
      const view = new HeaderRecordView(rec)
      // each call on the shared view answers as the same call on a fresh view
      for (const c of calls) assert.deepEqual(ask(view, c), ask(new HeaderRecordView(rec), c))
    }),
    { numRuns: 500 },
  )
})
