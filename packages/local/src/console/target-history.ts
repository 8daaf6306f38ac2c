/**
 * Each target group's recent health: its state transitions and last check results, bounded
 * (the console's Targets view; the health checker keeps only the current state).
 */
import type { HealthObserver, TargetReport } from '../runtime/health-checker.js'
import type { HealthState } from '../runtime/health-state.js'

export interface HealthTransition {
  time: string
  from: HealthState
  to: HealthState
  reason: string | undefined
}

type Check = NonNullable<TargetReport['lastCheck']>

export interface TargetHistoryEntry {
  transitions: HealthTransition[]
  checks: Check[]
}

/** Kept per target group. */
export const HISTORY_LIMITS = { transitions: 50, checks: 20 }

function keepLast<T>(list: T[], item: T, max: number): void {
  list.push(item)
  if (list.length > max) list.splice(0, list.length - max)
}

export class TargetHistory {
  private readonly byArn = new Map<string, TargetHistoryEntry>()

  /** Pass to the HealthChecker. */
  readonly observe: HealthObserver = (arn, check, before, after) => {
    let entry = this.byArn.get(arn)
    if (entry === undefined) {
      entry = { transitions: [], checks: [] }
      this.byArn.set(arn, entry)
    }
    keepLast(entry.checks, check, HISTORY_LIMITS.checks)
    if (after.state !== before.state)
      keepLast(
        entry.transitions,
        { time: check.time, from: before.state, to: after.state, reason: after.reason },
        HISTORY_LIMITS.transitions,
      )
  }

  /** Newest last. */
  of(targetGroupArn: string): TargetHistoryEntry {
    return this.byArn.get(targetGroupArn) ?? { transitions: [], checks: [] }
  }
}
