import type { Prober } from './probe-outcome.js'

/**
 * The production prober: picks the probe for `spec.type`; the S3 probe reads its credentials,
 * region and endpoint from `env` (Lambda puts the execution role's credentials there).
 * Each probe module is imported on its first use: the build splits it into its own chunk, so a
 * cold start (and a configuration without that probe type) never loads it or `node:dns`.
 *
 * @example
 * await runProbes(config.probes, { deadlineMs: config.deadlineMs, prober: createProber(process.env) })
 */
export function createProber(env: Record<string, string | undefined>): Prober {
  return async function probeDependency(spec, signal) {
    switch (spec.type) {
      case 'http':
        return (await import('./probe-http.js')).probeHttp(spec, signal)
      case 's3':
        return (await import('./probe-s3.js')).probeS3(spec, signal, env)
      case 'tcp':
        return (await import('./probe-tcp.js')).probeTcp(spec, signal)
      case 'dns':
        return (await import('./probe-dns.js')).probeDns(spec, signal)
    }
  }
}
