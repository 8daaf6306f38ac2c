import type { CfnResource, CfnTemplate } from '@albkit/local'

/** A resource with its logical id. */
export interface Named {
  id: string
  resource: CfnResource
  properties: Record<string, unknown>
}

/**
 * The resources of a template whose Type is one of `types`.
 *
 * @example
 * resourcesOf(template, 'AWS::S3::Bucket').map((r) => r.id)
 */
export function resourcesOf(template: CfnTemplate, ...types: string[]): Named[] {
  return Object.entries(template.Resources ?? {})
    .filter(([, r]) => typeof r?.Type === 'string' && types.includes(r.Type))
    .map(([id, resource]) => ({ id, resource, properties: resource.Properties ?? {} }))
}

/** `x` as a list (`undefined` → `[]`). */
export function asList(x: unknown): unknown[] {
  if (x === undefined || x === null) return []
  return Array.isArray(x) ? x : [x]
}

/** A plain mapping, or undefined. */
export function asRecord(x: unknown): Record<string, unknown> | undefined {
  return x !== null && typeof x === 'object' && !Array.isArray(x)
    ? (x as Record<string, unknown>)
    : undefined
}

/** The logical id a `{ Ref: id }` or `{ Fn::GetAtt: [id, …] }` points at (`Fn.Alias` → `Fn.Alias`). */
export function refTarget(x: unknown): string | undefined {
  const r = asRecord(x)
  if (r === undefined) return undefined
  if (typeof r.Ref === 'string') return r.Ref
  const att = r['Fn::GetAtt']
  if (Array.isArray(att) && typeof att[0] === 'string') return att[0]
  if (typeof att === 'string') return att.split('.')[0]
  return undefined
}

/** The literal text of a string or an `Fn::Sub` (first form), or undefined. */
export function literalText(x: unknown): string | undefined {
  if (typeof x === 'string') return x
  const sub = asRecord(x)?.['Fn::Sub']
  if (typeof sub === 'string') return sub
  if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0]
  return undefined
}
