/** The machine facts every result file carries. */
import { cpus, loadavg, totalmem } from 'node:os'

export interface Machine {
  cpu: string
  cores: number
  memoryBytes: number
  node: string
  platform: string
  date: string
  /** 1-minute load average when the run started and ended: other work on the machine skews results */
  loadAverage: { start: number; end?: number }
}

export function machine(): Machine {
  const list = cpus()
  return {
    cpu: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: { start: loadavg()[0] ?? 0 },
  }
}
