/**
 * The working document's stored form: the state's JSON with one- or two-character keys,
 * instants as seconds since the epoch, and fields equal to their schema default left out (the
 * schema puts them back on read). Marked by a leading `~`; a document stored before this form
 * is plain JSON (`{"v":2,…`) and is read as it is.
 *
 * Two things are left out that the schema does not put back, and this form does:
 * - a fact of the case's `slots` that is null and must be present (`NULL_SLOTS`);
 * - the label of a menu option (in `menus` and the `pending` question) that the wording
 *   catalogue gives for the menu's slot, the option's value and the document's locale
 *   (option-labels.ts): such an option is stored as its value alone, a JSON string where
 *   other options are objects. Documents stored before either was left out are read as they are.
 *
 * The key table is append-only: a stored code must keep its meaning. Codes start with an
 * upper-case letter or a digit, which no schema key does (test/store/compact-doc.test.ts checks
 * the table against the schema), so a key without a code is stored as it is.
 */
import { Slots } from '../domain/index.ts';
import { canonicalMs } from './instant.ts';
import { optionLabel } from './option-labels.ts';

const CODES: Readonly<Record<string, string>> = {
  userId: 'A', locale: 'B', localePinned: 'C', timezone: 'D', active: 'E', closed: 'F', caseSeq: 'G', pending: 'H',
  disclaimerShown: 'I', id: 'J', phase: 'K', openedAt: 'L', updatedAt: 'M', slots: 'N', skipped: 'O', evidence: 'P',
  timeline: 'Q', reminders: 'R', sellerDrafts: 'S', food: 'T', compensationPercent: 'U', rung: 'V', closedAt: 'W',
  orderId: 'X', problem: 'Y', problemText: 'Z', wants: '0', platform: '1', trackingNo: '2', receivedOn: '3',
  amountPaid: '4', amountRefunded: '5', reason: '6', dueAt: '7', deadline: '8', approx: '9',
  outcome: 'Oc', shopName: 'Sn', businessName: 'Bn', businessCode: 'Bc', businessAddress: 'Ba', shipped: 'Sh', standalone: 'Sz', paidWith: 'Pw', privateSeller: 'Ps', platformName: 'Pn',
  lossAmount: 'La', slot: 'Sl', tries: 'Tr', options: 'Op', value: 'Va', label: 'Lb', status: 'St', at: 'At', kind: 'Ki',
  caption: 'Ca', fileId: 'Fi', item: 'It', type: 'Ty', note: 'No', quote: 'Qu', happenedAt: 'Ha', held: 'Hd', tentative: 'Te',
  compensationAmount: 'Cm', sentDrafts: 'Sd', returnTrackingNo: 'Rt', menus: 'Me', question: 'Qn', menuCurrent: 'Mc', claimAsked: 'Ck',
  wishText: 'Wt', traditional: 'Tc', virtual: 'Vg', currency: 'Cu', because: 'Be', solvedBy: 'Sb', kept: 'Kp',
  wishExtra: 'Wx', answeredMenu: 'Am', otherOrders: 'Oo', reminded: 'Rd', priceDrop: 'Pd',
  parked: 'Pk', returnPostage: 'Rp', by: 'By', claimSum: 'Cs', compensationAbout: 'Cx', answeredAt: 'Aa', least: 'Le', restSum: 'Rs',
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

/**
 * The facts of `slots` that are never absent, only null (nullable, neither optional nor
 * defaulted): left out when null, put back as null on read. Read from the schema, so a fact
 * made optional later is no longer among them (and an absent optional fact stays absent).
 */
const NULL_SLOTS: readonly string[] = Object.entries(Slots.shape)
  .filter(([, schema]) => !schema.safeParse(undefined).success && schema.safeParse(null).success)
  .map(([key]) => key);

const NULL_SLOT_SET: ReadonlySet<string> = new Set(NULL_SLOTS);

/** For tests: the tables this form is made of. */
export const COMPACT_TABLES = { CODES, DEFAULTS, INSTANTS, NULL_SLOTS };

const MARK = '~';

/** Keys written in a way of their own (`Special`), and what a document holds them in (`Within`). */
const enum Special { None, Instant, Options, Slots, Active, CaseList, Shared }
const enum Within { Any, Slots, Active, Document }

/**
 * Per key, what writing it takes: its `"code":`, the default it is left out at, whether it is a
 * fact left out when null (in `slots`), and how it is written.
 */
interface KeyInfo {
  prefix: string;
  /** `,` and the prefix: what follows another key. */
  nextPrefix: string;
  hasDefault: boolean;
  dflt: unknown;
  /** The default is the empty list: any empty list is left out. */
  emptyList: boolean;
  nullSlot: boolean;
  special: Special;
}
const INFO: ReadonlyMap<string, KeyInfo> = new Map(
  Object.entries(CODES).map(([key, code]) => [
    key,
    {
      prefix: `${JSON.stringify(code)}:`, nextPrefix: `,${JSON.stringify(code)}:`, hasDefault: DEFAULTS.has(key), dflt: DEFAULTS.get(key), emptyList: Array.isArray(DEFAULTS.get(key)),
      nullSlot: NULL_SLOT_SET.has(key), special: specialOf(key),
    },
  ]),
);

function specialOf(key: string): Special {
  if (INSTANTS.has(key)) return Special.Instant;
  if (key === 'evidence' || key === 'timeline') return Special.CaseList;
  if (key === 'menus' || key === 'closed') return Special.Shared;
  return key === 'options' ? Special.Options : key === 'slots' ? Special.Slots : key === 'active' ? Special.Active : Special.None;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * JSON of `value` with the keys coded, instants as seconds and defaults left out, written in one
 * pass. `locale`: the document's, for the menu options' labels.
 */
function write(value: unknown, locale: string | null): string {
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
    for (let i = 0; i < value.length; i++) s += (i ? ',' : '') + write(value[i], locale);
    return `${s}]`;
  }
  return writeObject(value as Record<string, unknown>, locale, Within.Any);
}

/**
 * An object's JSON as `write` gives it. `within`: what the object is, for the keys left out of
 * it: in the case's facts (`slots`) those null that the schema puts back; in the working
 * document's `active` case, its evidence and timeline (`Document`: the working document itself).
 */
function writeObject(obj: Record<string, unknown>, locale: string | null, within: Within): string {
  let s = '{';
  let first = true;
  for (const key in obj) {
    const v = obj[key];
    if (v === undefined) continue;
    const info = INFO.get(key);
    if (info === undefined) {
      s += `${first ? '' : ','}${JSON.stringify(key)}:${write(v, locale)}`;
      first = false;
      continue;
    }
    if (within === Within.Slots ? v === null && info.nullSlot : within === Within.Active && info.special === Special.CaseList) continue;
    if (info.hasDefault && (v === info.dflt || (info.emptyList && Array.isArray(v) && v.length === 0))) continue;
    s += first ? info.prefix : info.nextPrefix;
    first = false;
    switch (info.special) {
      case Special.Instant:
        s += typeof v === 'string' ? writeInstant(v) : write(v, locale);
        break;
      case Special.Options:
        s += Array.isArray(v) && typeof obj.slot === 'string' ? writeOptions(v, obj.slot, locale) : write(v, locale);
        break;
      case Special.Slots:
        s += isRecord(v) ? writeObject(v, locale, Within.Slots) : write(v, locale);
        break;
      case Special.Active:
        s += within === Within.Document && isRecord(v) ? writeObject(v, locale, Within.Active) : write(v, locale);
        break;
      case Special.Shared:
        s += within === Within.Document && Array.isArray(v) ? writeSharedList(v, locale) : write(v, locale);
        break;
      default:
        s += write(v, locale);
    }
  }
  return `${s}}`;
}

/**
 * A working document's open menus or closed cases' summaries, each written once per object and
 * locale. The engine shares these objects from one turn's state to the next and never changes
 * one in place (a changed menu or summary is a new object; test/engine/perf8b-same-outputs.test.ts
 * runs turns on deep-frozen states to hold it to that), so an object written before is written
 * the same again. Weakly held: an entry goes with its object.
 */
function writeSharedList(list: readonly unknown[], locale: string | null): string {
  let s = '[';
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    let written: string;
    const memo = v !== null && typeof v === 'object' ? writtenShared.get(v) : undefined;
    if (memo !== undefined && memo.locale === locale) written = memo.out;
    else {
      written = write(v, locale);
      if (v !== null && typeof v === 'object') writtenShared.set(v, { locale, out: written });
    }
    s += (i ? ',' : '') + written;
  }
  return `${s}]`;
}
const writtenShared = new WeakMap<object, { locale: string | null; out: string }>();

/** A menu's options: the value alone where the catalogue gives the label back, the option otherwise. */
function writeOptions(options: readonly unknown[], slot: string, locale: string | null): string {
  let bySlot = writtenMenus.get(locale);
  const memo = bySlot?.get(slot);
  if (memo !== undefined && sameOptions(options, memo)) return memo.out;
  let s = '[';
  let allBare = true;
  for (let i = 0; i < options.length; i++) {
    const o = options[i] as { value?: unknown; label?: unknown } | null;
    const bare = o !== null && typeof o === 'object' && typeof o.value === 'string' && typeof o.label === 'string'
      && ownKeys(o) === 2 && optionLabel(locale, slot, o.value) === o.label;
    s += (i ? ',' : '') + (bare ? JSON.stringify(o.value) : write(o, locale));
    allBare &&= bare;
  }
  s += ']';
  if (allBare) {
    if (bySlot === undefined) {
      if (writtenMenus.size >= LOCALES_CACHED) writtenMenus.clear();
      writtenMenus.set(locale, (bySlot = new Map()));
    }
    if (bySlot.size >= MENUS_CACHED) bySlot.clear();
    const opts = options as ReadonlyArray<{ value: string; label: string }>;
    bySlot.set(slot, { values: opts.map((o) => o.value), labels: opts.map((o) => o.label), out: s });
  }
  return s;
}

/**
 * The options last written for a menu of a slot in a locale, when each was written as its value
 * alone: the same options (values and labels, no other key) are written the same. The engine
 * offers the same menus turn after turn.
 */
interface WrittenMenu {
  values: readonly string[];
  labels: readonly string[];
  out: string;
}
const MENUS_CACHED = 1024;
const LOCALES_CACHED = 16;
/**
 * locale → slot → the menu last written. Past `MENUS_CACHED` slots of a locale, or
 * `LOCALES_CACHED` locales (only damaged documents have so many), emptied.
 */
const writtenMenus = new Map<string | null, Map<string, WrittenMenu>>();

function sameOptions(options: readonly unknown[], memo: WrittenMenu): boolean {
  if (options.length !== memo.values.length) return false;
  for (let i = 0; i < options.length; i++) {
    const o = options[i] as { value?: unknown; label?: unknown } | null;
    if (o === null || typeof o !== 'object' || o.value !== memo.values[i] || o.label !== memo.labels[i] || ownKeys(o) !== 2) return false;
  }
  return true;
}

/** How many own enumerable keys an object has (`Object.keys(o).length`, without the array). */
function ownKeys(o: object): number {
  let n = 0;
  for (const key in o) if (Object.hasOwn(o, key)) n++;
  return n;
}

function expand(value: unknown, locale: string | null): unknown {
  if (Array.isArray(value)) return value.map((v) => expand(v, locale));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [code, v] of Object.entries(value)) {
    const key = KEYS.get(code) ?? code;
    out[key] = INSTANTS.has(key) && typeof v === 'number' ? new Date(Math.round(v * 1000)).toISOString() : expand(v, locale);
  }
  const { options, slot, slots } = out;
  if (Array.isArray(options) && typeof slot === 'string') {
    // An option stored as its value: the catalogue's label (the value itself if a later catalogue lost the wording).
    out.options = options.map((o) => (typeof o === 'string' ? { value: o, label: optionLabel(locale, slot, o) ?? o } : o));
  }
  if (slots !== null && typeof slots === 'object' && !Array.isArray(slots)) {
    for (const key of NULL_SLOTS) if (!(key in slots)) (slots as Record<string, unknown>)[key] = null;
  }
  return out;
}

/** An instant as seconds (with a fraction for ms) when that gives it back exactly; otherwise the string itself. */
function seconds(iso: string): number | string {
  const ms = canonicalMs(iso);
  return ms === null ? iso : ms / 1000;
}

/**
 * `write(seconds(iso))`, remembered: a document's instants (a case's opening, its reminders'
 * due times) come back turn after turn. Emptied when full, so it holds at most
 * `SECONDS_CACHED` instants.
 */
function writeInstant(iso: string): string {
  let out = writtenInstants.get(iso);
  if (out === undefined) {
    out = write(seconds(iso), null);
    if (writtenInstants.size >= SECONDS_CACHED) writtenInstants.clear();
    writtenInstants.set(iso, out);
  }
  return out;
}
const SECONDS_CACHED = 4096;
const writtenInstants = new Map<string, string>();

/**
 * The stored form of a state document. `caseListsLeftOut`: the document as if the active case's
 * evidence and timeline were empty (the working document: they are stored as lists), without
 * copying the state to empty them.
 */
export function compactDoc(state: object, caseListsLeftOut = false): string {
  const locale = (state as { locale?: unknown }).locale;
  const loc = typeof locale === 'string' ? locale : null;
  if (caseListsLeftOut && isRecord(state)) return MARK + writeObject(state, loc, Within.Document);
  return MARK + write(state, loc);
}

/** Parse a stored document, in this form or as plain JSON. Throws on anything that is not JSON. */
export function parseDoc(raw: string): unknown {
  if (!raw.startsWith(MARK)) return JSON.parse(raw);
  const json = JSON.parse(raw.slice(MARK.length)) as unknown;
  const locale = json !== null && typeof json === 'object' ? (json as Record<string, unknown>)[CODES.locale!] : null;
  return expand(json, typeof locale === 'string' ? locale : null);
}
