/**
 * Cutting text without splitting a character: by grapheme clusters (Intl.Segmenter), so an
 * emoji with its modifiers, a flag or a surrogate pair stays whole (Telegram rejects a lone
 * surrogate). Below the engine, so the engine and the adapters cut the same way.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The grapheme clusters of `text`. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * `text` cut to at most `max` UTF-16 code units on a grapheme boundary, with `ellipsis`
 * appended (within `max`) when something was cut.
 *
 * @example cutText('ab👍🏽c', 4) // 'ab'  (the emoji with its skin tone is 4 units)
 */
export function cutText(text: string, max: number, ellipsis = ''): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - ellipsis.length);
  let out = '';
  for (const g of graphemes(text)) {
    if (out.length + g.length > room) break;
    out += g;
  }
  return out + ellipsis;
}
