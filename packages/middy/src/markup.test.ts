import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Markup, markup, trusted } from './markup.js'

test('markup escapes every interpolated value, keeps Markup, joins lists, drops nothing-values', () => {
  const evil = `<script>alert("x")</script>&'`
  const item = (s: string) => markup`<li title="${s}">${s}</li>`
  const out = markup`<ul>${[evil, 'ok'].map(item)}</ul>${null}${undefined}${false}${0}${trusted('<br>')}`
  assert.ok(out instanceof Markup)
  assert.equal(
    out.html,
    '<ul><li title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</li><li title="ok">ok</li></ul>0<br>',
  )
  assert.equal(String(markup`a${'<'}b`), 'a&lt;b')
})
