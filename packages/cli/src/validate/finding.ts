/** Which validation step produced a finding. */
export type CheckName = 'cfn-lint' | 'spec' | 'policy' | 'parity' | 'local'

/**
 * One problem found in a template: where it is and what is wrong.
 *
 * @example
 * const f: Finding = { check: 'spec', file: 'templates/sam/x.yaml', resource: 'Fn', property: 'Runtime', message: 'expected a string' }
 */
export interface Finding {
  check: CheckName
  file: string
  resource?: string
  property?: string
  message: string
}

/**
 * One line per finding: `file: Resource.Property: message [check]`.
 *
 * @example
 * formatFinding({ check: 'policy', file: 'a.yaml', resource: 'Perm', message: 'no SourceAccount' })
 * // 'a.yaml: Perm: no SourceAccount [policy]'
 */
export function formatFinding(f: Finding): string {
  const where = [f.resource, f.property].filter((s) => s !== undefined && s !== '').join('.')
  return `${f.file}: ${where === '' ? '' : `${where}: `}${f.message} [${f.check}]`
}
