/**
 * Bounds on a parsed template, so that nothing read from a file can make loading (or any later
 * walk over the template) hang or exhaust memory (issue 14: YAML alias bombs, deep nesting).
 * YAML aliases — also under CloudFormation's short tags, which the parser's own alias count does
 * not see — make a document a graph whose expansion as a tree can be exponential in the file
 * size: it is counted here as the tree every later walk would visit, within a fixed budget.
 */

/** Values (scalars, lists, mappings) a template may expand to; real templates hold a few thousand. */
export const MAX_TEMPLATE_VALUES = 1_000_000
/** Nesting depth a template may reach; real templates stay under 20. */
export const MAX_TEMPLATE_DEPTH = 100

/**
 * The first bound a parsed document breaks, as a sentence, or undefined. Visits at most
 * MAX_TEMPLATE_VALUES values, without recursion.
 *
 * @example
 * documentBoundsError({ Resources: {} }) // undefined
 */
export function documentBoundsError(doc: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[doc, 1]]
  let values = 0
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next
    if (++values > MAX_TEMPLATE_VALUES)
      return `expands to more than ${MAX_TEMPLATE_VALUES} values (YAML aliases repeating a large node?)`
    if (node === null || typeof node !== 'object') continue
    if (depth > MAX_TEMPLATE_DEPTH) return `nests deeper than ${MAX_TEMPLATE_DEPTH} levels`
    const children = Array.isArray(node) ? node : Object.values(node)
    for (const child of children) stack.push([child, depth + 1])
  }
  return undefined
}
