/** The limits of `GET /binary/render.png`, stated once so errors and the README can quote them. */
export const RENDER_BOUNDS = {
  size: { min: 16, max: 512, default: 128 },
  text: { minLength: 1, maxLength: 64, default: 'albkit' },
  colour: 'hex RGB: 3 or 6 hex digits, with or without a leading # (sent as %23)',
} as const

/** Validated parameters of one rendered identicon. */
export interface RenderParams {
  text: string
  size: number
  /** [r, g, b]; undefined → derived from the text's hash */
  fg: [number, number, number] | undefined
  bg: [number, number, number]
}

export type RenderParamsResult =
  | { ok: true; params: RenderParams }
  | { ok: false; problems: string[] }

const ALLOWED = ['text', 'size', 'fg', 'bg'] as const

/** Parse `abc`, `#abc`, `aabbcc` or `#aabbcc` into [r, g, b]; undefined when malformed. */
export function parseHexColour(value: string): [number, number, number] | undefined {
  const hex = value.startsWith('#') ? value.slice(1) : value
  if (!/^[0-9a-fA-F]{3}$|^[0-9a-fA-F]{6}$/.test(hex)) return undefined
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number]
}

/**
 * Validate the (already URL-decoded) query of a render request. Unknown parameters, a size
 * outside 16–512, text outside 1–64 characters and malformed colours are all reported, not
 * clamped, so the caller can answer 400 with every problem and the bounds at once.
 *
 * @example
 * parseRenderParams(new Map([['text', 'ada'], ['size', '64']]))
 * // → { ok: true, params: { text: 'ada', size: 64, fg: undefined, bg: [240, 240, 240] } }
 */
export function parseRenderParams(query: Iterable<[string, string]>): RenderParamsResult {
  const values = new Map<string, string>()
  const problems: string[] = []
  for (const [key, value] of query) {
    if (!(ALLOWED as readonly string[]).includes(key)) {
      problems.push(`unknown parameter '${key.slice(0, 32)}'; allowed: ${ALLOWED.join(', ')}`)
    } else values.set(key, value) // last value wins, as in the ALB's single-value mode
  }
  const { size: sb, text: tb } = RENDER_BOUNDS
  const text = values.get('text') ?? tb.default
  const chars = [...text].length
  if (chars < tb.minLength || chars > tb.maxLength) {
    problems.push(`text must be ${tb.minLength}–${tb.maxLength} characters, got ${chars}`)
  }
  const sizeRaw = values.get('size')
  let size: number = sb.default
  if (sizeRaw !== undefined) {
    size = /^\d{1,4}$/.test(sizeRaw) ? Number(sizeRaw) : Number.NaN
    if (!(size >= sb.min && size <= sb.max)) {
      problems.push(
        `size must be an integer from ${sb.min} to ${sb.max}, got '${sizeRaw.slice(0, 16)}'`,
      )
    }
  }
  const fgRaw = values.get('fg')
  const bgRaw = values.get('bg')
  const fg = fgRaw === undefined ? undefined : parseHexColour(fgRaw)
  const bg =
    bgRaw === undefined ? ([240, 240, 240] as [number, number, number]) : parseHexColour(bgRaw)
  if (fgRaw !== undefined && !fg) problems.push(`fg must be ${RENDER_BOUNDS.colour}`)
  if (!bg) problems.push(`bg must be ${RENDER_BOUNDS.colour}`)
  if (problems.length > 0 || !bg) return { ok: false, problems }
  return { ok: true, params: { text, size, fg, bg } }
}
