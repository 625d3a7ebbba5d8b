/**
 * A share of the price as compensation, in percent: "补偿30%" → 30, "赔百分之二十" → 20,
 * "退一半" → 50, "打个八折" → 20 (the buyer pays 80 %, so 20 % comes back), "八五折" → 15,
 * "30% refund" → 30. Bounded regexes over the normalised text: linear time.
 */
import { normalize } from './normalize.ts';
import { parseNumber } from './numerals.ts';

/** A remedy word near the number: the percent is about money back, not a spec ("含棉量80%"). */
const REMEDY = /补偿|赔偿|赔付|赔|补|退|返|折|refund|compensat|discount|back|off/;
const PCT = /(\d{1,3}(?:\.\d{1,2})?) ?(?:%|％|percent)/g;
const PCT_ZH = /百分之([零一二两三四五六七八九十百\d]{1,4})/g;
const HALF = /退(?:钱|款)?[^了。！？!?；;]{0,10}?(?:一半|半价)|(?:退|赔|补|返|补偿|赔偿)(?:我|给我)?(?:一半|半价)|一半(?:的钱|的货款)?(?:退|赔|补|返)|half (?:refund|the money|of the price|back)|refund half/;
const DISCOUNT = /打?个?([一二三四五六七八九\d])([一二三四五六七八九五\d])?折/g;

function clampPercent(n: number | null): number | null {
  return n !== null && n > 0 && n <= 100 ? n : null;
}

export function extractCompensationPercent(norm: string): number | null {
  if (norm.length > 20000) norm = norm.slice(0, 20000);
  // Each pattern is tried only where the word it cannot do without is (most messages name no share):
  // PCT a percent sign or "percent", PCT_ZH 百分之, HALF 半 or "half", DISCOUNT 折.
  PCT.lastIndex = 0;
  const pct = norm.includes('%') || norm.includes('％') || norm.includes('percent');
  for (let m = pct ? PCT.exec(norm) : null, k = 0; m && k < 8; m = PCT.exec(norm), k++) {
    const around = norm.slice(Math.max(0, m.index - 8), m.index + m[0].length + 8);
    if (REMEDY.test(around)) return clampPercent(Number(m[1]));
  }
  PCT_ZH.lastIndex = 0;
  for (let m = norm.includes('百分之') ? PCT_ZH.exec(norm) : null, k = 0; m && k < 8; m = PCT_ZH.exec(norm), k++) {
    const around = norm.slice(Math.max(0, m.index - 8), m.index + m[0].length + 8);
    if (REMEDY.test(around)) return clampPercent(parseNumber(m[1]!));
  }
  if ((norm.includes('半') || norm.includes('half')) && HALF.test(norm)) return 50;
  if (!norm.includes('折')) return null;
  DISCOUNT.lastIndex = 0;
  const d = DISCOUNT.exec(norm);
  if (d) {
    const tens = parseNumber(d[1]!);
    const ones = d[2] ? parseNumber(d[2]) : 0;
    if (tens !== null && ones !== null && tens >= 1 && tens <= 9 && ones <= 9) return clampPercent(100 - (tens * 10 + ones));
  }
  return null;
}

/** A sum asked for as compensation: "补偿我20块就行", "退30吧" — not "只退了50" (what happened). */
const SUM = /(?:退|补偿|赔偿?|补|返)(?:我|给我)?\s?(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块)?(?=\s|[吧啊呗就的,.!?。，！？]|$)/;

/**
 * The sum the buyer asks for as compensation, in yuan ("给点补偿 退30吧" → 30); null when none.
 * Read only beside a wish for compensation: the engine decides that.
 */
export function compensationAmount(text: string): number | null {
  const m = SUM.exec(normalize(text.length > 20000 ? text.slice(0, 20000) : text));
  const value = m ? Number(m[1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : null;
}
