import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { appPaths, listApps } from '../workspace.js'
import { appNameProblem, nameForms } from './app-name.js'
import { nextPriority } from './next-priority.js'

/** What new-app created. */
export interface NewAppResult {
  name: string
  priority: number
  files: string[]
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/__(NAME|PASCAL|CAMEL|PRIORITY)__/g, (m, key: string) => vars[key] ?? m)
}

function copyFilled(
  from: string,
  to: string,
  vars: Record<string, string>,
  created: string[],
): void {
  mkdirSync(to, { recursive: true })
  for (const entry of readdirSync(from)) {
    const source = join(from, entry)
    const target = join(to, entry)
    if (statSync(source).isDirectory()) copyFilled(source, target, vars, created)
    else {
      writeFileSync(target, fill(readFileSync(source, 'utf8'), vars))
      created.push(target)
    }
  }
}

/**
 * Create apps/<name> from templates/app-template, plus templates/sam/<name>.yaml and
 * templates/serverless/<name>/serverless.yml with the next free priority and the rule
 * `/<name>`, `/<name>/*`. Refuses bad or taken names before writing anything.
 *
 * @example
 * newApp('/repo', 'hello') // { name: 'hello', priority: 50, files: [...] }
 */
export function newApp(root: string, name: string): NewAppResult {
  const problem = appNameProblem(name, listApps(root))
  if (problem !== undefined) throw new Error(`cannot create app: ${problem}`)
  const paths = appPaths(root, name)
  for (const path of [paths.dir, paths.sam, paths.serverless])
    if (existsSync(path))
      throw new Error(`cannot create app: ${relative(root, path)} already exists`)
  const template = join(root, 'templates', 'app-template')
  const priority = nextPriority(root)
  const vars = { NAME: name, PRIORITY: String(priority), ...upper(nameForms(name)) }
  const created: string[] = []
  const sources = readdirSync(template).filter((f) => f !== 'sam.yaml' && f !== 'serverless.yml')
  mkdirSync(paths.dir, { recursive: true })
  for (const entry of sources) {
    const source = join(template, entry)
    if (statSync(source).isDirectory()) copyFilled(source, join(paths.dir, entry), vars, created)
    else {
      writeFileSync(join(paths.dir, entry), fill(readFileSync(source, 'utf8'), vars))
      created.push(join(paths.dir, entry))
    }
  }
  writeFileSync(paths.sam, fill(readFileSync(join(template, 'sam.yaml'), 'utf8'), vars))
  mkdirSync(join(paths.serverless, '..'), { recursive: true })
  writeFileSync(
    paths.serverless,
    fill(readFileSync(join(template, 'serverless.yml'), 'utf8'), vars),
  )
  created.push(paths.sam, paths.serverless)
  return { name, priority, files: created.map((f) => relative(root, f)) }
}

function upper(forms: { pascal: string; camel: string }): Record<string, string> {
  return { PASCAL: forms.pascal, CAMEL: forms.camel }
}
