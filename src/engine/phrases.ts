/**
 * Phrases that act like commands or requests ("重新开始", "12315", "支付宝投诉"…).
 * The phrase lists are data in `locales/<locale>/dialogue.json` under `phrases`; a buyer
 * may use either language's phrases whatever the reply language is.
 */
import { list } from '../i18n/index.ts';
import { LOCALES } from '../domain/index.ts';

export type WholePhrase = 'restart' | 'cancel' | 'help' | 'status' | 'skip';
export type RequestPhrase = 'escalatePlatform' | 'escalateRegulator' | 'escalatePayment' | 'compensation' | 'refundShortfall';

const WHOLE: readonly WholePhrase[] = ['restart', 'cancel', 'help', 'status', 'skip'];
const REQUESTS: readonly RequestPhrase[] = [
  'escalateRegulator', 'escalatePayment', 'escalatePlatform', 'compensation', 'refundShortfall',
];

let table: { whole: Map<string, WholePhrase>; requests: [RequestPhrase, string[]][]; greetings: string[] } | null = null;

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
  const greetings = LOCALES.flatMap((locale) => list(locale, 'dialogue.phrases.greeting').map(squash))
    .sort((a, b) => b.length - a.length);
  table = { whole, requests, greetings };
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

/** A message that only greets ("你好在吗", "hi there?" is not: "there" is more). */
export function isGreeting(text: string): boolean {
  if (text.length > 30) return false;
  let rest = squash(text);
  if (!rest) return false;
  for (const g of phrases().greetings) rest = rest.split(g).join('');
  return rest.length === 0;
}

/** The message without a greeting in front: "你好，杯子碎了" → "杯子碎了". Anything else is returned as is. */
export function withoutGreeting(text: string): string {
  const greetings = phrases().greetings;
  const lead = /^[\s\p{P}\p{S}]+/u;
  let rest = text;
  let removed = false;
  for (let changed = true; changed; ) {
    changed = false;
    const trimmed = rest.replace(lead, '');
    for (const g of greetings) {
      if (trimmed.toLowerCase().startsWith(g) && !/^[a-z]/i.test(trimmed.slice(g.length))) {
        rest = trimmed.slice(g.length);
        removed = changed = true;
        break;
      }
    }
  }
  return removed ? rest.replace(lead, '') : text;
}
