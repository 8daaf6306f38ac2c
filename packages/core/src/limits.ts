/**
 * Limits of the ALB ⇄ Lambda integration. AWS says "1 MB" for both bodies (ELB user guide,
 * "Lambda functions as targets"); we take the smaller reading, 1,000,000 bytes.
 */

/**
 * Largest raw request body the ALB forwards; larger requests get 413 (LambdaRequestTooLarge).
 * @example
 * if (req.body.length > ALB_MAX_REQUEST_BODY_BYTES) throw albError(413, 'Body too large')
 */
export const ALB_MAX_REQUEST_BODY_BYTES = 1_000_000

/**
 * Largest JSON-serialised result document; larger ones become a 502 (LambdaResponseTooLarge).
 * @example
 * resultByteLength(result) <= ALB_MAX_RESPONSE_BYTES
 */
export const ALB_MAX_RESPONSE_BYTES = 1_000_000

/**
 * The `User-Agent` of ALB health checks (ELB user guide, "Health checks for your target groups").
 * @example
 * event.headers?.['user-agent'] === HEALTH_CHECK_USER_AGENT
 */
export const HEALTH_CHECK_USER_AGENT = 'ELB-HealthChecker/2.0'

/**
 * Largest total size of response headers; beyond it the ALB answers 502 (ELB user guide, "Quotas").
 * @example
 * ALB_MAX_RESPONSE_HEADER_BYTES // 32768
 */
export const ALB_MAX_RESPONSE_HEADER_BYTES = 32 * 1024
