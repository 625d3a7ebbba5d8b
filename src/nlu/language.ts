/** Which language a message is written in. */
import type { Locale } from '../domain/index.ts';

/**
 * `zh-CN` when the message has Chinese characters at least as often as Latin words,
 * `en` when it is mostly Latin words, null when it has neither (digits, emoji, symbols).
 *
 * @example detectLanguage('杯子碎了') // 'zh-CN'
 * @example detectLanguage('my order never arrived') // 'en'
 */
export function detectLanguage(text: string): Locale | null {
  let han = 0;
  let words = 0;
  let inWord = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) {
      han++;
      inWord = false;
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(c === 0x27 || c === 0x2019)) {
      inWord = false;
    }
  }
  if (han === 0 && words === 0) return null;
  return han > 0 && han * 2 >= words ? 'zh-CN' : words > 0 ? 'en' : 'zh-CN';
}
