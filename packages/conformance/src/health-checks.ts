/**
 * Health checks (contract §6): the health-echo target group has checks on (echo-service.ts);
 * the echo function keeps the last health-check event per instance and returns it on request.
 */

import { send } from '@albkit/core/testing'
import { type ConformanceCheck, type EchoEvent, expect, NotExpressible } from './checks.js'
import { CONFORMANCE_ROUTES, HEALTH_CHECK } from './echo-service.js'
import { ELB_HEALTH } from './sources.js'

const POLLS = 40
const POLL_MS = 250
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function lastHealthCheck(baseUrl: string): Promise<EchoEvent | undefined> {
  for (let i = 0; i < POLLS; i++) {
    const res = await send(`${baseUrl}${CONFORMANCE_ROUTES.healthPath}`, {
      headers: { 'x-conformance-last-health-check': '1' },
    })
    if (res.status === 200) {
      const parsed = JSON.parse(res.body.toString('utf8')) as { lastHealthCheck?: EchoEvent | null }
      if (parsed.lastHealthCheck) return parsed.lastHealthCheck
    }
    await pause(POLL_MS)
  }
  return undefined
}

interface TargetRow {
  targetGroup: string
  state: string
  lastCheck?: { ok: boolean; statusCode?: number }
}

export const healthChecks: ConformanceCheck[] = [
  {
    id: 'health-check-event',
    section: '§6',
    rule: 'a health check is GET <path>, queryStringParameters {}, only user-agent ELB-HealthChecker/2.0, body "", not base64',
    source: ELB_HEALTH,
    async run(t) {
      const e = await lastHealthCheck(t.baseUrl)
      expect(e !== undefined, 'no health-check event received')
      expect(
        e.httpMethod === 'GET' && e.path === CONFORMANCE_ROUTES.healthCheckPath,
        `${e.httpMethod} ${e.path}`,
      )
      expect(
        JSON.stringify(e.queryStringParameters) === '{}',
        `queryStringParameters ${JSON.stringify(e.queryStringParameters)}`,
      )
      expect(
        JSON.stringify(e.headers) === '{"user-agent":"ELB-HealthChecker/2.0"}',
        `headers ${JSON.stringify(e.headers)}`,
      )
      expect(
        e.body === '' && e.isBase64Encoded === false,
        `body ${JSON.stringify(e.body)}, isBase64Encoded ${e.isBase64Encoded}`,
      )
    },
  },
  {
    id: 'health-check-target-state',
    section: '§6',
    rule: `a target answering 200 to the checks becomes healthy after ${HEALTH_CHECK.healthyThreshold} of them`,
    source: ELB_HEALTH,
    async run(t) {
      if (t.adminUrl === undefined)
        throw new NotExpressible('no admin API (GET /targets) to read target health from')
      let row: TargetRow | undefined
      for (let i = 0; i < POLLS; i++) {
        const res = await send(`${t.adminUrl}/targets`)
        const rows = JSON.parse(res.body.toString('utf8')) as TargetRow[]
        row = rows.find((r) => r.targetGroup === CONFORMANCE_ROUTES.healthTargetGroup)
        if (row?.state === 'healthy') break
        await pause(POLL_MS)
      }
      expect(
        row?.state === 'healthy' && row.lastCheck?.ok === true && row.lastCheck.statusCode === 200,
        `target ${JSON.stringify(row)}`,
      )
    },
  },
]
