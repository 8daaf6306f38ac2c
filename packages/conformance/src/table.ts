import type { ConformanceResult } from './run-conformance.js'

/** How one server did on one check. */
export interface Outcome {
  passed: boolean
  /** the server process died during the check */
  crashed?: boolean
  /** the server cannot be configured for the check */
  notExpressible?: boolean
  detail?: string
}

/** One row of the side-by-side table. */
export interface ComparisonRow {
  id: string
  rule: string
  section: string
  source: string
  albkit: Outcome
  offline?: Outcome
}

/**
 * Pair the two servers' results by check id, ordered by contract section (stable within one).
 *
 * @example
 * const rows = compare(albkitResults, offlineResults)
 */
export function compare(
  albkit: ConformanceResult[],
  offline?: Array<ConformanceResult & { crashed?: boolean }>,
): ComparisonRow[] {
  const peer = new Map((offline ?? []).map((r) => [r.id, r]))
  const rows = albkit.map((r): ComparisonRow => {
    const o = peer.get(r.id)
    return {
      id: r.id,
      rule: r.rule,
      section: r.section,
      source: r.source,
      albkit: outcome(r),
      ...(o === undefined ? {} : { offline: outcome(o) }),
    }
  })
  return rows.sort((a, b) => a.section.localeCompare(b.section))
}

function outcome(r: ConformanceResult & { crashed?: boolean }): Outcome {
  return {
    passed: r.passed,
    ...(r.crashed === true ? { crashed: true } : {}),
    ...(r.notExpressible === true ? { notExpressible: true } : {}),
    ...(r.detail === undefined ? {} : { detail: r.detail }),
  }
}

/**
 * The markdown table: rule, contract section, albkit, serverless-offline and what it did instead.
 *
 * @example
 * console.log(renderTable(rows))
 */
export function renderTable(rows: ComparisonRow[]): string {
  const lines = [
    '| rule | contract | albkit | serverless-offline | serverless-offline observed |',
    '|---|---|---|---|---|',
  ]
  for (const row of rows) {
    lines.push(
      `| ${cell(row.rule, 200)} (\`${row.id}\`) | ${row.section} | ${mark(row.albkit)}${
        row.albkit.passed ? '' : `: ${cell(row.albkit.detail ?? '')}`
      } | ${
        row.offline === undefined ? 'not run' : mark(row.offline)
      } | ${row.offline === undefined || row.offline.passed ? '' : cell(row.offline.detail ?? '')} |`,
    )
  }
  return lines.join('\n')
}

function mark(o: Outcome): string {
  if (o.crashed === true) return '💥 crashed the server'
  if (o.notExpressible === true) return '➖ not expressible'
  return o.passed ? '✅ pass' : '❌ fail'
}

function cell(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
