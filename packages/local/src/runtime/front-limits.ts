/** Request limits the ALB enforces itself (ELB user guide, "Quotas for your Application Load Balancers"); the 32 KB response-header limit is core's ALB_MAX_RESPONSE_HEADER_BYTES. */

/** Request line or one header longer than this → 400. */
export const MAX_REQUEST_LINE_OR_HEADER_BYTES = 16 * 1024
/** All request headers together longer than this → 400. */
export const MAX_REQUEST_HEADERS_BYTES = 64 * 1024
/** More X-Forwarded-For addresses than this → 463 (ELB user guide, "Troubleshoot": HTTP 463). */
export const MAX_FORWARDED_FOR_ADDRESSES = 30
/** Default idle timeout of a load balancer, seconds (ELB user guide, "Connection idle timeout"). */
export const IDLE_TIMEOUT_SECONDS = 60
