/** numRuns for property tests: env FC_NUM_RUNS (CI sets 10000), default 1000. */
export const numRuns = ((): number => {
  const n = Number(process.env.FC_NUM_RUNS)
  return Number.isInteger(n) && n > 0 ? n : 1000
})()
