import type { Finding } from './finding.js'
import type { RouteSpec } from './routing.js'

function describeRoute(r: RouteSpec): string {
  return JSON.stringify({ conditions: r.conditions, multiValue: r.multiValue, health: r.health })
}

/**
 * Compare the routes of an app's SAM template with those of its serverless.yml: same
 * priorities, conditions, multi-value setting and health checks.
 *
 * @example
 * checkParity('whats-my-ip', samRoutes, slsRoutes, { sam: 'templates/sam/whats-my-ip.yaml', sls: '…/serverless.yml' })
 */
export function checkParity(
  app: string,
  sam: RouteSpec[],
  sls: RouteSpec[],
  files: { sam: string; sls: string },
): Finding[] {
  const findings: Finding[] = []
  const add = (message: string) =>
    findings.push({ check: 'parity', file: files.sls, resource: app, message })
  const byPriority = new Map(sls.map((r) => [r.priority, r]))
  for (const s of sam) {
    const other = byPriority.get(s.priority)
    byPriority.delete(s.priority)
    if (other === undefined) {
      add(`rule priority ${s.priority} is in ${files.sam} but not in serverless.yml`)
      continue
    }
    const fields: Array<[string, unknown, unknown]> = [
      ['conditions', s.conditions, other.conditions],
      ['multi-value headers', s.multiValue, other.multiValue],
      ['health checks', s.health, other.health],
    ]
    for (const [what, a, b] of fields)
      if (JSON.stringify(a) !== JSON.stringify(b))
        add(
          `priority ${s.priority}: ${what} differ: SAM ${JSON.stringify(a)} vs Serverless ${JSON.stringify(b)}`,
        )
  }
  for (const r of byPriority.values())
    add(
      `rule priority ${r.priority} is in serverless.yml but not in ${files.sam}: ${describeRoute(r)}`,
    )
  return findings
}
