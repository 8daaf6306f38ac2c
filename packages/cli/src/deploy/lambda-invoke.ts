import { execFile } from 'node:child_process'

/** One event to send and what the handler returned for it (or how it failed). */
export interface Invocation {
  result?: unknown
  error?: string
}

// Runs in a fresh Node process whose cwd is the task root, as the Lambda Node.js runtime does
// (Lambda Developer Guide, "Define Lambda function handler in Node.js"): resolve <file>.<export>
// against LAMBDA_TASK_ROOT trying .js, .mjs, .cjs, import() it, call the export once per event.
const RUNTIME = `
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
const { handler, events } = JSON.parse(process.argv[1])
const dot = handler.lastIndexOf('.')
const base = join(process.env.LAMBDA_TASK_ROOT, handler.slice(0, dot))
const file = ['.js', '.mjs', '.cjs'].map((x) => base + x).find((f) => existsSync(f))
if (file === undefined) throw new Error('Runtime.ImportModuleError: no ' + base + '.js/.mjs/.cjs in the zip')
const mod = await import(pathToFileURL(file).href)
const fn = mod[handler.slice(dot + 1)] ?? mod.default?.[handler.slice(dot + 1)]
if (typeof fn !== 'function') throw new Error('Runtime.HandlerNotFound: ' + handler + ' is not a function')
const out = []
for (const [i, event] of events.entries()) {
  const context = {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:' + process.env.AWS_REGION + ':123456789012:function:' + process.env.AWS_LAMBDA_FUNCTION_NAME,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, awsRequestId: 'dry-run-' + i,
    logGroupName: '/aws/lambda/dry-run', logStreamName: 'dry-run', callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 30000, done() {}, fail() {}, succeed() {},
  }
  try { out.push({ result: await fn(event, context) }) }
  catch (err) { out.push({ error: String(err && err.stack || err) }) }
}
process.stdout.write('\\n' + JSON.stringify(out))
process.exit(0)
`

/**
 * Load `handler` (`file.export`) from `taskRoot` in a fresh Node process the way the Lambda
 * runtime does — only the files in taskRoot and Node's built-ins are reachable — and call it with
 * each event in turn. `env` is the function's environment (the caller adds Lambda's variables).
 *
 * @example
 * const [health] = await invokeInTaskRoot({ taskRoot: '/tmp/task', handler: 'index.handler', env: {}, events: [healthCheckEvent()] })
 */
export function invokeInTaskRoot(options: {
  taskRoot: string
  handler: string
  env: Record<string, string>
  events: unknown[]
  timeoutMs?: number
}): Promise<Invocation[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        RUNTIME,
        JSON.stringify({ handler: options.handler, events: options.events }),
      ],
      {
        cwd: options.taskRoot,
        // no NODE_PATH, no HOME: nothing of this machine's environment leaks in
        env: { PATH: process.env.PATH ?? '', LAMBDA_TASK_ROOT: options.taskRoot, ...options.env },
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (err, stdout, stderr) => {
        const last = stdout.lastIndexOf('\n')
        try {
          if (err === null) return resolve(JSON.parse(stdout.slice(last + 1)) as Invocation[])
        } catch {}
        reject(
          new Error(
            `the handler did not load from the zip: ${(stderr || String(err)).trim().slice(-1500)}`,
          ),
        )
      },
    )
  })
}
