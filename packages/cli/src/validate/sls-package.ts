import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { type CfnTemplate, parseTemplate } from '@albkit/local'

const run = promisify(execFile)

/** The osls entry point (the open-source fork of Serverless Framework v3, pinned in package.json). */
export function oslsBin(): string {
  const pkg = createRequire(import.meta.url).resolve('osls/package.json')
  return join(dirname(pkg), 'bin', 'serverless.js')
}

/** Environment for every osls run: no telemetry, no notifications, no update checks. */
export function oslsEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    SLS_DEPRECATION_DISABLE: '*',
    ...extra,
  }
}

/** What `osls package` wrote: the CloudFormation it would deploy and the code zip. */
export interface SlsPackage {
  template: CfnTemplate
  /** cloudformation-template-update-stack.json */
  templateFile: string
  /** the directory with the template and the zip osls would upload */
  dir: string
}

/**
 * Run `osls package` for a serverless.yml (offline, no AWS) into `outDir`.
 *
 * @example
 * const { template, templateFile } = await slsPackage('/repo/templates/serverless/whats-my-ip/serverless.yml', '/tmp/out')
 */
export async function slsPackage(serverlessYml: string, outDir: string): Promise<SlsPackage> {
  await run(process.execPath, [oslsBin(), 'package', '--package', outDir], {
    cwd: dirname(serverlessYml),
    env: oslsEnv(),
    maxBuffer: 16 * 1024 * 1024,
  }).catch((err: { stdout?: string; stderr?: string; message: string }) => {
    const detail = `${err.stdout ?? ''}${err.stderr ?? ''}`
      .trim()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(-8)
      .join('\n  ')
    throw new Error(`osls package failed:\n  ${detail || err.message}`)
  })
  const templateFile = join(outDir, 'cloudformation-template-update-stack.json')
  return {
    template: parseTemplate(await readFile(templateFile, 'utf8')),
    templateFile,
    dir: outDir,
  }
}
