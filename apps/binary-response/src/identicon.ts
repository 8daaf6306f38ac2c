import type { RgbImage } from './png-encoder.js'
import type { RenderParams } from './render-params.js'

const GRID = 5

/** Colour from a hash: hue from two bytes, fixed saturation/lightness (HSL → RGB). */
function hashColour(hash: Buffer): [number, number, number] {
  const hue = (((hash[0] ?? 0) << 8) | (hash[1] ?? 0)) % 360
  const s = 0.6
  const l = 0.45
  const c = (1 - Math.abs(2 * l - 1)) * s
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1))
  const m = l - c / 2
  const [r, g, b] =
    hue < 60
      ? [c, x, 0]
      : hue < 120
        ? [x, c, 0]
        : hue < 180
          ? [0, c, x]
          : hue < 240
            ? [0, x, c]
            : hue < 300
              ? [x, 0, c]
              : [c, 0, x]
  return [r, g, b].map((v) => Math.round((v + m) * 255)) as [number, number, number]
}

function sha256(text: string): Buffer {
  // node:crypto is loaded on first use, not at import, to keep it out of cold start (bench/, issue #9).
  const { createHash } = process.getBuiltinModule('node:crypto')
  return createHash('sha256').update(text, 'utf8').digest()
}

/**
 * Which of the 5×5 cells are filled: the left three columns come from the SHA-256 of the text,
 * mirrored onto the right two, so the same text always gives the same picture.
 */
export function identiconCells(text: string): boolean[][] {
  const hash = sha256(text)
  return Array.from({ length: GRID }, (_, y) =>
    Array.from({ length: GRID }, (_, x) => {
      const col = x < 3 ? x : GRID - 1 - x
      return ((hash[2 + y * 3 + col] ?? 0) & 1) === 1
    }),
  )
}

/**
 * Render a square identicon (size × size RGB pixels) for the given parameters.
 *
 * @example
 * const png = encodePng(renderIdenticon({ text: 'ada', size: 64, fg: undefined, bg: [255, 255, 255] }))
 */
export function renderIdenticon(params: RenderParams): RgbImage {
  const { size, bg } = params
  const fg = params.fg ?? hashColour(sha256(params.text))
  const cells = identiconCells(params.text)
  const cell = Math.floor(size / (GRID + 1))
  const margin = Math.floor((size - cell * GRID) / 2)
  const pixels = new Uint8Array(size * size * 3)
  for (let y = 0; y < size; y++) {
    const cy = Math.floor((y - margin) / cell)
    for (let x = 0; x < size; x++) {
      const cx = Math.floor((x - margin) / cell)
      const on = y >= margin && x >= margin && cy < GRID && cx < GRID && cells[cy]?.[cx] === true
      pixels.set(on ? fg : bg, (y * size + x) * 3)
    }
  }
  return { width: size, height: size, pixels }
}
