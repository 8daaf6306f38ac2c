/**
 * Every way a Lambda result can fall short of the ALB contract, each with the rule a person reads
 * and the page or issue thread the rule comes from. `validateResult` reports these; the local
 * load balancer answers errors with 502 and tolerated shapes as the ALB does, plus a warning.
 */

const ELB_LAMBDA =
  'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html'
const ELB_QUOTAS =
  'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html'
/** `{ "statusCode": 200 }` alone is answered 200; `null` fields are 502s. */
const DOCS_33 = 'https://github.com/awsdocs/elb-application-load-balancers-user-guide/issues/33'
/** `"body": null` → 502, a missing body → 200 (verified by a maintainer). */
const GO_408 = 'https://github.com/aws/aws-lambda-go/issues/408'
/** The ALB reads the header field that matches the target group's mode and ignores the other. */
const GO_PROXY_79 = 'https://github.com/awslabs/aws-lambda-go-api-proxy/issues/79'
/** A boolean header value (`Access-Control-Allow-Credentials: true`) → 502. */
const LAMBDA_API_117 = 'https://github.com/jeremydaly/lambda-api/issues/117'
/** `"statusDescription": null` → 502. */
const DOTNET_507 = 'https://github.com/aws/aws-lambda-dotnet/issues/507'
const RFC_FIELD_NAMES = 'https://www.rfc-editor.org/rfc/rfc9110#section-5.1'
const RFC_FIELD_VALUES = 'https://www.rfc-editor.org/rfc/rfc9110#section-5.5'

/**
 * The rule and source of each issue code. Errors are what the real ALB answers with 502;
 * warnings are shapes it answers normally though its page calls them incomplete.
 */
const RULES = {
  // errors: 502
  'result-not-object': {
    rule: 'the ALB answers 502 — return an object with at least `statusCode`',
    source: ELB_LAMBDA,
  },
  'result-not-serialisable': {
    rule: 'the Lambda runtime cannot send it as JSON, so the ALB answers 502',
    source: ELB_LAMBDA,
  },
  'status-code-not-integer': {
    rule: 'the ALB answers 502 — `statusCode` must be an integer from 100 to 599',
    source: ELB_LAMBDA,
  },
  'status-description-null': {
    rule: 'the ALB answers 502 — send "<code> <reason>" or omit it',
    source: DOTNET_507,
  },
  'status-description-not-string': {
    rule: 'the ALB answers 502 — send a string "<code> <reason>" or omit it',
    source: ELB_LAMBDA,
  },
  'status-description-malformed': {
    rule: 'the ALB expects "<code> <reason>": the status code, one space, a reason phrase',
    source: ELB_LAMBDA,
  },
  'status-description-mismatch': {
    rule: 'the ALB expects the code in `statusDescription` to be `statusCode`',
    source: ELB_LAMBDA,
  },
  'status-description-control-chars': {
    rule: 'CR, LF and NUL can never go on a status line',
    source: RFC_FIELD_VALUES,
  },
  'is-base64-encoded-not-boolean': {
    rule: 'the ALB answers 502 — send `true` or `false`, or omit it',
    source: DOCS_33,
  },
  'headers-null': {
    rule: 'the ALB answers 502 — send an object or omit the field',
    source: DOCS_33,
  },
  'headers-not-object': {
    rule: 'the ALB answers 502 — header fields are objects of names to values',
    source: ELB_LAMBDA,
  },
  'header-name-invalid': {
    rule: 'a header name is an RFC 9110 token (no spaces, CR, LF or NUL)',
    source: RFC_FIELD_NAMES,
  },
  'header-value-not-string': {
    rule: 'the ALB answers 502 — header values must be strings',
    source: LAMBDA_API_117,
  },
  'multi-value-header-not-array': {
    rule: 'the ALB answers 502 — in multi-value mode each header is an array of strings',
    source: ELB_LAMBDA,
  },
  'header-value-control-chars': {
    rule: 'CR, LF and NUL in a header value would split the response; it is never sent',
    source: RFC_FIELD_VALUES,
  },
  'headers-too-large': {
    rule: 'the ALB answers 502 when all response headers exceed 32 KB',
    source: ELB_QUOTAS,
  },
  'body-null': {
    rule: 'the ALB answers 502 — send a string or omit it',
    source: GO_408,
  },
  'body-not-string': {
    rule: 'the ALB answers 502 — `body` is a string (base64 for binary)',
    source: ELB_LAMBDA,
  },
  'body-not-base64': {
    rule: 'the ALB answers 502 — with `isBase64Encoded: true` the body must be base64',
    source: ELB_LAMBDA,
  },
  'document-too-large': {
    rule: 'the ALB answers 502 (LambdaResponseTooLarge) above 1 MB',
    source: ELB_LAMBDA,
  },
  // warnings: answered, though the page says the field "must" be there
  'status-description-missing': {
    rule: 'the ALB answers with the standard reason phrase — the page says it is required',
    source: DOCS_33,
  },
  'is-base64-encoded-missing': {
    rule: 'the ALB takes the body as text — the page says it is required',
    source: DOCS_33,
  },
  'headers-missing': {
    rule: 'the ALB answers without headers — the page says they are required',
    source: DOCS_33,
  },
  'both-header-fields': {
    rule: 'the ALB reads only the field that matches the target group mode and ignores the other',
    source: GO_PROXY_79,
  },
  'headers-wrong-mode': {
    rule: 'the ALB ignores this field in this mode: the response goes out without these headers',
    source: GO_PROXY_79,
  },
} as const satisfies Record<string, { rule: string; source: string }>

/**
 * Stable kebab-case id of one way a result falls short of the contract.
 * @example
 * const code: ResultIssueCode = 'body-null'
 */
export type ResultIssueCode = keyof typeof RULES

/**
 * Every issue code `validateResult` can report, in a stable order.
 * @example
 * RESULT_ISSUE_CODES.includes('body-null') // true
 */
export const RESULT_ISSUE_CODES: readonly ResultIssueCode[] = Object.freeze(
  Object.keys(RULES) as ResultIssueCode[],
)

/**
 * One way a result falls short of the contract.
 * @example
 * const issue: ResultIssue = { code: 'body-null', field: 'body',
 *   message: '`body` is `null`: the ALB answers 502 — send a string or omit it', source: '…' }
 */
export interface ResultIssue {
  /** stable id in kebab-case: one of {@link RESULT_ISSUE_CODES} */
  code: string
  /** the field it is about: `body`, `statusDescription`, `headers.X-Value`, … */
  field: string
  /** one plain sentence for a person */
  message: string
  /** URL of the AWS page or issue thread the rule comes from */
  source: string
}

/**
 * What {@link validateResult} found: errors (the ALB answers 502) and warnings (tolerated shapes:
 * the ALB answers them normally, the docs call them incomplete).
 * @example
 * const { errors, warnings }: ResultCheck = validateResult({ statusCode: 200 }, 'single')
 */
export interface ResultCheck {
  errors: ResultIssue[]
  warnings: ResultIssue[]
}

/**
 * The issue of `code` about `field`; `what` says what was found.
 * @example
 * resultIssue('body-null', 'body', '`body` is `null`').message
 * // '`body` is `null`: the ALB answers 502 — send a string or omit it'
 */
export function resultIssue(code: ResultIssueCode, field: string, what: string): ResultIssue {
  const { rule, source } = RULES[code]
  return { code, field, message: `${what}: ${rule}`, source }
}
