/**
 * `albkit conformance` — run the ALB contract suite. Without `--url`: albkit and serverless-offline
 * side by side on the suite's echo service, the table written to docs/conformance.md (or
 * `--out`). With `--url`: against an emulator already serving the echo service there.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { renderPage, runComparison } from './comparison.js'
import { CONFORMANCE_ROUTES } from './echo-service.js'
import { runConformance } from './run-conformance.js'

const USAGE = `usage: albkit conformance [--albkit-only] [--out <file>]
       albkit conformance --url <base URL> [--single-path <path>] [--multi-path <path>]
Without --url: albkit and serverless-offline on the suite's echo service; writes docs/conformance.md.
With --url: the suite against an emulator serving the echo service (see writeConformanceService).`

/** docs/conformance.md of the workspace this package sits in (src/ or dist/ → ../../../docs). */
const DEFAULT_OUT = fileURLToPath(new URL('../../../docs/conformance.md', import.meta.url))

/**
 * The `conformance` command: parses `argv` (the words after `conformance`), runs, prints, and
 * resolves to the exit code — 1 when a check fails on albkit (or on the `--url` emulator), 2 for
 * bad arguments.
 * @example
 * process.exitCode = await runConformanceCli(process.argv.slice(2))
 */
export async function runConformanceCli(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse(argv).values
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`)
    return 2
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (values.url !== undefined) {
    const results = await runConformance({
      baseUrl: values.url.replace(/\/$/, ''),
      singlePath: values['single-path'] ?? CONFORMANCE_ROUTES.singlePath,
      multiPath: values['multi-path'] ?? CONFORMANCE_ROUTES.multiPath,
    })
    for (const r of results)
      process.stdout.write(
        `${r.passed ? 'pass' : 'FAIL'} ${r.id}${r.passed ? '' : `: ${r.detail ?? ''}`}\n`,
      )
    const passed = results.filter((r) => r.passed).length
    process.stdout.write(`${passed}/${results.length} checks pass\n`)
    return passed === results.length ? 0 : 1
  }
  const report = await runComparison({ offline: values['albkit-only'] !== true })
  const page = renderPage(report)
  const out = resolve(values.out ?? DEFAULT_OUT)
  await mkdir(dirname(out), { recursive: true })
  await writeFile(out, page)
  process.stdout.write(`${page}\nwritten to ${out}\n`)
  // any albkit failure fails the command
  return report.rows.some((r) => !r.albkit.passed) ? 1 : 0
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    options: {
      url: { type: 'string' },
      'single-path': { type: 'string' },
      'multi-path': { type: 'string' },
      'albkit-only': { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}

// run directly (root `pnpm conformance`): node packages/conformance/dist/cli.js
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await runConformanceCli(process.argv.slice(2))
