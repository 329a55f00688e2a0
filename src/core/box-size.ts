/** A ratio as written (`16/9`, `16:9`, `1.78`): width, then height (1 when absent). */
const RATIO = /^(\d+(?:\.\d+)?)\s*(?:[/:]\s*(\d+(?:\.\d+)?))?$/;
/** A frame's `width` or `height` attribute as the browser reads it: digits, and a `%` kept. */
const DIMENSION = /^\s*(\d+(?:\.\d+)?)(%?)/;

/** The `aspect-ratio` attribute as CSS (`16 / 9`), or '' when it is not a ratio of two positive numbers. */
export function cssRatio(value: string): string {
  const [, width, height = 1] = value.trim().match(RATIO) ?? [];
  return +width! && +height ? `${width} / ${height}` : '';
}

/**
 * A frame's `width` or `height` attribute as a CSS length, as the browser maps it: `560` and
 * `560px` are `560px` (what follows the number is ignored), `100%` stays; '' when there is none.
 */
export function frameDimension(value: string | null): string {
  const [, number, percent] = value?.match(DIMENSION) ?? [];
  return number ? number + (percent || 'px') : '';
}
