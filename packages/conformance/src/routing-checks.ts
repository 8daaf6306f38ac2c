/**
 * Listener-rule checks (contract §5) that need only the suite's two routes: the single-value
 * echo is forwarded for `<singlePath>` and `<singlePath>/*`, and the listener's default action
 * answers 404 for everything unmatched.
 */

import { send } from '@albkit/core/testing'
import { type ConformanceCheck, expect } from './checks.js'
import { ELB_RULES } from './sources.js'

const RULES = `${ELB_RULES} (path-pattern)`

export const routingChecks: ConformanceCheck[] = [
  {
    id: 'path-star-spans-slash',
    section: '§5',
    rule: 'path-pattern: * matches any run of characters, / included',
    source: RULES,
    async run(t) {
      const path = `${t.singlePath}/a/b/c`
      const res = await send(`${t.baseUrl}${path}`)
      const event =
        res.status === 200
          ? (JSON.parse(res.body.toString()) as { event?: { path?: string } }).event
          : undefined
      expect(
        event?.path === path,
        `GET ${path} → ${res.status}${event ? `, path ${event.path}` : ''}`,
      )
    },
  },
  {
    id: 'path-case-sensitive',
    section: '§5',
    rule: 'path-pattern is case-sensitive',
    source: RULES,
    async run(t) {
      const path = t.singlePath.toUpperCase()
      const res = await send(`${t.baseUrl}${path}`)
      expect(res.status === 404, `GET ${path} → ${res.status}, expected the default 404`)
    },
  },
  {
    id: 'path-ignores-query',
    section: '§5',
    rule: 'path-pattern is matched against the path only, never the query',
    source: RULES,
    async run(t) {
      const url = `/not-routed?to=${t.singlePath}`
      const res = await send(`${t.baseUrl}${url}`)
      expect(res.status === 404, `GET ${url} → ${res.status}, expected the default 404`)
    },
  },
]
