import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseTemplate } from '@albkit/local'
import { routesOf } from '../validate/routing.js'

/**
 * The next free listener-rule priority: the highest priority in templates/sam/*.yaml plus 10
 * (room to insert rules between apps later). Priorities go up to 50000 (ELB quotas).
 *
 * @example
 * nextPriority('/repo') // 50 when the highest rule is 40
 */
export function nextPriority(root: string): number {
  const dir = join(root, 'templates', 'sam')
  const priorities = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((f) =>
      routesOf(parseTemplate(readFileSync(join(dir, f), 'utf8'))).map((r) => r.priority),
    )
  const next = Math.max(0, ...priorities.filter(Number.isFinite)) + 10
  if (next > 50000) throw new Error(`no free listener-rule priority: ${next} is above 50000`)
  return next
}
