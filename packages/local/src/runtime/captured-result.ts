/**
 * The function's result as the local console shows it: JSON text, cut at a character limit.
 * Runs in the instance thread, only when a console is watching or the result is a 502.
 */

/** Characters kept of a result when the caller names no limit (a 502 with no console open). */
export const DEFAULT_CAPTURED_RESULT_CHARS = 64 * 1024

/**
 * @example
 * capturedResult({ statusCode: 'x' }) // '{"statusCode":"x"}'
 * capturedResult(undefined) // 'undefined'
 */
export function capturedResult(result: unknown, maxChars = DEFAULT_CAPTURED_RESULT_CHARS): string {
  let text: string
  try {
    text = JSON.stringify(result) ?? String(result)
  } catch (err) {
    text = `(not serialisable: ${err instanceof Error ? err.message : String(err)})`
  }
  return text.length > maxChars ? text.slice(0, maxChars) : text
}
