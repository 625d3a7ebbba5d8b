/** Small number words: Chinese numerals and English number words up to the thousands. */

const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/**
 * Parse a Chinese numeral ("二十四", "两百五", "十") or Arabic digits; null if it is neither.
 * @example parseNumber('四十八') // 48
 */
export function parseNumber(raw: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(raw)) return Number(raw);
  if (raw === '半') return 0.5;
  if (raw.length === 0 || raw.length > 12) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 1;
  let zero = false;
  for (const ch of raw) {
    if (ch in ZH_DIGIT) {
      digit = ZH_DIGIT[ch]!;
      if (digit === 0) zero = true;
    } else if (ch in ZH_UNIT) {
      const unit = ZH_UNIT[ch]!;
      if (unit === 10000) {
        total += (section + (digit ?? 0)) * unit;
        section = 0;
      } else {
        section += (digit ?? 1) * unit;
      }
      digit = null;
      lastUnit = unit;
    } else {
      return null;
    }
  }
  // "两百五" is 250: a trailing digit right after a unit counts in the next unit down
  // ("一百零五" is 105: the 零 says it does not).
  if (digit !== null) section += lastUnit >= 100 && !zero ? digit * (lastUnit / 10) : digit;
  return total + section;
}

const EN_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, 'twenty-four': 24, thirty: 30, 'forty-eight': 48, 'seventy-two': 72,
};

/** Parse an English number word or digits ("two", "48"); null otherwise. */
export function parseEnglishNumber(raw: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(raw)) return Number(raw);
  return EN_WORDS[raw] ?? null;
}
