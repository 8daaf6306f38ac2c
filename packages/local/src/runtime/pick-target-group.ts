/**
 * Weighted choice among a forward action's target groups (ELB user guide, "Listeners" →
 * Forward actions: weights 0–999, traffic split by weight). Pure; the random source is injected.
 */

/**
 * @example
 * pickTargetGroup([{ arn: 'a', weight: 1 }, { arn: 'b', weight: 3 }], () => 0.5) // 'b'
 */
export function pickTargetGroup(
  targetGroups: ReadonlyArray<{ arn: string; weight: number }>,
  random: () => number,
): string | undefined {
  if (targetGroups.length <= 1) return targetGroups[0]?.arn
  const total = targetGroups.reduce((sum, tg) => sum + Math.max(0, tg.weight), 0)
  if (total <= 0) return targetGroups[0]?.arn
  let point = random() * total
  for (const tg of targetGroups) {
    point -= Math.max(0, tg.weight)
    if (point < 0) return tg.arn
  }
  return targetGroups[targetGroups.length - 1]?.arn
}
