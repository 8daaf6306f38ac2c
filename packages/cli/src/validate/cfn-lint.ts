import { execFile } from 'node:child_process'
import type { Finding } from './finding.js'

/** A template for cfn-lint and the name findings show for it. */
export interface LintTarget {
  file: string
  label: string
}

/** What a cfn-lint run found, or that cfn-lint is not installed. */
export interface CfnLintRun {
  available: boolean
  findings: Finding[]
}

/** How to get cfn-lint (AWS's CloudFormation linter; it runs the SAM translator itself). */
export const CFN_LINT_HINT = 'pip install cfn-lint'

interface CfnLintMatch {
  Rule?: { Id?: string }
  Level?: string
  Message?: string
  Filename?: string
  Location?: { Start?: { LineNumber?: number }; Path?: unknown[] }
}

// cfn-lint lists every allowed value in some messages (E2002: ~50 parameter types)
function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

function toFinding(match: CfnLintMatch, labels: Map<string, string>): Finding {
  const path = (match.Location?.Path ?? []).map(String)
  const inResources = path[0] === 'Resources' && path[1] !== undefined
  const line = match.Location?.Start?.LineNumber
  const file = labels.get(match.Filename ?? '') ?? match.Filename ?? '(unknown file)'
  return {
    check: 'cfn-lint',
    file: line === undefined ? file : `${file}:${line}`,
    ...(inResources ? { resource: path[1] } : {}),
    ...(inResources && path.length > 3 ? { property: path.slice(3).join('.') } : {}),
    message: `${match.Rule?.Id ?? '?'} (${(match.Level ?? 'finding').toLowerCase()}) ${clip(match.Message ?? '')}${inResources ? '' : ` at ${path.join('.')}`}`,
  }
}

/**
 * Run cfn-lint on the templates (SAM ones through its SAM transform) from `cwd`, where it reads
 * the workspace's `.cfnlintrc.yaml`. Errors, warnings and informational findings all come back:
 * the config file decides what is ignored, with a reason each.
 *
 * @example
 * const { available, findings } = await cfnLint([{ file: '/repo/templates/sam/alb.yaml', label: 'templates/sam/alb.yaml' }], { cwd: '/repo' })
 */
export function cfnLint(
  targets: LintTarget[],
  options: { cwd: string; bin?: string },
): Promise<CfnLintRun> {
  const labels = new Map(targets.map((t) => [t.file, t.label]))
  return new Promise((resolve, reject) => {
    execFile(
      options.bin ?? 'cfn-lint',
      ['--format', 'json', '--', ...targets.map((t) => t.file)],
      { cwd: options.cwd, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if ((err as NodeJS.ErrnoException | null)?.code === 'ENOENT')
          return resolve({ available: false, findings: [] })
        // exit codes 2/4/8 (error/warning/informational bits) mean findings, reported as JSON
        let matches: CfnLintMatch[]
        try {
          matches = JSON.parse(stdout) as CfnLintMatch[]
        } catch {
          return reject(
            new Error(
              `cfn-lint failed: ${(stderr || stdout || String(err)).trim().slice(0, 2000)}`,
            ),
          )
        }
        resolve({ available: true, findings: matches.map((m) => toFinding(m, labels)) })
      },
    )
  })
}
