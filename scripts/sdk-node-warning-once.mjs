// `node scripts/sdk-node-warning-once.mjs <command> [args…]`: runs the command with the AWS SDK's
// Node-version warning shown once, in one line, instead of once per process.
//
// The AWS SDK for JavaScript v3 emits `NodeVersionSupportWarning` on Node < 22 (its releases
// after the first week of January 2027 need Node >= 22) once per process and per bundled copy;
// a test run starts a process per test file and more per function, so the same 8-line warning
// came out dozens of times. albkit runs on Node 20 and 22+; Lambda runs nodejs22.x, where the SDK
// never warns. This prints the warning once, then runs the command with the SDK's own switch,
// AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true (read by @aws-sdk/core's
// emitWarningIfUnsupportedVersion), which every process and worker it starts inherits. No other
// warning is touched. The root test script wraps turbo (turbo.json passes the switch through, so a
// whole run prints it once) and every package's test script wraps `node --test` (nested: silent).
import { spawnSync } from 'node:child_process'

const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'
const [command, ...args] = process.argv.slice(2)
if (command === undefined) {
  console.error('usage: node scripts/sdk-node-warning-once.mjs <command> [args…]')
  process.exit(2)
}
const major = Number(process.versions.node.split('.')[0])
if (major < 22 && process.env[SWITCH] !== 'true') {
  console.error(
    `NodeVersionSupportWarning: the AWS SDK for JavaScript v3 requires Node >= 22 from its releases after the first week of January 2027; this is Node ${process.version}. albkit runs on Node 20 and 22+ (Lambda: nodejs22.x); shown once per run (README: "Node versions").`,
  )
}
const run = spawnSync(command, args, {
  stdio: 'inherit',
  env: { ...process.env, [SWITCH]: 'true' },
})
if (run.error) {
  console.error(`sdk-node-warning-once: could not run ${command}: ${run.error.message}`)
  process.exit(127)
}
if (run.signal) process.kill(process.pid, run.signal)
process.exit(run.status ?? 1)
