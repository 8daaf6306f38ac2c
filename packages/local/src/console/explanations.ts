/**
 * Why the load balancer answered as it did, in one plain sentence with the AWS page it comes
 * from: for every access-log error reason the local balancer logs, for its own error statuses,
 * and for the result issues @albkit/core reports (errors that became a 502, tolerated shapes).
 */
import type { CapturedExchange } from './captured-exchange.js'

const ELB = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application'
/** The AWS pages the explanations cite. */
export const AWS_PAGES = {
  lambdaTargets: `${ELB}/lambda-functions.html`,
  troubleshooting: `${ELB}/load-balancer-troubleshooting.html`,
  accessLogs: `${ELB}/load-balancer-access-logs.html#error-reason-codes`,
  quotas: `${ELB}/load-balancer-limits.html`,
  forwardedHeaders: `${ELB}/x-forwarded-headers.html`,
  lambdaAlb: 'https://docs.aws.amazon.com/lambda/latest/dg/services-alb.html',
  lambdaConcurrency: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
  lambdaTimeout: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html',
} as const

export interface Explanation {
  level: 'error' | 'warning'
  /** the access-log error reason, the status, or the result issue's code */
  code: string
  /** the result field concerned, when there is one */
  field?: string
  message: string
  /** the AWS page (or issue thread) the rule comes from */
  source: string
  /** what the balancer found, word for word (e.g. the timeout or the error the function threw) */
  details?: string[]
}

type Entry = { message: string; source: string }

/** By access-log error reason (ELB user guide, "Access logs", error reason codes). */
export const REASON_EXPLANATIONS: Readonly<Record<string, Entry>> = {
  LambdaUnhandled: {
    message:
      'The function threw an error, crashed or failed to start, so there was no result: the ALB answers 502 — catch the error and return a result, or fix the handler so it loads.',
    source: AWS_PAGES.accessLogs,
  },
  LambdaInvalidResponse: {
    message:
      'The function returned a result the ALB cannot turn into an HTTP response (a wrong type or a missing field, listed above): the ALB answers 502 — return { statusCode: number, headers or multiValueHeaders with string values, body: string }.',
    source: AWS_PAGES.lambdaTargets,
  },
  LambdaResponseTooLarge: {
    message:
      'The result is larger than 1 MB (the JSON the function returned, body and headers included): the ALB answers 502 — send large content from S3 (a redirect or a presigned URL) instead.',
    source: AWS_PAGES.lambdaTargets,
  },
  LambdaThrottling: {
    message:
      "The function's reserved concurrency was reached, so Lambda throttled the invocation: the ALB answers 502 — raise ReservedConcurrentExecutions or lower the request rate.",
    source: AWS_PAGES.lambdaConcurrency,
  },
  LambdaBadRequest: {
    message:
      'A header or a text body is not valid UTF-8, so no event could be built: the ALB answers 400 without calling the function — send UTF-8, or binary bodies with a binary Content-Type.',
    source: AWS_PAGES.accessLogs,
  },
  LambdaRequestTooLarge: {
    message:
      'The request body is over 1 MB, the limit for Lambda targets: the ALB answers 413 without calling the function — upload large files straight to S3.',
    source: AWS_PAGES.lambdaTargets,
  },
  LambdaWebsocketNotSupported: {
    message:
      'WebSocket upgrades are not supported for Lambda targets: the ALB answers 400 — use API Gateway WebSocket APIs, or a non-Lambda target group.',
    source: AWS_PAGES.lambdaTargets,
  },
}

/** The invocation ran out of time (the access log has no error reason for it). */
export const TIMEOUT_EXPLANATION: Entry = {
  message:
    "The function ran past its Timeout and was stopped: the ALB answers 502 — make the handler faster or raise the function's Timeout.",
  source: AWS_PAGES.lambdaTimeout,
}

/** The balancer's own answers that carry no error reason, by status. */
export const STATUS_EXPLANATIONS: Readonly<Record<number, Entry>> = {
  400: {
    message:
      'The listener refused a malformed request (a request line or one header over 16 KB, all headers over 64 KB, a Transfer-Encoding other than chunked, or unparsable bytes) with 400, before routing.',
    source: AWS_PAGES.quotas,
  },
  405: {
    message: 'The ALB refuses the TRACE method with 405 before routing.',
    source: AWS_PAGES.troubleshooting,
  },
  408: {
    message:
      'The client did not send the whole request in time, so the listener answered 408 and closed the connection.',
    source: AWS_PAGES.troubleshooting,
  },
  413: {
    message: REASON_EXPLANATIONS.LambdaRequestTooLarge?.message ?? '',
    source: AWS_PAGES.lambdaTargets,
  },
  460: {
    message:
      'The client closed the connection before the load balancer could answer (logged as 460).',
    source: AWS_PAGES.troubleshooting,
  },
  463: {
    message:
      'The X-Forwarded-For header the client sent lists more than 30 addresses: the ALB answers 463 before routing.',
    source: AWS_PAGES.troubleshooting,
  },
  500: {
    message:
      'The local load balancer failed while routing this request — a bug in albkit, not in your function (the ALB answers 500 for its own internal errors): please report it with the note below.',
    source: AWS_PAGES.troubleshooting,
  },
  502: {
    message:
      "The function's response headers are over 32 KB, the ALB's limit: it answers 502 — send fewer or shorter headers (large cookies are the usual cause).",
    source: AWS_PAGES.quotas,
  },
  503: {
    message:
      'The rule forwards to a target group with no registered function: the ALB answers 503 — register the function as a target (Targets: - Id: !GetAtt Fn.Arn).',
    source: AWS_PAGES.troubleshooting,
  },
  505: {
    message:
      'The request used an HTTP version other than 1.0 or 1.1 as text: the listener answers 505.',
    source: AWS_PAGES.troubleshooting,
  },
}

type Explainable = Pick<
  CapturedExchange,
  'errorReason' | 'response' | 'invoke' | 'issues' | 'actions'
>

/** Whether the balancer answered with its own error (not a configured fixed response or redirect). */
export function isBalancerError(c: Explainable): boolean {
  if (c.errorReason !== undefined) return true
  if (!c.response.own || c.response.statusCode < 400) return false
  return !c.actions.includes('fixed-response') && !c.actions.includes('redirect')
}

/**
 * The key of the table entry that explains an exchange's own error answer, if it has one.
 * @example
 * explanationKey({ errorReason: undefined, invoke: { kind: 'error', errorKind: 'timeout', … }, … }) // 'timeout'
 */
export function explanationKey(c: Explainable): string | undefined {
  if (!isBalancerError(c)) return undefined
  if (c.errorReason !== undefined) return c.errorReason
  if (c.invoke?.kind === 'error' && c.invoke.errorKind === 'timeout') return 'timeout'
  return String(c.response.statusCode)
}

function entryFor(key: string): Entry | undefined {
  if (key === 'timeout') return TIMEOUT_EXPLANATION
  return REASON_EXPLANATIONS[key] ?? STATUS_EXPLANATIONS[Number(key)]
}

/**
 * Every explanation for an exchange: the result issues first (field by field), then the
 * balancer's own error answer with what it found.
 * @example
 * explain(store.get(3)) // [{ level: 'error', code: 'LambdaInvalidResponse', message: 'The function returned…', source: 'https://docs.aws…' }]
 */
export function explain(c: Explainable): Explanation[] {
  const out: Explanation[] = []
  for (const issue of c.issues?.errors ?? []) out.push({ level: 'error', ...issue })
  for (const issue of c.issues?.warnings ?? []) out.push({ level: 'warning', ...issue })
  const key = explanationKey(c)
  if (key === undefined) return out
  const entry = entryFor(key)
  // a result's field-level errors are the issues above; here only what the invocation said
  const details = c.invoke?.message === undefined ? [] : [c.invoke.message]
  out.push({
    level: 'error',
    code: key,
    message:
      entry?.message ??
      `The load balancer answered ${c.response.statusCode} itself (no explanation recorded for this case).`,
    source: entry?.source ?? AWS_PAGES.troubleshooting,
    ...(details.length > 0 ? { details } : {}),
  })
  return out
}
