import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
// The suite's own service (serverless.yml + CloudFormation extras + echo handler), the same
// files albkit's conformance test loads.
import { CONFORMANCE_ROUTES, writeConformanceService } from './echo-service.js'

/** Paths of the echo functions inside the echo app (what the conformance suite targets). */
export const ECHO_PATHS = {
  singlePath: CONFORMANCE_ROUTES.singlePath,
  multiPath: CONFORMANCE_ROUTES.multiPath,
} as const

/** A throwaway service both servers read; only albkit also loads `extrasTemplate`. */
export interface EchoApp {
  dir: string
  serverlessYml: string
  /** listener rules serverless.yml cannot express (fixed-response, redirect, empty target group) */
  extrasTemplate: string
  remove(): Promise<void>
}

/**
 * Write the echo app into a temp dir. node_modules links to @albkit/conformance's, so osls finds
 * the serverless-offline plugin there.
 *
 * @example
 * const app = await writeEchoApp()
 * try { await start({ templates: [app.serverlessYml, app.extrasTemplate] }) } finally { await app.remove() }
 */
export async function writeEchoApp(): Promise<EchoApp> {
  const dir = await mkdtemp(join(tmpdir(), 'albkit-conformance-'))
  const files = await writeConformanceService(dir)
  const modules = fileURLToPath(new URL('../node_modules', import.meta.url))
  await symlink(modules, join(dir, 'node_modules'), 'dir')
  return { dir, ...files, remove: () => rm(dir, { recursive: true, force: true }) }
}
