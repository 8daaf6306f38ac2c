/** The AWS pages each conformance check cites, named once. */
export const LAMBDA_GUIDE =
  'Lambda developer guide, "Process Application Load Balancer requests with Lambda"'
export const ELB_LAMBDA = 'ELB user guide, "Lambda functions as targets"'
export const ELB_TROUBLE = 'ELB user guide, "Troubleshoot your Application Load Balancers"'
export const ELB_HEADERS = 'ELB user guide, "HTTP headers and Application Load Balancers"'
export const ELB_QUOTAS = 'ELB user guide, "Quotas for your Application Load Balancers"'
export const ELB_LOGS =
  'ELB user guide, "Access logs for your Application Load Balancer" (error reasons)'
export const ELB_RULES = 'ELB user guide, "Listener rules for your Application Load Balancer"'
export const ELB_ACTIONS =
  'ELB user guide, "Listeners for your Application Load Balancers" (rule actions)'
export const ELB_HEALTH = 'ELB user guide, "Health checks for your target groups"'
/** `{ "statusCode": 200 }` alone is answered; `null` fields are 502s. */
export const DOCS_33 =
  'awsdocs/elb-application-load-balancers-user-guide issue #33 (the ALB fills in the rest)'
/** `"body": null` → 502, a missing body → 200, verified by a maintainer. */
export const GO_408 = 'aws/aws-lambda-go issue #408 (verified by a maintainer)'
/** The ALB reads the header field of the target group's mode and ignores the other. */
export const GO_PROXY_79 = 'awslabs/aws-lambda-go-api-proxy issue #79'
/** A boolean header value → 502. */
export const LAMBDA_API_117 = 'jeremydaly/lambda-api issue #117'
