/**
 * Money as the buyer gave it: "$54.90" stays in dollars, "港币300" in Hong Kong dollars. The NLU
 * reads the number; the currency is read here from the same words, so that no letter turns
 * dollars into yuan. Without a currency sign or word the amount is in yuan (the default).
 */
import type { Currency, Locale } from '../domain/index.ts';

export type { Currency };

/** A sign or word before the number ("US$8", "HK$120", "€15"). */
const BEFORE = /(US\$|USD\s?|HK\$|HKD\s?|NT\$|TWD\s?|€|EUR\s?|\$|¥|￥|RMB\s?|CNY\s?)\s?(\d+(?:[.,]\d{1,2})?)/i;
/** A word after the number ("8美元", "300港币", "10 dollars", "15 euros"). */
const AFTER = /(\d+(?:\.\d{1,2})?)\s?(美元|美金|usd|dollars?|bucks|港币|港幣|港元|hkd|新台币|新台幣|台币|台幣|twd|欧元|歐元|eur|euros?|元|块|塊|rmb|cny|yuan)/i;

/** Yuan named in words after the sum ("$620 人民币", "300 人民幣"). */
const NAMED_AFTER = /(\d+(?:\.\d{1,2})?)\s?(?:元)?\s?(?:人民币|人民幣)/g;

function code(unit: string): Currency {
  const u = unit.toLowerCase().replace(/\s/g, '');
  if (u === 'us$' || u === '$' || /^(usd|美元|美金|dollars?|bucks)$/.test(u)) return 'USD';
  if (/^(hk\$|hkd|港币|港幣|港元)$/.test(u)) return 'HKD';
  if (/^(nt\$|twd|新台币|新台幣|台币|台幣)$/.test(u)) return 'TWD';
  if (/^(€|eur|欧元|歐元|euros?)$/.test(u)) return 'EUR';
  return 'CNY';
}

/**
 * The currency of `amount` in `text`, as written beside it; null when the text shows that amount
 * with no currency (or not at all).
 *
 * @example currencyOf('I paid $54.90.', 54.9) // 'USD'
 */
export function currencyOf(text: string, amount: number): Currency | null {
  // "$620 人民币": the currency named in words after the sum is the one meant, whatever sign stands before it.
  for (const m of text.matchAll(NAMED_AFTER)) if (Number(m[1]) === amount) return 'CNY';
  const before = new RegExp(BEFORE.source, 'gi');
  for (const m of text.matchAll(before)) if (Number(m[2]!.replace(',', '.')) === amount) return code(m[1]!);
  const after = new RegExp(AFTER.source, 'gi');
  for (const m of text.matchAll(after)) if (Number(m[1]) === amount) return code(m[2]!);
  return null;
}

/** The first sum with its currency in `text` ("$8 back" → 8 USD, "退我10块" → 10 CNY); null without one. */
export function sumSaid(text: string): { amount: number; currency: Currency } | null {
  const b = BEFORE.exec(text);
  const a = AFTER.exec(text);
  const first = b && (!a || b.index <= a.index) ? { amount: Number(b[2]!.replace(',', '.')), currency: code(b[1]!) } : a ? { amount: Number(a[1]), currency: code(a[2]!) } : null;
  return first && Number.isFinite(first.amount) && first.amount > 0 ? first : null;
}

/** An amount in its currency, for a letter or a reply: "8美元" / "US$8"; yuan as the locale's money line. */
export function moneyText(locale: Locale, amount: number, currency: Currency, yuan: (n: number) => string): string {
  if (currency === 'CNY') return yuan(amount);
  const rounded = Math.round(amount * 100) / 100;
  const n = rounded.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(rounded) ? 0 : 2, maximumFractionDigits: 2 });
  if (locale === 'en') return `${{ USD: 'US$', HKD: 'HK$', TWD: 'NT$', EUR: '€' }[currency]}${n}`;
  return `${n}${{ USD: '美元', HKD: '港币', TWD: '新台币', EUR: '欧元' }[currency]}`;
}
