/**
 * Splitting a long text into messages a messenger accepts, written once for every
 * adapter. Cuts prefer line breaks and never fall inside a character: pieces are built
 * from grapheme clusters (Intl.Segmenter), so an emoji with its modifiers, a flag or a
 * surrogate pair is never split (Telegram rejects a lone surrogate).
 */

import { cutText, graphemes } from '../i18n/graphemes.ts';

export { cutText, graphemes };

/**
 * Split `text` into pieces of at most `max` UTF-16 code units, cutting at the last line
 * break that fits where there is one, otherwise at a grapheme boundary. The line break at
 * a cut is dropped; with `dropBlank`, trailing whitespace is trimmed and blank pieces
 * are left out.
 *
 * @example splitText('a\nb', 1) // ['a', 'b']
 */
export function splitText(text: string, max: number, opts: { dropBlank?: boolean } = {}): string[] {
  if (!(max >= 2)) throw new RangeError(`splitText: max must be at least 2, got ${max}`);
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const lineCut = rest.lastIndexOf('\n', max);
    if (lineCut > 0) {
      out.push(rest.slice(0, lineCut));
      rest = rest.slice(lineCut).replace(opts.dropBlank ? /^\n+/ : /^\n/, '');
      continue;
    }
    const head = cutText(rest, max);
    // A single grapheme longer than `max` (pathological): fall back to code points.
    const piece = head.length > 0 ? head : String.fromCodePoint(rest.codePointAt(0)!);
    out.push(piece);
    rest = rest.slice(piece.length);
  }
  out.push(rest);
  if (!opts.dropBlank) return out;
  return out.map((s) => s.replace(/\s+$/, '')).filter((s) => s.trim() !== '');
}
