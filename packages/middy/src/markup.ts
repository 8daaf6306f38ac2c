import { escapeHtml } from '@albkit/core'

/**
 * HTML that is already safe: built by {@link markup} (its values escaped) or marked {@link trusted}.
 * @example
 * markup`<b>${'<i>'}</b>` instanceof Markup // true; .html is '<b>&lt;i&gt;</b>'
 */
export class Markup {
  readonly html: string
  constructor(html: string) {
    this.html = html
  }
  toString(): string {
    return this.html
  }
}

/**
 * A value {@link markup} accepts: text (escaped), Markup (as is), a list of either, or nothing.
 * @example
 * const cells: MarkupValue = ['a', markup`<br>`, null]
 */
export type MarkupValue =
  | string
  | number
  | Markup
  | null
  | undefined
  | false
  | readonly MarkupValue[]

function render(value: MarkupValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof Markup) return value.html
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/**
 * A tagged template for HTML: every interpolated value is escaped (`& < > " '`) unless it is
 * Markup itself, so request data cannot become markup by forgetting a call. Lists are joined;
 * `null`, `undefined` and `false` render nothing.
 *
 * @example
 * const row = (name: string) => markup`<li>${name}</li>`
 * markup`<ul>${['<b>', 'a&b'].map(row)}</ul>`.html // '<ul><li>&lt;b&gt;</li><li>a&amp;b</li></ul>'
 */
export function markup(strings: TemplateStringsArray, ...values: readonly MarkupValue[]): Markup {
  let out = strings[0] ?? ''
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '')
  return new Markup(out)
}

/**
 * Marks a constant string as HTML: only for markup you wrote, never for request data.
 *
 * @example
 * trusted('<br>')
 */
export function trusted(html: string): Markup {
  return new Markup(html)
}
