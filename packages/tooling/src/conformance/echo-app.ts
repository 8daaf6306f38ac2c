import { copyFile, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Paths of the echo functions inside the echo app (what the conformance suite targets). */
export const ECHO_PATHS = { singlePath: '/echo', multiPath: '/multi/echo' } as const

/** A throwaway service: one echo handler behind two target groups (single- and multi-value). */
export interface EchoApp {
  dir: string
  serverlessYml: string
  remove(): Promise<void>
}

// The suite's own echo function (plain JS): the same file albkit's conformance test loads.
const HANDLER_FILE = fileURLToPath(
  new URL('../../../local/src/conformance/echo-handler.mjs', import.meta.url),
)

const LISTENER =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/conformance/0000000000000000/0000000000000000'

/** The serverless.yml both servers read: osls's alb events, the same one for albkit and the peer. */
export function echoServerlessYml(): string {
  return `service: albkit-conformance
frameworkVersion: "3"
plugins:
  - serverless-offline
custom:
  serverless-offline:
    noPrependStageInUrl: true
provider:
  name: aws
  runtime: nodejs22.x
  timeout: 6
functions:
  echoSingle:
    handler: handler.echo
    events:
      - alb:
          listenerArn: ${LISTENER}
          priority: 10
          conditions:
            path: ["${ECHO_PATHS.singlePath}", "${ECHO_PATHS.singlePath}/*"]
  echoMulti:
    handler: handler.echo
    events:
      - alb:
          listenerArn: ${LISTENER}
          priority: 20
          conditions:
            path: ["/multi/*"]
          multiValueHeaders: true
`
}

/**
 * Write the echo app into a temp dir. node_modules links to @albkit/tooling's, so osls finds
 * the serverless-offline plugin there.
 *
 * @example
 * const app = await writeEchoApp()
 * try { await start({ templates: [app.serverlessYml] }) } finally { await app.remove() }
 */
export async function writeEchoApp(): Promise<EchoApp> {
  const dir = await mkdtemp(join(tmpdir(), 'albkit-conformance-'))
  await copyFile(HANDLER_FILE, join(dir, 'handler.mjs'))
  await writeFile(join(dir, 'serverless.yml'), echoServerlessYml())
  await writeFile(join(dir, 'package.json'), '{"type":"module","private":true}\n')
  const modules = fileURLToPath(new URL('../../node_modules', import.meta.url))
  await symlink(modules, join(dir, 'node_modules'), 'dir')
  return {
    dir,
    serverlessYml: join(dir, 'serverless.yml'),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}
