/** The listener rules as rows (priority, conditions → action → function) for printing and /routes. Pure. */
import type { LocalConfig, RuleCondition } from '../config/index.js'

export interface RouteRow {
  priority: number | 'default'
  conditions: string
  action: string
  targetGroup?: string
  function?: string
  template: string
}

/** One condition as text: `path-pattern /ip | /ip/*`. */
export function describeCondition(c: RuleCondition): string {
  if (c.field === 'http-header') return `${c.headerName}: ${c.values.join(' | ')}`
  if (c.field === 'query-string')
    return `query ${c.values.map((v) => (v.key === undefined ? v.value : `${v.key}=${v.value}`)).join(' | ')}`
  return `${c.field} ${c.values.join(' | ')}`
}

/**
 * @example
 * routeTable(config)[0] // { priority: 10, conditions: 'path-pattern /upload | /upload/*', action: 'forward', … }
 */
export function routeTable(config: LocalConfig): RouteRow[] {
  const fnByLogicalId = new Map(config.functions.map((f) => [f.logicalId, f]))
  const tgByArn = new Map(config.targetGroups.map((tg) => [tg.arn, tg]))
  return config.rules.map((rule) => {
    const conditions =
      rule.conditions.length === 0 ? '(any)' : rule.conditions.map(describeCondition).join(' AND ')
    const a = rule.action
    const row: RouteRow = {
      priority: rule.priority,
      conditions,
      action: a.type,
      template: rule.templateFile,
    }
    if (a.type === 'forward') {
      const groups = a.targetGroups.map((g) => tgByArn.get(g.arn))
      row.targetGroup = groups.map((g, i) => g?.name ?? a.targetGroups[i]?.arn ?? '?').join(', ')
      row.function = groups
        .map((g) =>
          g?.functionLogicalId === undefined
            ? '(none → 503)'
            : (fnByLogicalId.get(g.functionLogicalId)?.functionName ?? '?'),
        )
        .join(', ')
    } else if (a.type === 'fixed-response') row.action = `fixed-response ${a.statusCode}`
    else row.action = `redirect ${a.statusCode} ${a.protocol}://${a.host}:${a.port}${a.path}`
    return row
  })
}

/** The route table as aligned text lines. */
export function formatRouteTable(rows: RouteRow[]): string {
  const cells = rows.map((r) => [
    String(r.priority),
    r.conditions,
    '→',
    r.action === 'forward' ? `${r.targetGroup} → ${r.function}` : r.action,
  ])
  const widths = [0, 1].map((i) => Math.max(...cells.map((c) => (c[i] ?? '').length)))
  return cells
    .map(
      (c) =>
        `  ${(c[0] ?? '').padStart(widths[0] ?? 0)}  ${(c[1] ?? '').padEnd(widths[1] ?? 0)}  ${c[2]} ${c[3]}`,
    )
    .join('\n')
}
