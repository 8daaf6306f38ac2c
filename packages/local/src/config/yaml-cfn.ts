import { Pair, parse, Scalar, type Tags, YAMLMap, type YAMLSeq } from 'yaml'
import { documentBoundsError, MAX_TEMPLATE_DEPTH } from './document-bounds.js'

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

/**
 * `!Join [a, *x]` → the node `{ Fn::Join: [a, *x] }`, left to the document to turn into data: its
 * aliases then resolve (a `toJSON()` here turned them into `{ source: 'x' }`) and count against
 * the parser's alias limit.
 */
function longForm(fn: string, node: YAMLSeq | YAMLMap): YAMLMap {
  const map = new YAMLMap()
  map.items.push(new Pair(new Scalar(fn), node))
  return map
}

function cfnTags(): Tags {
  const tags: Tags = []
  for (const [tag, fn] of Object.entries(SHORT_TAGS)) {
    tags.push(
      { tag, resolve: (value: string) => scalarValue(tag, fn, value) },
      { tag, collection: 'seq', resolve: (seq: YAMLSeq | YAMLMap) => longForm(fn, seq) },
      { tag, collection: 'map', resolve: (map: YAMLSeq | YAMLMap) => longForm(fn, map) },
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
  const doc = parseText(text)
  const bounds = documentBoundsError(doc)
  if (bounds !== undefined) throw new Error(bounds)
  return doc
}

function parseText(text: string): unknown {
  try {
    if (text.trimStart().startsWith('{')) return JSON.parse(text)
    // CloudFormation templates are YAML 1.1-ish; aliases are fine, merge keys rarely used.
    return parse(text, { customTags: TAGS, merge: true, maxAliasCount: 1000 })
  } catch (err) {
    // the YAML parser recurses per nesting level: a deeply nested file overflows the stack
    if (err instanceof RangeError || /Maximum call stack size exceeded/.test(String(err)))
      throw new Error(`nests deeper than can be parsed (more than ${MAX_TEMPLATE_DEPTH} levels)`)
    throw err
  }
}
