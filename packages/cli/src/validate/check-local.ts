import type { Finding } from './finding.js'

/** The part of @albkit/local's loader this check uses. */
export type LoadConfig = (files: string[]) => Promise<{ warnings: string[] }>

/**
 * Load a set of templates in the local load balancer: a load error or any warning is a finding.
 *
 * @example
 * await checkLocal([alb, sam], 'templates/sam/*.yaml', loadConfig)
 */
export async function checkLocal(
  files: string[],
  label: string,
  load: LoadConfig,
): Promise<Finding[]> {
  try {
    const { warnings } = await load(files)
    return warnings.map((message) => ({
      check: 'local' as const,
      file: label,
      message: `warning: ${message}`,
    }))
  } catch (err) {
    return [
      {
        check: 'local',
        file: label,
        message: `does not load: ${err instanceof Error ? err.message : String(err)}`,
      },
    ]
  }
}
