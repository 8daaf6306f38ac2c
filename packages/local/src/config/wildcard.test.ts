// ALB wildcards matched without regular expressions (issue 14, finding 3): known cases, the same
// answers as the old RegExp compilation on short inputs, and linear cost on long ones.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { compileWildcard, type WildcardOptions } from './wildcard.js'

const PATH: WildcardOptions = { caseInsensitive: false, backslashEscapes: false }
const HOST: WildcardOptions = { caseInsensitive: true, backslashEscapes: false }
const QUERY: WildcardOptions = { caseInsensitive: true, backslashEscapes: true }

/** The previous implementation (a backtracking RegExp), kept here as the reference only. */
function reference(pattern: string, options: WildcardOptions): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i)
    const next = pattern.charAt(i + 1)
    if (options.backslashEscapes && ch === '\\' && (next === '*' || next === '?')) {
      source += `\\${next}`
      i++
    } else if (ch === '*') source += '.*'
    else if (ch === '?') source += '.'
    else source += /[.+^${}()|[\]\\/*?-]/.test(ch) ? `\\${ch}` : ch
  }
  return new RegExp(`^${source}$`, options.caseInsensitive ? 'is' : 's')
}

test('known cases: path (case-sensitive), host and values (case-insensitive), query escapes', () => {
  const cases: Array<[string, WildcardOptions, string, boolean]> = [
    ['/ip', PATH, '/ip', true],
    ['/ip', PATH, '/IP', false],
    ['/ip', PATH, '/ip/', false],
    ['/ip/*', PATH, '/ip/a/b', true],
    ['/ip/*', PATH, '/ip/', true],
    ['/ip/*', PATH, '/ip', false],
    ['*', PATH, '', true],
    ['/r/*/*/*.js', PATH, '/r/a/b/c.js', true],
    ['/r/*/*/*.js', PATH, '/r/a/b/c.jsx', false],
    ['/r/*/*/*.js', PATH, '/r//.js', false],
    ['/r/*/*/*.js', PATH, '/r///.js', true],
    ['/a?c', PATH, '/abc', true],
    ['/a?c', PATH, '/ac', false],
    ['/a*a', PATH, '/a', false],
    ['/a*a', PATH, '/aa', true],
    ['*.example.com', HOST, 'API.Example.COM', true],
    ['*.example.com', HOST, 'example.com', false],
    ['BETA-*', HOST, 'beta-2', true],
    ['a\\*b', QUERY, 'a*b', true],
    ['a\\*b', QUERY, 'axb', false],
    ['a\\?b', QUERY, 'A?B', true],
    ['a\\?b', QUERY, 'axb', false],
    ['a\\b', QUERY, 'a\\b', true],
    ['a\\*b', PATH, 'a\\zzb', true],
  ]
  for (const [pattern, options, input, expected] of cases)
    assert.equal(compileWildcard(pattern, options).test(input), expected, `${pattern} ~ ${input}`)
})

test('property: the same answer as the RegExp compilation, for any short pattern and input', () => {
  const alphabet = ['a', 'A', 'b', 'B', '/', '.', '-', '*', '?', '\\', 'é', 'É', '\n']
  const text = (maxLength: number) =>
    fc.array(fc.constantFrom(...alphabet), { maxLength }).map((chars) => chars.join(''))
  // a small alphabet: patterns and inputs share characters, so matches happen often
  const ascii = (s: string) => [...s].every((ch) => ch.charCodeAt(0) < 128)
  fc.assert(
    fc.property(
      text(8),
      text(12),
      fc.constantFrom(PATH, HOST, QUERY),
      (pattern, input, options) => {
        // case folding is ASCII only (hosts and header names are ASCII); RegExp /i folds more
        fc.pre(!options.caseInsensitive || (ascii(pattern) && ascii(input)))
        assert.equal(
          compileWildcard(pattern, options).test(input),
          reference(pattern, options).test(input),
        )
      },
    ),
    { numRuns: Number(process.env.FC_NUM_RUNS ?? 5000) },
  )
})

test('property: long pieces (several 32-bit words) give the RegExp answer too', () => {
  const piece = fc
    .array(fc.constantFrom('a', 'b', '?'), { maxLength: 70 })
    .map((chars) => chars.join(''))
  // an input made from the pattern (stars and ? filled in) matches often; a random one rarely
  const fill = (pattern: string, seed: number) =>
    pattern.replaceAll('?', seed % 2 ? 'a' : 'b').replaceAll('*', 'ab'.repeat(seed % 5))
  fc.assert(
    fc.property(
      fc.array(piece, { minLength: 1, maxLength: 3 }),
      fc.oneof(fc.stringMatching(/^[ab]{0,300}$/), fc.nat()),
      fc.boolean(),
      (parts, input, ci) => {
        const pattern = parts.join('*')
        const text = typeof input === 'number' ? fill(pattern, input) : input
        const options = ci ? HOST : PATH
        assert.equal(
          compileWildcard(pattern, options).test(text),
          reference(pattern, options).test(text),
          `${pattern} ~ ${text}`,
        )
      },
    ),
    { numRuns: Number(process.env.FC_NUM_RUNS ?? 2000) },
  )
})

test('property: a pattern built from its input always matches it', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), fc.array(fc.nat()), (input, cuts) => {
      // replace a few slices of the input by `*`: the result must still match
      let pattern = input.replaceAll('*', '?')
      for (const cut of cuts.slice(0, 5)) {
        const at = cut % (pattern.length + 1)
        pattern = `${pattern.slice(0, at)}*${pattern.slice(at + 1)}`
      }
      assert.ok(compileWildcard(pattern, PATH).test(input), `${pattern} ~ ${input}`)
    }),
  )
})

test('the attack of finding 3: many stars against long paths end in well under 100 ms', () => {
  // the old RegExp took ~4.5 s for the first case; a real regression is seconds, not ms
  const cases: Array<[string, string]> = [
    ['/r/*/*/*.js', `/r/${'/'.repeat(3600)}x`],
    ['/r/*/*/*/*/*.js', `/r/${'/'.repeat(16_000)}x`],
    ['*/*/*/*/*a', `${'/'.repeat(16_000)}b`],
    ['/r/?*?*?*?*?*.js', `/r/${'/'.repeat(16_000)}.j`],
    // 128-character pieces that almost match everywhere: the naive search compared ~2M characters
    [`*${'a'.repeat(120)}b*`, 'a'.repeat(16_000)],
    [`*${'a?'.repeat(60)}b*x`, `${'a'.repeat(16_000)}x`],
  ]
  for (const [pattern, path] of cases) {
    const wildcard = compileWildcard(pattern, PATH)
    const started = performance.now()
    assert.equal(wildcard.test(path), false)
    const ms = performance.now() - started
    assert.ok(ms < 100, `${pattern} on ${path.length} characters: ${ms.toFixed(1)} ms`)
  }
})
