/** Names an app may not take: workspace folders, tooling words, and the sample apps' routes. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'alb',
  'app',
  'apps',
  'app-template',
  'template',
  'templates',
  'core',
  'middy',
  'local',
  'build',
  'tooling',
  'bench',
  'e2e',
  'docs',
  'dist',
  'node-modules',
  'shared',
  'test',
  'tests',
  'admin',
  'upload',
  'binary',
  'health',
  'albkit',
])

// The SAM template names its target group "<stack>-tg" and deploy:sam names the stack
// "albkit-<name>"; target-group names are at most 32 characters (ELB API reference,
// CreateTargetGroup: "Name"), so 32 - "albkit-".length - "-tg".length = 22.
export const MAX_NAME_LENGTH = 22

/**
 * Why `name` cannot be a new app's name, or undefined when it can.
 *
 * @example
 * appNameProblem('Hello') // 'use lowercase letters, digits and hyphens only …'
 */
export function appNameProblem(name: string, existing: readonly string[] = []): string | undefined {
  if (name.length < 3 || name.length > MAX_NAME_LENGTH)
    return `"${name}" must be 3–${MAX_NAME_LENGTH} characters long (the target group "albkit-<name>-tg" may have at most 32)`
  if (!/^[a-z0-9-]+$/.test(name))
    return `"${name}": use lowercase letters, digits and hyphens only (it becomes a folder, a package name, a stack name and the route /${name})`
  if (!/^[a-z]/.test(name) || name.endsWith('-') || name.includes('--'))
    return `"${name}" must start with a letter, not end with a hyphen, and not contain "--"`
  if (RESERVED_NAMES.has(name))
    return `"${name}" is reserved (a workspace folder, a tool, or a route the sample apps use)`
  if (existing.includes(name)) return `"${name}" already exists in apps/`
  return undefined
}

/**
 * `hello-world` → `HelloWorld` (logical ids) and `helloWorld` (osls function key).
 *
 * @example
 * nameForms('hello-world') // { pascal: 'HelloWorld', camel: 'helloWorld' }
 */
export function nameForms(name: string): { pascal: string; camel: string } {
  const pascal = name
    .split('-')
    .map((part) => (part[0] ?? '').toUpperCase() + part.slice(1))
    .join('')
  return { pascal, camel: (pascal[0] ?? '').toLowerCase() + pascal.slice(1) }
}
