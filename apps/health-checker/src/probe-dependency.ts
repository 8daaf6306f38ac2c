import { probeDns } from './probe-dns.js'
import { probeHttp } from './probe-http.js'
import type { ProbeOutcome } from './probe-outcome.js'
import { probeS3 } from './probe-s3.js'
import type { ProbeSpec } from './probes-config.js'
import { probeTcp } from './probe-tcp.js'

/**
 * The production prober: picks the probe for `spec.type`.
 *
 * @example
 * await runProbes(config.probes, { deadlineMs: config.deadlineMs, prober: probeDependency })
 */
export function probeDependency(spec: ProbeSpec, signal: AbortSignal): Promise<ProbeOutcome> {
  switch (spec.type) {
    case 'http':
      return probeHttp(spec, signal)
    case 's3':
      return probeS3(spec, signal)
    case 'tcp':
      return probeTcp(spec, signal)
    case 'dns':
      return probeDns(spec, signal)
  }
}
