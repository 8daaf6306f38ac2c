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
