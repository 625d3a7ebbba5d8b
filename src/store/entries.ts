/**
 * How one evidence item or timeline entry of a case is stored: one element of a Redis list,
 * as small as it can be while every field comes back exactly.
 *
 * Fields are separated by US (0x1F, a control character the engine strips from everything the
 * buyer writes). Instants are base-36 seconds after the case was opened (`caseBase`), codes
 * are one-character tokens, and a messenger file id that is base64url (Telegram's) is stored
 * as the bytes it encodes, a quarter smaller:
 *
 *   evidence  `at ␟ kind caption ␟ item [␟ fileId]`   kind p/v/d, upper case when fileId is bytes
 *             (then: one byte, how many leading bytes it shares with the entry before's, and the rest)
 *   timeline  `at ␟ type note [␟ quote [␟ happenedAt [␟ deadline]]]` (deadline: a promise's)
 *
 * An entry this form cannot carry (a separator or a lone UTF-16 surrogate inside a caption, a
 * one-character item that is not a token, an empty quote...) is written in the earlier JSON-array form instead, which is
 * also how entries stored before this form are read: an element starting with `[`.
 * Token tables are append-only: a stored token must keep its meaning.
 */
import { CHECKLIST_ITEM_IDS, type ChecklistItemId } from '../knowledge/checklists.ts';
import type { DraftKind, EvidenceItem, ReminderReason, TimelineEntry, TimelineType } from '../domain/index.ts';
import { canonicalMs, readCanonical } from './instant.ts';

const US = '\x1f';
const US_BYTE = 0x1f;

/** Text the compact form carries as it is: no separator, and nothing UTF-8 would lose. */
function carries(text: string): boolean {
  return !text.includes(US) && !hasLoneSurrogate(text);
}

/**
 * Whether `text` holds half of a UTF-16 pair on its own, which UTF-8 cannot carry (JSON can,
 * escaped): what `/\p{Cs}/u` finds, read without a regular expression (every entry's fields
 * are checked).
 */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = c <= 0xdbff && i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (next < 0xdc00 || next > 0xdfff) return true;
    i++; // a pair
  }
  return false;
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

const TYPE_TOKENS: Readonly<Record<TimelineType, string>> = {
  opened: 'o',
  seller_promise: 'p',
  seller_refused: 'r',
  seller_agreed: 'a',
  seller_counter_offer: 'c',
  seller_stalled: 's',
  seller_no_response: 'n',
  seller_needs_evidence: 'e',
  seller_return_for_inspection: 'i',
  private_deal_offered: 'v',
  confirm_first_asked: 'f',
  seller_said: 'w',
  seller_appealed: 'j',
  return_received: 'g',
  return_lost: 'q',
  refund_missing: 'k',
  refund_short: 'h',
  appraised: 'b',
  buyer_rebuttal: 't',
  third_party_paid: 'T',
  platform_requested: 'P',
  platform_handling: 'H',
  platform_ruled_seller: 'S',
  platform_ruled_buyer: 'B',
  regulator_filed: 'R',
  payment_disputed: 'Y',
  draft_sent: 'd',
  nudged: 'u',
  amended: 'm',
  evidence_logged: 'l',
  resolved: 'z',
  cancelled: 'x',
  escalated: 'E',
  archived: 'A',
};

/** The engine's machine notes (draft kinds, evidence kinds, reminder reasons, amended slots...). */
const NOTE_TOKENS: Readonly<Record<string, string>> = {
  ...({
    seller: 's', platform: 'p', regulator: 'r', payment: 'y', compensation: 'c', refund_shortfall: 'f',
  } satisfies Record<DraftKind, string>),
  photo: 'P', video: 'V', document: 'D',
  ...({
    seller_promise: '1', no_reason_window: '2', return_tracking: '3', refund_arrival: '4', platform_followup: '5',
    reply_deadline: '6', regulator_acceptance: '7', regulator_mediation: '8', refund_due: '9', event_checkin: '0',
  } satisfies Record<ReminderReason, string>),
  buyer: 'b', blames_courier: 'k',
  orderId: 'O', problem: 'R', wants: 'W', trackingNo: 'T', receivedOn: 'E', amountPaid: 'A', amountRefunded: 'F',
  shopName: 'N', businessName: 'M', businessAddress: 'L', lossAmount: 'X', businessCode: 'C',
};

const ITEM_TOKENS: Readonly<Record<ChecklistItemId, string>> = {
  outer_box: 'a', waybill: 'b', contents: 'c', unboxing_video: 'd', defect_closeup: 'e', when_how_often: 'f',
  listing_screenshot: 'g', item_vs_listing: 'h', brand_auth: 'i', comparison_photos: 'j', tracking_page: 'k',
  signed_record: 'l', order_screenshot: 'm', payment_proof: 'n', chat_records: 'o', refund_record: 'p',
  return_waybill: 'q', item_intact: 'r', invoice: 's', date_label: 't', keep_unopened: 'u', batch_number: 'v',
  account_record: 'w', lower_price: 'x', price_rules: 'y',
};

const KIND_TOKENS = { photo: 'p', video: 'v', document: 'd' } as const satisfies Record<EvidenceItem['kind'], string>;

function invert(table: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  const m = new Map<string, string>();
  for (const [value, token] of Object.entries(table)) {
    if (token.length !== 1 || m.has(token)) throw new Error(`token ${token} of ${value} is not one unique character`);
    m.set(token, value);
  }
  return m;
}
const TYPES = invert(TYPE_TOKENS);
const NOTES = invert(NOTE_TOKENS);
const ITEMS = invert(ITEM_TOKENS);
const KINDS = invert(KIND_TOKENS);
/** The token tables, for tests. */
export const TOKEN_TABLES = { TYPE_TOKENS, NOTE_TOKENS, ITEM_TOKENS, KIND_TOKENS, CHECKLIST_ITEM_IDS };

/** Encode a string field: its token, or the string itself where that cannot be mistaken for one. */
function tokenOr(value: string, tokens: Readonly<Record<string, string>>): string | null {
  const token = Object.hasOwn(tokens, value) ? tokens[value]! : null;
  if (token !== null) return token;
  return value.length === 1 || !carries(value) ? null : value;
}
function untoken(field: string, tokens: ReadonlyMap<string, string>): string {
  return field.length === 1 ? (tokens.get(field) ?? field) : field;
}

// ---------------------------------------------------------------------------
// Instants
// ---------------------------------------------------------------------------

/** The seconds every instant of a case's entries is counted from: when the case was opened. */
export function caseBase(openedAt: string): number {
  // Every turn reads it; an engine-written instant is read from its digits.
  const ms = readCanonical(openedAt) ?? Date.parse(openedAt);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

/**
 * `toISOString()` instants: base-36 seconds after `base` (`-` before, `~` then ms when not a
 * whole second); anything else: `!` and the string as it is. Never contains US unless raw.
 */
function packTime(iso: string, base: number): string {
  const ms = canonicalMs(iso);
  if (ms === null) return `!${iso}`;
  const off = ms - base * 1000;
  const sign = off < 0 ? '-' : '';
  const abs = Math.abs(off);
  return abs % 1000 === 0 ? sign + (abs / 1000).toString(36) : `~${sign}${abs.toString(36)}`;
}
function unpackTime(token: string, base: number): string {
  if (token.startsWith('!')) return token.slice(1);
  const milli = token.startsWith('~');
  const body = milli ? token.slice(1) : token;
  const n = body.startsWith('-') ? -parseInt(body.slice(1), 36) : parseInt(body, 36);
  return new Date(base * 1000 + (milli ? n : n * 1000)).toISOString();
}

// ---------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------

/** A file id as the bytes it encodes, when it is base64url and comes back exactly. */
function fileIdBytes(id: string | null): Buffer | null {
  if (!id) return null;
  const bytes = Buffer.from(id, 'base64url'); // skips what is not base64url: the check below catches it
  return bytes.toString('base64url') === id ? bytes : null;
}

/**
 * The stored form of one evidence item (bytes: it may hold a file id as bytes). A file id
 * stored as bytes starts with how many of its bytes are those of the entry before (`prev`: its
 * file id's bytes), which are not stored again: one chat's Telegram file ids begin alike.
 * `bytes`: `fileIdBytes(e.fileId)`.
 */
function packOne(e: EvidenceItem, base: number, bytes: Buffer | null, prev: Buffer | null): Buffer {
  const at = packTime(e.at, base);
  const item = e.item === null ? '' : tokenOr(e.item, ITEM_TOKENS);
  const kind = KIND_TOKENS[e.kind] as string | undefined;
  const textId = e.fileId !== null && !bytes;
  if (!carries(at) || !carries(e.caption) || item === null || (item === '' && e.item !== null) || !kind
    || (textId && hasLoneSurrogate(e.fileId!))) {
    return Buffer.from(JSON.stringify([e.at, e.kind, e.caption, e.fileId, e.item]));
  }
  let text = `${at}${US}${bytes ? kind.toUpperCase() : kind}${e.caption}`;
  if (e.fileId === null) return Buffer.from(item ? `${text}${US}${item}` : text);
  text += `${US}${item}${US}`;
  if (!bytes) return Buffer.from(text + e.fileId);
  // The text, the count of shared bytes and the rest, written into one buffer.
  const shared = sharedPrefix(bytes, prev);
  const textBytes = Buffer.byteLength(text);
  const out = Buffer.allocUnsafe(textBytes + 1 + bytes.length - shared);
  out.write(text, 0, textBytes);
  out[textBytes] = shared;
  bytes.copy(out, textBytes + 1, shared);
  return out;
}

function sharedPrefix(a: Buffer, b: Buffer | null): number {
  let n = 0;
  const max = Math.min(a.length, b?.length ?? 0, 255);
  while (n < max && a[n] === b![n]) n++;
  return n;
}

/**
 * The stored forms of evidence items appended after `prev` (the list's last entry, or null for
 * a list written from its start).
 */
export function packEvidence(items: readonly EvidenceItem[], base: number, prev: EvidenceItem | null): Buffer[] {
  let prevBytes = fileIdBytes(prev?.fileId ?? null);
  const packed = new Array<Buffer>(items.length);
  for (let i = 0; i < items.length; i++) {
    const bytes = fileIdBytes(items[i]!.fileId);
    packed[i] = packOne(items[i]!, base, bytes, prevBytes);
    prevBytes = bytes;
  }
  return packed;
}

/** Read a list of evidence items stored by `packEvidence` (or in the earlier JSON-array form), in order. */
export function unpackEvidence(raws: ReadonlyArray<Buffer | string>, base: number): unknown[] {
  let prev: Buffer | null = null;
  return raws.map((raw) => {
    const e = unpackOne(typeof raw === 'string' ? Buffer.from(raw) : raw, base, prev);
    prev = typeof e.fileId === 'string' ? fileIdBytes(e.fileId) : null;
    return e;
  });
}

/** An entry as read, before the schema checks it. */
type Unchecked = Record<'at' | 'kind' | 'caption' | 'fileId' | 'item', unknown>;

function unpackOne(buf: Buffer, base: number, prev: Buffer | null): Unchecked {
  if (buf[0] === 0x5b /* [ */) {
    const [at, kind, caption = '', fileId = null, item = null] = JSON.parse(buf.toString()) as unknown[];
    return { at: typeof at === 'number' ? new Date(at).toISOString() : at, kind, caption, fileId, item };
  }
  const i1 = buf.indexOf(US_BYTE);
  const i2 = buf.indexOf(US_BYTE, i1 + 1);
  const i3 = i2 < 0 ? -1 : buf.indexOf(US_BYTE, i2 + 1);
  const head = buf.toString('utf8', i1 + 1, i2 < 0 ? buf.length : i2);
  const kindToken = head.slice(0, 1);
  const item = i2 < 0 ? '' : buf.toString('utf8', i2 + 1, i3 < 0 ? buf.length : i3);
  let fileId: string | null = null;
  if (i3 >= 0 && kindToken === kindToken.toLowerCase()) fileId = buf.toString('utf8', i3 + 1);
  else if (i3 >= 0) {
    const shared = buf[i3 + 1] ?? 0;
    if (shared > (prev?.length ?? 0)) throw new Error('evidence entry shares more of a file id than the entry before has');
    fileId = Buffer.concat([prev?.subarray(0, shared) ?? Buffer.alloc(0), buf.subarray(i3 + 2)]).toString('base64url');
  }
  return {
    at: unpackTime(buf.toString('utf8', 0, i1), base),
    kind: KINDS.get(kindToken.toLowerCase()) ?? kindToken,
    caption: head.slice(1),
    fileId,
    item: item === '' ? null : untoken(item, ITEMS),
  };
}

// ---------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------

/**
 * The stored form of a timeline entry: `at US type note [US quote [US happened [US deadline [US
 * reason [US because]]]]]`, trailing empty fields left off; an entry the compact form cannot carry
 * is a JSON array in the same order.
 */
export function packTimeline(t: TimelineEntry, base: number): string {
  const at = packTime(t.at, base);
  const happened = t.happenedAt === null ? '' : packTime(t.happenedAt, base);
  const note = t.note === '' ? '' : tokenOr(t.note, NOTE_TOKENS);
  const type = TYPE_TOKENS[t.type] as string | undefined;
  // A promise's deadline is a fifth field, packed like the other times.
  const deadline = t.deadline ? packTime(t.deadline, base) : '';
  // The seller's reason and what they gave as its cause, in the buyer's words (a refusal, a counter-offer).
  const reason = t.reason ?? '';
  const because = t.because ?? '';
  if (
    !carries(at) || !carries(happened) || !carries(deadline) || note === null || t.quote === '' || (t.quote !== null && !carries(t.quote)) || !type ||
    !carries(reason) || !carries(because)
  ) {
    const fields: unknown[] = [t.at, t.type, t.note, t.quote, t.happenedAt, t.deadline ?? null, reason || null, because || null];
    while (fields.length > 5 && fields.at(-1) === null) fields.pop();
    return JSON.stringify(fields);
  }
  const rest = [t.quote ?? '', happened, deadline, reason, because];
  let last = rest.length - 1;
  while (last >= 0 && rest[last] === '') last--;
  let packed = `${at}${US}${type}${note}`;
  for (let i = 0; i <= last; i++) packed += US + rest[i]!;
  return packed;
}

/** Read a timeline entry stored by `packTimeline`, or in the earlier JSON-array form. */
export function unpackTimeline(raw: Buffer | string, base: number): unknown {
  const s = typeof raw === 'string' ? raw : raw.toString();
  if (s.startsWith('[')) {
    const [at, type, note = '', quote = null, happenedAt = null, deadline = null, reason = null, because = null] = JSON.parse(s) as unknown[];
    const iso = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : v);
    return {
      at: iso(at), type, note, quote, happenedAt: iso(happenedAt),
      ...(deadline ? { deadline } : {}), ...(reason ? { reason } : {}), ...(because ? { because } : {}),
    };
  }
  const [at = '', typeNote = '', quote = '', happened = '', deadline = '', reason = '', because = ''] = s.split(US);
  return {
    at: unpackTime(at, base),
    type: TYPES.get(typeNote.slice(0, 1)) ?? typeNote.slice(0, 1),
    note: untoken(typeNote.slice(1), NOTES),
    quote: quote === '' ? null : quote,
    happenedAt: happened === '' ? null : unpackTime(happened, base),
    ...(deadline === '' ? {} : { deadline: unpackTime(deadline, base) }),
    ...(reason === '' ? {} : { reason }),
    ...(because === '' ? {} : { because }),
  };
}
