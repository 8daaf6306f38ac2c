/**
 * Accessibility as axe-core judges it (the standard engine, run inside the real page). The
 * script is evaluated through the DevTools protocol, which a page's CSP does not restrict, so
 * the pages keep their strict CSP while axe runs.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

let source: string | undefined

/** One violation: rule id, what it means, and the offending elements. */
export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/**
 * Run axe-core with its default rule set (WCAG 2 A/AA and best practices) on the page as it is.
 *
 * @example
 * assert.deepEqual(await axeViolations(page), [])
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(source)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
    const results = await axe.run(document)
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
  })
}
