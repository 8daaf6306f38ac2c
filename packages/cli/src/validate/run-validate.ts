import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { type CfnTemplate, parseTemplate } from '@albkit/local'
import { albTemplate, appPaths, listApps } from '../workspace.js'
import { checkLocal, type LoadConfig } from './check-local.js'
import { checkParity } from './check-parity.js'
import { checkPolicy } from './check-policy.js'
import { checkSpec } from './check-spec.js'
import type { Finding } from './finding.js'
import { routesOf } from './routing.js'
import { slsPackage } from './sls-package.js'
import { loadSpec } from './spec-db.js'

/** What to validate. */
export interface ValidateOptions {
  root: string
  /** only these apps (default: every app under apps/) */
  apps?: string[]
  /** @albkit/local's loadConfig */
  loadConfig: LoadConfig
  /** progress lines */
  log?: (line: string) => void
}

/** The findings and how many templates each step looked at. */
export interface ValidateReport {
  findings: Finding[]
  checked: { sam: number; serverless: number; parity: number; local: number }
}

/**
 * Validate the workspace's templates offline: spec, policy, SAM ⇄ Serverless parity, and the
 * local load balancer.
 *
 * @example
 * const { findings } = await validateWorkspace({ root, loadConfig })
 */
export async function validateWorkspace(options: ValidateOptions): Promise<ValidateReport> {
  const { root, loadConfig } = options
  const log = options.log ?? (() => {})
  const rel = (f: string) => relative(root, f)
  const spec = await loadSpec()
  const findings: Finding[] = []
  const checked = { sam: 0, serverless: 0, parity: 0, local: 0 }
  const inspect = (template: CfnTemplate, label: string) => {
    findings.push(...checkSpec(template, label, spec), ...checkPolicy(template, label))
  }
  const read = (file: string): CfnTemplate | undefined => {
    try {
      return parseTemplate(readFileSync(file, 'utf8'))
    } catch (err) {
      findings.push({
        check: 'spec',
        file: rel(file),
        message: `cannot read: ${err instanceof Error ? err.message : String(err)}`,
      })
      return undefined
    }
  }

  const alb = albTemplate(root)
  const albParsed = read(alb)
  if (albParsed !== undefined) inspect(albParsed, rel(alb))
  checked.sam++
  const apps = options.apps ?? listApps(root)
  const samFiles = [alb]
  const slsFiles: string[] = []
  for (const name of apps) {
    const paths = appPaths(root, name)
    log(`checking ${name}`)
    const sam = existsSync(paths.sam) ? read(paths.sam) : undefined
    if (!existsSync(paths.sam))
      findings.push({
        check: 'spec',
        file: rel(paths.sam),
        resource: name,
        message: 'the app has no SAM template',
      })
    if (sam !== undefined) {
      inspect(sam, rel(paths.sam))
      samFiles.push(paths.sam)
      checked.sam++
    }
    if (!existsSync(paths.serverless)) {
      findings.push({
        check: 'spec',
        file: rel(paths.serverless),
        resource: name,
        message: 'the app has no serverless.yml',
      })
      continue
    }
    slsFiles.push(paths.serverless)
    const label = `${rel(paths.serverless)} (osls package)`
    let sls: CfnTemplate | undefined
    try {
      sls = await slsPackage(paths.serverless)
    } catch (err) {
      findings.push({
        check: 'spec',
        file: label,
        message: err instanceof Error ? err.message : String(err),
      })
    }
    if (sls === undefined) continue
    inspect(sls, label)
    checked.serverless++
    if (sam !== undefined) {
      findings.push(
        ...checkParity(name, routesOf(sam), routesOf(sls), {
          sam: rel(paths.sam),
          sls: rel(paths.serverless),
        }),
      )
      checked.parity++
    }
  }

  log('loading the templates in the local load balancer')
  findings.push(...(await checkLocal(samFiles, samFiles.map(rel).join(' + '), loadConfig)))
  checked.local++
  // A serverless.yml attaches to the shared listener: load it the way it is served, with alb.yaml.
  for (const file of slsFiles) {
    findings.push(...(await checkLocal([alb, file], `${rel(alb)} + ${rel(file)}`, loadConfig)))
    checked.local++
  }
  return { findings, checked }
}
