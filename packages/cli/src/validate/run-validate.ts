import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { type CfnTemplate, parseTemplate } from '@albkit/local'
import { albTemplate, appPaths, listApps } from '../workspace.js'
import { CFN_LINT_HINT, cfnLint, type LintTarget } from './cfn-lint.js'
import { checkLocal, type LoadConfig } from './check-local.js'
import { checkParity } from './check-parity.js'
import { checkPolicy } from './check-policy.js'
import type { Finding } from './finding.js'
import { routesOf } from './routing.js'
import { slsPackage } from './sls-package.js'

/** What to validate. */
export interface ValidateOptions {
  root: string
  /** only these apps (default: every app under apps/, and the reference templates) */
  apps?: string[]
  /** @albkit/local's loadConfig */
  loadConfig: LoadConfig
  /** progress lines */
  log?: (line: string) => void
  /** the cfn-lint program (tests point it elsewhere) */
  cfnLintBin?: string
  /** a missing cfn-lint is a finding, not a note (CI sets this) */
  requireCfnLint?: boolean
}

/** The findings, how many templates each step looked at, and whether cfn-lint ran. */
export interface ValidateReport {
  findings: Finding[]
  checked: { cfnLint: number; sam: number; serverless: number; parity: number; local: number }
  cfnLint: 'ran' | 'missing'
}

/**
 * The SAM / CloudFormation templates that are not an app's: templates/sam/*.yaml other than
 * alb.yaml and the apps' own (failover.yaml), and every templates/patterns/*.yaml.
 *
 * @example
 * referenceTemplates('/repo') // ['/repo/templates/patterns/blue-green.yaml', '/repo/templates/sam/failover.yaml']
 */
export function referenceTemplates(root: string): string[] {
  const apps = new Set(listApps(root).map((a) => `${a}.yaml`))
  const yaml = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => join(dir, f))
      : []
  return [
    ...yaml(join(root, 'templates', 'patterns')),
    ...yaml(join(root, 'templates', 'sam')).filter(
      (f) => f !== albTemplate(root) && !apps.has(f.slice(f.lastIndexOf('/') + 1)),
    ),
  ].sort()
}

/**
 * Validate the workspace's templates offline: cfn-lint (SAM templates and what `osls package`
 * emits), albkit's deployment policy, SAM ⇄ Serverless parity, and the local load balancer.
 *
 * @example
 * const { findings } = await validateWorkspace({ root, loadConfig })
 */
export async function validateWorkspace(options: ValidateOptions): Promise<ValidateReport> {
  const { root, loadConfig } = options
  const log = options.log ?? (() => {})
  const rel = (f: string) => relative(root, f)
  const findings: Finding[] = []
  const checked = { cfnLint: 0, sam: 0, serverless: 0, parity: 0, local: 0 }
  const lint: LintTarget[] = []
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
  const sam = (file: string): CfnTemplate | undefined => {
    const template = read(file)
    lint.push({ file, label: rel(file) })
    if (template !== undefined) {
      findings.push(...checkPolicy(template, rel(file)))
      checked.sam++
    }
    return template
  }

  const alb = albTemplate(root)
  sam(alb)
  if (options.apps === undefined) for (const file of referenceTemplates(root)) sam(file)
  const apps = options.apps ?? listApps(root)
  const samFiles = [alb]
  const slsFiles: string[] = []
  let cfnLintState: ValidateReport['cfnLint'] = 'missing'
  const scratch = mkdtempSync(join(tmpdir(), 'albkit-validate-'))
  try {
    for (const name of apps) {
      const paths = appPaths(root, name)
      log(`checking ${name}`)
      const samTemplate = existsSync(paths.sam) ? sam(paths.sam) : undefined
      if (existsSync(paths.sam)) samFiles.push(paths.sam)
      else
        findings.push({
          check: 'spec',
          file: rel(paths.sam),
          resource: name,
          message: 'the app has no SAM template',
        })
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
        const packaged = await slsPackage(paths.serverless, join(scratch, name))
        sls = packaged.template
        lint.push({ file: packaged.templateFile, label })
      } catch (err) {
        findings.push({
          check: 'spec',
          file: label,
          message: err instanceof Error ? err.message : String(err),
        })
      }
      if (sls === undefined) continue
      findings.push(...checkPolicy(sls, label))
      checked.serverless++
      if (samTemplate !== undefined) {
        findings.push(
          ...checkParity(name, routesOf(samTemplate), routesOf(sls), {
            sam: rel(paths.sam),
            sls: rel(paths.serverless),
          }),
        )
        checked.parity++
      }
    }

    log(`cfn-lint on ${lint.length} templates`)
    const linted = await cfnLint(lint, {
      cwd: root,
      ...(options.cfnLintBin ? { bin: options.cfnLintBin } : {}),
    })
    findings.push(...linted.findings)
    if (linted.available) checked.cfnLint = lint.length
    else if (options.requireCfnLint === true)
      findings.push({
        check: 'cfn-lint',
        file: '.cfnlintrc.yaml',
        message: `cfn-lint is not installed and is required here (CI): ${CFN_LINT_HINT}`,
      })
    cfnLintState = linted.available ? 'ran' : 'missing'
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }

  log('loading the templates in the local load balancer')
  findings.push(...(await checkLocal(samFiles, samFiles.map(rel).join(' + '), loadConfig)))
  checked.local++
  // A serverless.yml attaches to the shared listener: load it the way it is served, with alb.yaml.
  for (const file of slsFiles) {
    findings.push(...(await checkLocal([alb, file], `${rel(alb)} + ${rel(file)}`, loadConfig)))
    checked.local++
  }
  return { findings, checked, cfnLint: cfnLintState }
}
