import { parse, type Tags, type YAMLMap, type YAMLSeq } from 'yaml'

// The short-form intrinsic tags of CloudFormation YAML (CloudFormation User Guide:
// "Intrinsic function reference") and the long form each stands for.
const SHORT_FORMS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'Length',
  'ToJsonString',
] as const

function longName(tag: string): string {
  return tag === 'Ref' || tag === 'Condition' ? tag : `Fn::${tag}`
}

function scalar(tag: string, value: string): unknown {
  // `!GetAtt Res.Attr` is `["Res", "Attr"]`; only the first dot splits (attributes may have dots).
  if (tag === 'GetAtt') {
    const dot = value.indexOf('.')
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] }
  }
  return { [longName(tag)]: value }
}

const TAGS: Tags = [...SHORT_FORMS, 'Ref', 'Condition'].flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => scalar(name, value) },
  {
    tag: `!${name}`,
    collection: 'seq' as const,
    resolve: (node: YAMLSeq | YAMLMap) => ({ [longName(name)]: node.toJSON() }),
  },
  {
    tag: `!${name}`,
    collection: 'map' as const,
    resolve: (node: YAMLSeq | YAMLMap) => ({ [longName(name)]: node.toJSON() }),
  },
])

/** A CloudFormation template as plain data. */
export interface CfnTemplate {
  Parameters?: Record<string, unknown>
  Conditions?: Record<string, unknown>
  Resources?: Record<string, CfnResource>
  Outputs?: Record<string, unknown>
  Transform?: unknown
  [key: string]: unknown
}

/** One entry of a template's Resources section. */
export interface CfnResource {
  Type?: unknown
  Properties?: Record<string, unknown>
  DependsOn?: unknown
  [key: string]: unknown
}

/**
 * Parse CloudFormation YAML (short tags become their long form) or JSON.
 *
 * @example
 * parseCfn('A: !Ref B') // { A: { Ref: 'B' } }
 */
export function parseCfn(text: string): CfnTemplate {
  const doc: unknown = text.trimStart().startsWith('{')
    ? JSON.parse(text)
    : parse(text, { customTags: TAGS, version: '1.1', merge: true })
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    throw new Error('not a template: the document is not a mapping')
  return doc as CfnTemplate
}
