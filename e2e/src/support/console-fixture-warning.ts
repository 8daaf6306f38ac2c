/**
 * Until @albkit/core's result check (the contract branch) reports tolerated shapes, the console
 * test marks the fixture's result without `statusDescription` with the warning that check will
 * give — only for that fixture path, only when the exchange carries no issues of its own.
 */
import type { CapturedExchange, ExchangeStore, ResultIssue } from '@albkit/local'

export const FIXTURE_WARNING: ResultIssue = {
  code: 'StatusDescriptionMissing',
  field: 'statusDescription',
  message:
    '`statusDescription` is missing: the ALB tolerates it and sends the standard reason phrase — set it (e.g. "200 OK") to choose your own.',
  source:
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html',
}

/**
 * @example
 * warnTolerated(alb.exchanges, '/demo/tolerated')
 */
export function warnTolerated(store: ExchangeStore, target: string): void {
  const add = store.add.bind(store)
  store.add = (exchange: CapturedExchange) =>
    add(
      exchange.issues === undefined && exchange.request.target === target
        ? { ...exchange, issues: { errors: [], warnings: [FIXTURE_WARNING] } }
        : exchange,
    )
}
