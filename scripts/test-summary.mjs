// Sums node:test summaries (spec reporter "ℹ pass N" / TAP "# pass N") from a turbo log into
// the one line CI reads: "N passed, N failed".
import { readFileSync } from 'node:fs'

const log = readFileSync(process.argv[2] ?? 0, 'utf8')
let passed = 0
let failed = 0
let runs = 0
for (const line of log.split('\n')) {
  const match = /(?:ℹ|#) (pass|fail) (\d+)\s*$/.exec(line)
  if (!match) continue
  const count = Number(match[2])
  if (match[1] === 'pass') {
    passed += count
    runs += 1
  } else failed += count
}
if (runs === 0) console.log('no test summary found in the log')
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = runs === 0 || failed > 0 ? 1 : 0
