/** Returned by `Ref: AWS::NoValue`: the property is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue')

/**
 * Short, safe description of a value for error messages.
 *
 * @example
 * describe({ a: 1 }) // '{"a":1}'
 */
export function describe(value: unknown): string {
  if (value === NO_VALUE) return 'AWS::NoValue'
  const json = JSON.stringify(value)
  if (json === undefined) return String(value)
  return json.length > 80 ? `${json.slice(0, 77)}...` : json
}
