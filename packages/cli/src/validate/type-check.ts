import type { PropertyType, ResourceProperties } from '@aws-cdk/service-spec-types'
import type { SpecLookup } from './spec-db.js'
import { closest } from './suggest.js'

/** One ill-typed, unknown or missing property, with its dotted path inside the resource. */
export interface TypeProblem {
  path: string
  message: string
}

/** `{ Ref: x }` or `{ 'Fn::…': x }`: its value is only known at deploy time. */
export function isIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return keys.length === 1 && (keys[0] === 'Ref' || (keys[0]?.startsWith('Fn::') ?? false))
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${JSON.stringify(value)}`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function typeName(type: PropertyType, spec: SpecLookup): string {
  switch (type.type) {
    case 'ref':
      return spec.definition(type).name
    case 'array':
      return `list of ${typeName(type.element, spec)}`
    case 'map':
      return `map of ${typeName(type.element, spec)}`
    case 'union':
      return type.types.map((t) => typeName(t, spec)).join(' | ')
    default:
      return type.type
  }
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`
}

/**
 * Check an object against a property table: unknown keys, missing required keys, and each
 * value against its type.
 *
 * @example
 * checkProperties({ Runtim: 'x' }, spec.resource('AWS::Lambda::Function') ?? {}, spec, '')
 */
export function checkProperties(
  value: Record<string, unknown>,
  properties: ResourceProperties,
  spec: SpecLookup,
  path: string,
): TypeProblem[] {
  const problems: TypeProblem[] = []
  for (const [key, child] of Object.entries(value)) {
    const property = properties[key]
    if (property === undefined) {
      const hint = closest(key, Object.keys(properties))
      problems.push({
        path: join(path, key),
        message: `unknown property${hint === undefined ? '' : ` (did you mean ${hint}?)`}`,
      })
      continue
    }
    problems.push(...checkValue(child, property.type, spec, join(path, key)))
  }
  for (const [key, property] of Object.entries(properties))
    if (property.required === true && !(key in value))
      problems.push({ path: join(path, key), message: 'required property is missing' })
  return problems
}

function checkScalar(value: unknown, type: PropertyType): string | undefined {
  switch (type.type) {
    case 'string':
    case 'date-time':
      // CloudFormation turns numbers and booleans into strings where a string is expected.
      if (!['string', 'number', 'boolean'].includes(typeof value)) return 'a string'
      if (
        type.type === 'string' &&
        type.allowedValues &&
        !type.allowedValues.includes(String(value))
      )
        return `one of ${type.allowedValues.join(', ')}`
      return undefined
    case 'number':
      return typeof value === 'number' ||
        (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        ? undefined
        : 'a number'
    case 'integer':
      return Number.isInteger(
        typeof value === 'string' && value.trim() !== '' ? Number(value) : value,
      )
        ? undefined
        : 'an integer'
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
        ? undefined
        : 'a boolean'
    case 'null':
      return value === null ? undefined : 'null'
    case 'tag':
      return isRecord(value) && 'Key' in value && 'Value' in value
        ? undefined
        : 'a tag { Key, Value }'
    default:
      return undefined
  }
}

/**
 * Check one value against a property type from the spec (intrinsics are accepted anywhere).
 *
 * @example
 * checkValue('x', { type: 'integer' }, spec, 'Port') // [{ path: 'Port', message: 'expected an integer, got string "x"' }]
 */
export function checkValue(
  value: unknown,
  type: PropertyType,
  spec: SpecLookup,
  path: string,
): TypeProblem[] {
  if (isIntrinsic(value) || type.type === 'json') return []
  if (type.type === 'union') {
    const attempts = type.types.map((t) => checkValue(value, t, spec, path))
    if (attempts.some((a) => a.length === 0)) return []
    // Report the attempt that got furthest (a mapping matching a definition but with a bad key).
    const structural = attempts.find((a) => a.some((p) => p.path !== path))
    return (
      structural ?? [{ path, message: `expected ${typeName(type, spec)}, got ${describe(value)}` }]
    )
  }
  if (type.type === 'array') {
    if (!Array.isArray(value))
      return [{ path, message: `expected ${typeName(type, spec)}, got ${describe(value)}` }]
    return value.flatMap((item, i) => checkValue(item, type.element, spec, join(path, i)))
  }
  if (type.type === 'map') {
    if (!isRecord(value))
      return [{ path, message: `expected ${typeName(type, spec)}, got ${describe(value)}` }]
    return Object.entries(value).flatMap(([k, v]) =>
      checkValue(v, type.element, spec, join(path, k)),
    )
  }
  if (type.type === 'ref') {
    const def = spec.definition(type)
    if (!isRecord(value))
      return [{ path, message: `expected ${def.name} (a mapping), got ${describe(value)}` }]
    return checkProperties(value, def.properties, spec, path)
  }
  const expected = checkScalar(value, type)
  return expected === undefined
    ? []
    : [{ path, message: `expected ${expected}, got ${describe(value)}` }]
}
