/** The console's JSON API, as the page calls it (same origin). */

import type { ExchangeDetail, ExchangeSummary } from '../console/exchange-views.js'
import type { RuleVerdict } from '../console/rule-trace.js'
import type { RouteRow } from '../runtime/route-table.js'

export type { ExchangeDetail, ExchangeSummary, RouteRow, RuleVerdict }

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } })
  const body = (await res.json()) as T & { message?: string }
  if (!res.ok) throw new Error(body.message ?? `${path}: HTTP ${res.status}`)
  return body
}

export const api = {
  exchanges: () => getJson<ExchangeSummary[]>('/api/exchanges'),
  exchange: (id: number) => getJson<ExchangeDetail>(`/api/exchanges/${id}`),
  rules: (id: number) => getJson<RuleVerdict[]>(`/api/exchanges/${id}/rules`),
  routes: () => getJson<RouteRow[]>('/api/routes'),
  targets: () => getJson<TargetView[]>('/api/targets'),
  async text(path: string): Promise<string> {
    const res = await fetch(path)
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`)
    return res.text()
  },
  async replay(id: number): Promise<ExchangeDetail> {
    const res = await fetch(`/api/exchanges/${id}/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    const body = (await res.json()) as ExchangeDetail & { message?: string }
    if (!res.ok) throw new Error(body.message ?? `replay: HTTP ${res.status}`)
    return body
  },
}

/** A target group as /api/targets shows it. */
export interface TargetView {
  targetGroup: string
  targetGroupArn: string
  function?: string
  state: string
  reason?: string
  lastCheck?: { time: string; ok: boolean; statusCode?: number; reason?: string; ms: number }
  transitions: Array<{ time: string; from: string; to: string; reason?: string }>
  checks: Array<{ time: string; ok: boolean; statusCode?: number; reason?: string; ms: number }>
}
