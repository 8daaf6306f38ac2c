import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/**
 * The nearest directory at or above `from` that holds pnpm-workspace.yaml, if any.
 *
 * @example
 * workspaceRoot(process.cwd()) // '/home/me/albkit'
 */
export function workspaceRoot(from: string): string | undefined {
  let dir = resolve(from)
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/**
 * {@link workspaceRoot}, or an error saying to run inside the workspace.
 *
 * @example
 * findRoot(process.cwd()) // '/home/me/albkit'
 */
export function findRoot(from: string): string {
  const root = workspaceRoot(from)
  if (root === undefined)
    throw new Error(
      `no pnpm-workspace.yaml at or above ${from}: run this inside the albkit workspace`,
    )
  return root
}

/** Where one app's sources and templates live. */
export interface AppPaths {
  name: string
  dir: string
  sam: string
  serverless: string
}

/**
 * Paths of an app by name (they may not exist).
 *
 * @example
 * appPaths('/repo', 'whats-my-ip').sam // '/repo/templates/sam/whats-my-ip.yaml'
 */
export function appPaths(root: string, name: string): AppPaths {
  return {
    name,
    dir: join(root, 'apps', name),
    sam: join(root, 'templates', 'sam', `${name}.yaml`),
    serverless: join(root, 'templates', 'serverless', name, 'serverless.yml'),
  }
}

/** The shared stack's template. */
export function albTemplate(root: string): string {
  return join(root, 'templates', 'sam', 'alb.yaml')
}

/**
 * The apps of the workspace: every directory under apps/, sorted.
 *
 * @example
 * listApps('/repo') // ['binary-response', 'health-checker', …]
 */
export function listApps(root: string): string[] {
  const dir = join(root, 'apps')
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'package.json')))
    .map((d) => d.name)
    .sort()
}

/**
 * Refuse an unknown app with the list of known ones.
 *
 * @example
 * requireApp('/repo', 'whats-my-ip')
 */
export function requireApp(root: string, name: string | undefined): AppPaths {
  const apps = listApps(root)
  if (name === undefined || !apps.includes(name))
    throw new Error(
      `${name === undefined ? 'no app given' : `unknown app "${name}"`}: choose one of ${apps.join(', ')}`,
    )
  return appPaths(root, name)
}
