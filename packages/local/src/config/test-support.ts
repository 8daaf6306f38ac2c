import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Resolver, type ResolverContext } from './intrinsics.js'
import type { LocalConfig, LocalRule, LocalTargetGroup } from './model.js'
import type { CfnTemplate } from './template.js'

/** A Resolver over an in-memory template (tests only). */
export function resolverFor(
  template: CfnTemplate,
  overrides: Partial<ResolverContext> = {},
): Resolver {
  return new Resolver({
    file: 'test.yaml',
    template,
    stackName: 'test-stack',
    region: 'us-east-1',
    accountId: '123456789012',
    parameterOverrides: {},
    importValue: (name) => {
      throw new Error(`no export ${name}`)
    },
    ...overrides,
  })
}

/** Write files into a fresh temp directory; returns its path (tests only). */
export function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'albkit-config-'))
  for (const [rel, text] of Object.entries(files)) {
    const path = join(root, rel)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
  }
  return root
}

/** A fake built handler module. */
export const FAKE_HANDLER = 'export const handler = async () => ({ statusCode: 200 })\n'

/** One row of a loaded route table, with what decides where and how a request goes. */
export interface RouteRow {
  priority: number | 'default'
  conditions: LocalRule['conditions']
  action: LocalRule['action']['type']
  /** apps/<app>/dist → <app> */
  app: string | undefined
  multiValueHeaders: boolean | undefined
  healthCheck: LocalTargetGroup['healthCheck'] | undefined
}

/** The route table of a loaded config, free of file paths and generated ids (tests only). */
export function routeTable(config: LocalConfig): RouteRow[] {
  return config.rules.map((r) => {
    const arn = r.action.type === 'forward' ? r.action.targetGroups[0]?.arn : undefined
    const tg = config.targetGroups.find((g) => g.arn === arn)
    const fn = config.functions.find((f) => f.logicalId === tg?.functionLogicalId)
    return {
      priority: r.priority,
      conditions: r.conditions,
      action: r.action.type,
      app: fn?.handlerFile.split('/').at(-3),
      multiValueHeaders: tg?.multiValueHeaders,
      healthCheck: tg?.healthCheck,
    }
  })
}
