/**
 * The working document's stored form: the state's JSON with one- or two-character keys,
 * instants as seconds since the epoch, and fields equal to their schema default left out (the
 * schema puts them back on read). Marked by a leading `~`; a document stored before this form
 * is plain JSON (`{"v":2,…`) and is read as it is.
 *
 * The key table is append-only: a stored code must keep its meaning. Codes start with an
 * upper-case letter or a digit, which no schema key does (test/store/compact-doc.test.ts checks
 * the table against the schema), so a key without a code is stored as it is.
 */
import { canonicalMs } from './instant.ts';

const CODES: Readonly<Record<string, string>> = {
  userId: 'A', locale: 'B', localePinned: 'C', timezone: 'D', active: 'E', closed: 'F', caseSeq: 'G', pending: 'H',
  disclaimerShown: 'I', id: 'J', phase: 'K', openedAt: 'L', updatedAt: 'M', slots: 'N', skipped: 'O', evidence: 'P',
  timeline: 'Q', reminders: 'R', sellerDrafts: 'S', food: 'T', compensationPercent: 'U', rung: 'V', closedAt: 'W',
  orderId: 'X', problem: 'Y', problemText: 'Z', wants: '0', platform: '1', trackingNo: '2', receivedOn: '3',
  amountPaid: '4', amountRefunded: '5', reason: '6', dueAt: '7', deadline: '8', approx: '9',
  outcome: 'Oc', shopName: 'Sn', businessName: 'Bn', businessAddress: 'Ba', shipped: 'Sh', privateSeller: 'Ps',
  lossAmount: 'La', slot: 'Sl', tries: 'Tr', options: 'Op', value: 'Va', label: 'Lb', status: 'St', at: 'At', kind: 'Ki',
  caption: 'Ca', fileId: 'Fi', item: 'It', type: 'Ty', note: 'No', quote: 'Qu', happenedAt: 'Ha', held: 'Hd', tentative: 'Te',
  compensationAmount: 'Cm', sentDrafts: 'Sd', returnTrackingNo: 'Rt', menus: 'Me', question: 'Qn', menuCurrent: 'Mc', claimAsked: 'Ck',
  wishText: 'Wt', traditional: 'Tc',
};
const KEYS: ReadonlyMap<string, string> = new Map(Object.entries(CODES).map(([k, c]) => [c, k]));

/** Keys left out when they hold this value: each is the schema's default wherever the key occurs. */
const DEFAULTS: ReadonlyMap<string, null | false | 0 | '' | readonly []> = new Map<string, null | false | 0 | '' | readonly []>([
  ['localePinned', false], ['timezone', null], ['closed', []], ['caseSeq', 0], ['pending', null], ['disclaimerShown', false],
  ['skipped', []], ['evidence', []], ['timeline', []], ['reminders', []], ['sellerDrafts', 0], ['food', false],
  ['compensationPercent', null], ['compensationAmount', null], ['approx', false], ['tries', 0], ['options', []], ['value', null], ['item', null],
  ['note', ''], ['quote', null], ['happenedAt', null], ['question', false],
]);

/** Keys holding an ISO instant (stored as seconds, with a fraction for milliseconds). */
const INSTANTS: ReadonlySet<string> = new Set(['openedAt', 'updatedAt', 'closedAt', 'dueAt', 'deadline']);

/** For tests: the tables this form is made of. */
export const COMPACT_TABLES = { CODES, DEFAULTS, INSTANTS };

const MARK = '~';

/** Per key, what writing it takes: its `"code":` and the default it is left out at. */
interface KeyInfo {
  prefix: string;
  hasDefault: boolean;
  dflt: unknown;
  instant: boolean;
}
const INFO: ReadonlyMap<string, KeyInfo> = new Map(
  Object.entries(CODES).map(([key, code]) => [
    key,
    { prefix: `${JSON.stringify(code)}:`, hasDefault: DEFAULTS.has(key), dflt: DEFAULTS.get(key), instant: INSTANTS.has(key) },
  ]),
);

function isDefault(value: unknown, dflt: unknown): boolean {
  return value === dflt || (Array.isArray(value) && value.length === 0 && Array.isArray(dflt));
}

/** JSON of `value` with the keys coded, instants as seconds and defaults left out, written in one pass. */
function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return 'null';
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) s += (i ? ',' : '') + write(value[i]);
    return `${s}]`;
  }
  let s = '{';
  let sep = '';
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const info = INFO.get(key);
    if (info === undefined) {
      s += `${sep}${JSON.stringify(key)}:${write(v)}`;
    } else if (!(info.hasDefault && isDefault(v, info.dflt))) {
      s += sep + info.prefix + (info.instant && typeof v === 'string' ? write(seconds(v)) : write(v));
    } else continue;
    sep = ',';
  }
  return `${s}}`;
}

function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [code, v] of Object.entries(value)) {
    const key = KEYS.get(code) ?? code;
    out[key] = INSTANTS.has(key) && typeof v === 'number' ? new Date(Math.round(v * 1000)).toISOString() : expand(v);
  }
  return out;
}

/** An instant as seconds (with a fraction for ms) when that gives it back exactly; otherwise the string itself. */
function seconds(iso: string): number | string {
  const ms = canonicalMs(iso);
  return ms === null ? iso : ms / 1000;
}

/** The stored form of a state document (the working document, already without the case lists). */
export function compactDoc(state: object): string {
  return MARK + write(state);
}

/** Parse a stored document, in this form or as plain JSON. Throws on anything that is not JSON. */
export function parseDoc(raw: string): unknown {
  return raw.startsWith(MARK) ? expand(JSON.parse(raw.slice(MARK.length))) : JSON.parse(raw);
}
