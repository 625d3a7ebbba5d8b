/**
 * Phrases that act like commands or requests ("重新开始", "12315", "支付宝投诉"…).
 * The phrase lists are data in `locales/<locale>/dialogue.json` under `phrases`; a buyer
 * may use either language's phrases whatever the reply language is.
 */
import { list } from '../i18n.ts';
import { LOCALES } from './types.ts';

export type WholePhrase = 'restart' | 'cancel' | 'help' | 'status' | 'skip';
export type RequestPhrase = 'escalatePlatform' | 'escalateRegulator' | 'escalatePayment' | 'compensation' | 'refundShortfall';

const WHOLE: readonly WholePhrase[] = ['restart', 'cancel', 'help', 'status', 'skip'];
const REQUESTS: readonly RequestPhrase[] = [
  'escalateRegulator', 'escalatePayment', 'escalatePlatform', 'compensation', 'refundShortfall',
];

let table: { whole: Map<string, WholePhrase>; requests: [RequestPhrase, string[]][] } | null = null;

function phrases() {
  if (table) return table;
  const whole = new Map<string, WholePhrase>();
  const requests: [RequestPhrase, string[]][] = [];
  for (const name of WHOLE) {
    for (const locale of LOCALES) for (const p of list(locale, `dialogue.phrases.${name}`)) whole.set(squash(p), name);
  }
  for (const name of REQUESTS) {
    const all = LOCALES.flatMap((locale) => list(locale, `dialogue.phrases.${name}`).map((p) => p.toLowerCase()));
    requests.push([name, all]);
  }
  table = { whole, requests };
  return table;
}

/** Lower-case, without spaces and punctuation: "重新 开始！" → "重新开始". */
function squash(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** A message that is, as a whole, one of the command phrases. */
export function wholePhrase(text: string): WholePhrase | null {
  if (text.length > 40) return null;
  return phrases().whole.get(squash(text)) ?? null;
}

/** The first request phrase the message contains, in priority order. */
export function requestPhrase(text: string): RequestPhrase | null {
  const lower = text.toLowerCase();
  for (const [name, list_] of phrases().requests) if (list_.some((p) => lower.includes(p))) return name;
  return null;
}
