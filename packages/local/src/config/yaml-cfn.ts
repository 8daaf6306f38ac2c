import { parse, type Tags, type YAMLMap, type YAMLSeq } from 'yaml'

/** The short-form tags of CloudFormation YAML and the long form each becomes. */
const SHORT_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!ImportValue': 'Fn::ImportValue',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!GetAZs': 'Fn::GetAZs',
  '!Cidr': 'Fn::Cidr',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Transform': 'Fn::Transform',
}

function scalarValue(tag: string, fn: string, value: string): unknown {
  // "!GetAtt Res.Attr" is the short form of ["Res", "Attr"]; the attribute may itself contain dots.
  if (tag === '!GetAtt') {
    const dot = value.indexOf('.')
    return { [fn]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] }
  }
  return { [fn]: value }
}

function cfnTags(): Tags {
  const tags: Tags = []
  for (const [tag, fn] of Object.entries(SHORT_TAGS)) {
    tags.push(
      { tag, resolve: (value: string) => scalarValue(tag, fn, value) },
      { tag, collection: 'seq', resolve: (seq: YAMLSeq | YAMLMap) => ({ [fn]: seq.toJSON() }) },
      { tag, collection: 'map', resolve: (map: YAMLSeq | YAMLMap) => ({ [fn]: map.toJSON() }) },
    )
  }
  return tags
}

const TAGS = cfnTags()

/**
 * Parse a CloudFormation / SAM template (YAML with short tags, or JSON) into plain data where
 * every short tag is in its long form (`!Sub x` → `{ "Fn::Sub": "x" }`).
 *
 * @example
 * parseCfnTemplate('A: !GetAtt Fn.Arn') // { A: { 'Fn::GetAtt': ['Fn', 'Arn'] } }
 */
export function parseCfnTemplate(text: string): unknown {
  const trimmed = text.trimStart()
  if (trimmed.startsWith('{')) return JSON.parse(text)
  // CloudFormation templates are YAML 1.1-ish; aliases are fine, merge keys rarely used.
  return parse(text, { customTags: TAGS, merge: true, maxAliasCount: 1000 })
}
