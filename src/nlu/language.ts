/** Which language a message is written in. */
import type { Locale } from '../domain/index.ts';

/**
 * `zh-CN` when the message has Chinese characters at least as often as Latin words,
 * `en` when it is mostly Latin words, null when it has neither (digits, emoji, symbols).
 * Letters run into digits ("JD0099…", "SF12345") are a number, not a word.
 *
 * @example detectLanguage('杯子碎了') // 'zh-CN'
 * @example detectLanguage('my order never arrived') // 'en'
 */
export function detectLanguage(text: string): Locale | null {
  let han = 0;
  let words = 0;
  let inWord = false;
  let numeric = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) {
      han++;
      inWord = false;
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) {
      if (!inWord) {
        words++;
        numeric = i > 0 && text.charCodeAt(i - 1) >= 0x30 && text.charCodeAt(i - 1) <= 0x39;
      }
      inWord = true;
    } else if (!(c === 0x27 || c === 0x2019)) {
      if (inWord && (digit || numeric)) words--;
      inWord = false;
    }
    if (!inWord) numeric = false;
  }
  if (inWord && numeric) words--;
  if (han === 0 && words === 0) return null;
  return han > 0 && han * 2 >= words ? 'zh-CN' : words > 0 ? 'en' : 'zh-CN';
}

/**
 * The language of the message's own words: a platform's name or nickname ("pdd", "JD", "taobao") says
 * nothing of the language the buyer writes in. `names` are the spans of those names in `text`.
 */
export function wordsLanguage(text: string, names: readonly { start: number; end: number }[]): Locale | null {
  // Built once from the pieces between the names (the hits are in text order): linear in the text.
  const parts: string[] = [];
  let at = 0;
  for (const h of names) {
    if (h.start < at) continue;
    parts.push(text.slice(at, h.start), ' ');
    at = h.end;
  }
  parts.push(text.slice(at));
  return detectLanguage(parts.join(''));
}
