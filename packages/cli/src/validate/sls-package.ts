import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
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

/**
 * Run `osls package` for a serverless.yml (offline, no AWS) and return the CloudFormation it
 * would deploy (`cloudformation-template-update-stack.json`).
 *
 * @example
 * const cfn = await slsPackage('/repo/templates/serverless/whats-my-ip/serverless.yml')
 */
export async function slsPackage(serverlessYml: string): Promise<CfnTemplate> {
  const out = await mkdtemp(join(tmpdir(), 'albkit-sls-'))
  try {
    await run(process.execPath, [oslsBin(), 'package', '--package', out], {
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
    return parseTemplate(
      await readFile(join(out, 'cloudformation-template-update-stack.json'), 'utf8'),
    )
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}
