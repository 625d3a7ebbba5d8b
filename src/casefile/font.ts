/**
 * The font every case file is set in: Noto Sans SC (SIL Open Font License 1.1, shipped in the
 * `@expo-google-fonts/noto-sans-sc` npm package). It covers Chinese, Latin letters and digits,
 * so one font serves both languages, and it is a TrueType font, which PDFKit subsets: a file
 * embeds only the glyphs it uses (tens of KB, not the font's 10 MB), as real, selectable text.
 *
 * The font is read and parsed once per process, on the first case file; parsing lazily keeps
 * the 10 MB out of memory for a process that never exports.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/** One weight only: headings differ by size and colour. A second weight would double the memory and the build time. */
const FONT_FILE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

/** A parsed font, as PDFKit accepts it in place of a path (it embeds a subset per document). */
export type CaseFileFont = fontkit.Font;

let cached: CaseFileFont | null = null;

/** The parsed font, loaded on first use. */
export function caseFileFont(): CaseFileFont {
  if (!cached) {
    const path = createRequire(import.meta.url).resolve(FONT_FILE);
    const parsed = fontkit.create(readFileSync(path));
    // A font collection would need a face name; the package ships single fonts.
    if (!('layout' in parsed)) throw new Error(`${path} is a font collection, not a font`);
    cached = parsed;
  }
  return cached;
}

/**
 * `text` without the characters the font has no glyph for (emoji in a caption, rare symbols):
 * they would print as empty boxes. Line breaks and spaces stay.
 */
export function printable(text: string, font: CaseFileFont = caseFileFont()): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n' || ch === ' ' || font.hasGlyphForCodePoint(cp)) out += ch;
  }
  return out;
}
