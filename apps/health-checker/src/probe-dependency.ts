import { probeDns } from './probe-dns.js'
import { probeHttp } from './probe-http.js'
import type { Prober } from './probe-outcome.js'
import { probeS3 } from './probe-s3.js'
import { probeTcp } from './probe-tcp.js'

/**
 * The production prober: picks the probe for `spec.type`; the S3 probe reads its credentials,
 * region and endpoint from `env` (Lambda puts the execution role's credentials there).
 *
 * @example
 * await runProbes(config.probes, { deadlineMs: config.deadlineMs, prober: createProber(process.env) })
 */
export function createProber(env: Record<string, string | undefined>): Prober {
  return function probeDependency(spec, signal) {
    switch (spec.type) {
      case 'http':
        return probeHttp(spec, signal)
      case 's3':
        return probeS3(spec, signal, env)
      case 'tcp':
        return probeTcp(spec, signal)
      case 'dns':
        return probeDns(spec, signal)
    }
  }
}
