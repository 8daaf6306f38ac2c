import { newApp } from './new-app.js'

/**
 * `albkit new-app <name>`: create the app and print the next steps.
 *
 * @example
 * process.exitCode = newAppCommand('/repo', ['orders'])
 */
export function newAppCommand(root: string, argv: string[]): number {
  const name = argv[0]
  if (name === undefined || argv.length > 1) throw new Error('usage: albkit new-app <name>')
  const created = newApp(root, name)
  for (const f of created.files) console.log(`created ${f}`)
  console.log(`\n${name}: rule priority ${created.priority}, routes /${name} and /${name}/*. Next:
  pnpm install && pnpm --filter @albkit/app-${name} build && pnpm --filter @albkit/app-${name} test
  pnpm validate ${name} && pnpm dev   # then curl http://127.0.0.1:3000/${name}`)
  return 0
}
