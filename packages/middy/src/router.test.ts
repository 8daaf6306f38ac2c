import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type AlbError, isAlbError, parseRequest, text } from '@albkit/core'
import { createRouter } from './router.js'
import { albEvent } from './testing/lambda.js'

const req = (method: string, path: string) => parseRequest(albEvent({ method, path }))

async function rejection(promise: Promise<unknown>): Promise<AlbError> {
  try {
    await promise
  } catch (error) {
    if (isAlbError(error)) return error
    throw error
  }
  assert.fail('expected an AlbError')
}

describe('Router', () => {
  const seen: string[] = []
  const router = createRouter({ notFound: 'use /a or /files/<name>' })
    .route(['GET', 'POST'], '/a', (r) => text(`a ${r.method}`, { headers: { 'X-Route': 'a' } }))
    .put('/files/:name', (_r, { name }) => text(`put ${name}`))
    .post('/files/presign', () => text('presign'))
    .get('/head-aware', (r) => {
      seen.push(r.method)
      return text('big body')
    })
    .options('/a', () => text('options'))

  test('method + path → handler; params are raw segments', async () => {
    assert.equal((await router.handle(req('POST', '/a'))).body, 'a POST')
    assert.equal((await router.handle(req('PUT', '/files/x%20y.txt'))).body, 'put x%20y.txt')
  })
  test('an exact pattern wins over a parameter, whatever the registration order', async () => {
    assert.equal((await router.handle(req('POST', '/files/presign'))).body, 'presign')
    const e = await rejection(router.handle(req('PUT', '/files/presign')))
    assert.equal(e.statusCode, 405)
    assert.deepEqual(e.headers, { Allow: 'POST' })
  })
  test('405 lists the methods in a fixed order, HEAD with GET', async () => {
    const e = await rejection(router.handle(req('DELETE', '/a')))
    assert.equal(e.statusCode, 405)
    assert.deepEqual(e.headers, { Allow: 'GET, HEAD, POST, OPTIONS' })
    assert.equal(e.message, 'DELETE is not allowed here; allowed: GET, HEAD, POST, OPTIONS')
    const put = await rejection(router.handle(req('GET', '/files/a.txt')))
    assert.deepEqual(put.headers, { Allow: 'PUT' })
  })
  test('HEAD runs GET (seeing HEAD) and keeps status and headers, without the body', async () => {
    const get = await router.handle(req('GET', '/a'))
    const head = await router.handle(req('HEAD', '/a'))
    assert.deepEqual(head, { ...get, body: '' })
    await router.handle(req('HEAD', '/head-aware'))
    assert.deepEqual(seen, ['HEAD'])
  })
  test('no match → 404 with the configured message; a parameter never matches an empty or nested segment', async () => {
    for (const path of ['/b', '/a/', '/files/', '/files/a/b', '/', '']) {
      const e = await rejection(router.handle(req('PUT', path)))
      assert.equal(e.statusCode, 404, path)
      assert.equal(e.message, 'use /a or /files/<name>')
    }
  })
  test('a pattern must start with /', () => {
    assert.throws(() => createRouter().get('a', () => text('')), TypeError)
  })
})
