/**
 * Numbers in a message, and what each one is: an order number, a courier tracking number,
 * or something else (phone, amount, date, product id…). Shared by `order-id.ts` and
 * `tracking.ts` so a message is tokenised once.
 */
import type { Scan } from './scan.ts';
import type { IdKind } from './lexicon/types.ts';

export interface NumberFinding {
  kind: 'order' | 'tracking';
  value: string;
  start: number;
  end: number;
  confidence: number;
}

interface Token {
  start: number;
  end: number;
  /** Letters before the digits ("sf", "p", "jdv"), lower case; '' for none. */
  prefix: string;
  /** Digit groups as written, separators between them. */
  groups: string[];
  seps: string[];
  /** Letters after the digits ("cn" in EA123456789CN). */
  suffix: string;
  /** A run of letters and digits mixed beyond prefix + digits + suffix ("230915abcd7k2m"): an identifier. */
  ident?: boolean;
}

const TRACKING_PREFIXES = new Set([
  'sf', 'yt', 'jt', 'zto', 'zt', 'yd', 'sto', 'ems', 'va', 'vb', 'vc', 'vd', 'kye', 'dpk', 'db', 'ys', 'uc', 'ane',
  'ky', 'best', 'ht', 'jd', 'jdv', 'jdx', 'jdk', 'jdva', 'jdvb', 'jdvc', 'jdvd', 'jdae', 'yto', 'tt', 'zjs', 'ems', 'dhl', 'eyb',
]);
/** Prefixes that are an order keyword glued to the digits ("order123…", "no.123…"). */
const ORDER_PREFIXES = new Set(['no', 'id', 'order', 'ddh', 'orderid', 'oid']);
/** A unit right after the last group means that group is a quantity, not part of the number. */
const UNIT_AFTER = new Set([...'件个元块月日号年天台只双套盒瓶箱包条张次%']);
const KEY_GAP = new Set([...' :#=-是为号码的.()（）【】[]"“”\'']);
const KEY_GAP_MAX = 8;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}
function isWordChar(c: number): boolean {
  return isDigit(c) || isLower(c) || c === 0x5f;
}
function isKnownPrefix(p: string): boolean {
  return p === 'p' || TRACKING_PREFIXES.has(p);
}

/** Tokenise alphanumeric runs, joining digit groups split by spaces or dashes. Linear. */
function tokens(norm: string): Token[] {
  const out: Token[] = [];
  const n = norm.length;
  let i = 0;
  while (i < n) {
    const c = norm.charCodeAt(i);
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    let letters = 0;
    while (i < n && isLower(norm.charCodeAt(i))) {
      i++;
      letters++;
    }
    const prefixEnd = i;
    // "SF 1234…", "P 7812…": a known prefix written apart from its digits.
    if (letters > 0 && norm[i] === ' ' && isDigit(norm.charCodeAt(i + 1)) && isKnownPrefix(norm.slice(start, i))) i++;
    // "PO-211-0817…", "SO-2025…": a short letter prefix joined to the digits by a dash belongs to the number.
    else if (letters > 0 && letters <= 4 && norm[i] === '-' && isDigit(norm.charCodeAt(i + 1)) && (start === 0 || !isWordChar(norm.charCodeAt(start - 1)))) i++;
    const digitStart = i;
    while (i < n && isDigit(norm.charCodeAt(i))) i++;
    const digitEnd = i;
    let suffixEnd = i;
    while (suffixEnd < n && isLower(norm.charCodeAt(suffixEnd))) suffixEnd++;
    // Anything else glued on (underscore, more digits after letters) makes it an identifier, not a number.
    let runEnd = suffixEnd;
    while (runEnd < n && isWordChar(norm.charCodeAt(runEnd))) runEnd++;
    if (digitEnd === digitStart || runEnd !== suffixEnd || letters > 8) {
      // Kept as an identifier: only an order keyword right before makes it an order number.
      if (runEnd - start >= 10 && runEnd - start <= 24 && digitEnd > digitStart) {
        out.push({ start, end: runEnd, prefix: '', groups: [], seps: [], suffix: '', ident: true });
      }
      i = Math.max(runEnd, start + 1);
      continue;
    }
    // Decimal part of an amount ("199.00"): not a number of ours.
    if (start > 1 && norm[start - 1] === '.' && isDigit(norm.charCodeAt(start - 2))) {
      i = runEnd;
      continue;
    }
    const tok: Token = {
      start, end: suffixEnd, prefix: norm.slice(start, prefixEnd), groups: [norm.slice(digitStart, digitEnd)], seps: [],
      suffix: norm.slice(digitEnd, suffixEnd),
    };
    i = suffixEnd;
    if (tok.suffix === '') {
      // Join "6214 8302 5519 0736", "241103-5729…", "138-1234-5678".
      for (;;) {
        let j = i;
        let sep = '';
        while (j < n && j - i < 3 && (norm[j] === ' ' || norm[j] === '-')) sep += norm[j++];
        if (sep.length === 0 || sep.trim().length > 1 || j >= n || !isDigit(norm.charCodeAt(j))) break;
        let k = j;
        while (k < n && isDigit(norm.charCodeAt(k))) k++;
        if (k < n && isWordChar(norm.charCodeAt(k))) break;
        tok.groups.push(norm.slice(j, k));
        tok.seps.push(sep.trim());
        i = k;
        tok.end = k;
      }
    }
    out.push(tok);
    i = Math.max(i, runEnd);
  }
  return out;
}

interface Candidate {
  value: string;
  digits: string;
  start: number;
  end: number;
}

/** The groups with the separators written between them, as in the text. */
function joinGroups(groups: readonly string[], seps: readonly string[]): string {
  let v = groups[0]!;
  for (let g = 1; g < groups.length; g++) v += seps[g - 1] + groups[g]!;
  return v;
}

/** Split a token into the numbers it holds. */
function candidates(norm: string, t: Token): Candidate[] {
  const groups = t.groups.slice();
  const seps = t.seps.slice();
  // "订单号 1234 5678 9012 2件": the trailing "2" is a quantity.
  let end = t.end;
  if (groups.length > 1 && UNIT_AFTER.has(norm[t.end] ?? '')) {
    const last = groups.pop()!;
    seps.pop();
    end = t.end - last.length;
    while (end > t.start && (norm[end - 1] === ' ' || norm[end - 1] === '-')) end--;
  }
  if (groups.length === 1) return [{ value: groups[0]!, digits: groups[0]!, start: t.start, end }];
  const pdd = groups.length === 2 && groups[0]!.length === 6 && seps[0] === '-' && groups[1]!.length >= 8 && groups[1]!.length <= 18;
  // Dashed formats ("114-7302865-1948273", "20240619-58204613"): one number when long enough
  // not to be a phone number written in parts (138-1234-5678).
  const dashed = groups.length <= 4 && seps.every((x) => x === '-') && groups.reduce((n, g) => n + g.length, 0) >= 12;
  const chunked = groups.every((g) => g.length <= 6);
  // "37520914 68203175542": long pieces that only make sense together. Not when a piece is
  // a phone number of its own ("订单 123456789012 13812345678").
  const total = groups.reduce((n, g) => n + g.length, 0);
  const pieces = seps.every((x) => x === '') && groups.every((g) => g.length >= 4 && !PHONE.test(g)) && total >= 15 && total <= 22;
  if (pdd || dashed || chunked || pieces) {
    return [{ value: joinGroups(groups, seps), digits: groups.join(''), start: t.start, end }];
  }
  // Unrelated numbers side by side: each on its own.
  const out: Candidate[] = [];
  let pos = t.start + t.prefix.length;
  while (norm[pos] === ' ') pos++;
  for (let g = 0; g < groups.length; g++) {
    const at = norm.indexOf(groups[g]!, pos);
    out.push({ value: groups[g]!, digits: groups[g]!, start: at, end: at + groups[g]!.length });
    pos = at + groups[g]!.length;
  }
  return out;
}

/** The id keyword closest before `start`, with only punctuation/是/为 between. O(KEY_GAP_MAX). */
function keyBefore(s: Scan, start: number): IdKind | null {
  for (let d = 0; d <= KEY_GAP_MAX && start - d >= 0; d++) {
    const at = start - d;
    if (d > 0 && !KEY_GAP.has(s.norm[at]!)) return null;
    const kind = s.idEndingAt.get(at);
    if (kind) return kind;
  }
  return null;
}

/** "…123 这个订单": an order cue right after the number. */
function orderAfter(s: Scan, end: number): boolean {
  for (let d = 0; d <= 3; d++) {
    const at = end + d;
    if (s.cueStartingAt.get(at)?.includes('order_after')) return true;
    if (at >= s.norm.length || !' ,，的这'.includes(s.norm[at]!)) return false;
  }
  return false;
}

const PHONE = /^(?:86)?1[3-9]\d{9}$/;
const DATE8 = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;
/** A written date, perhaps with the hour after it ("2026-11-01 10" of "2026-11-01 10:00"): a time stamp, not an id. */
const DATE_WRITTEN = /^(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?: ?\d{1,2})?$/;

function looksLikeAmount(norm: string, c: Candidate): boolean {
  const before = norm.slice(Math.max(0, c.start - 2), c.start);
  const after = norm.slice(c.end, c.end + 3);
  return /[¥￥$]\s?$|rmb\s?$/.test(before) || /^\s?(?:元|块|rmb|yuan|\.\d)/.test(after);
}

/** The characters of the message at [start, end) as the buyer typed them (case kept), half-width, without spaces. */
function asWritten(s: Scan, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const raw = s.text.charCodeAt(i);
    const c = raw >= 0xff01 && raw <= 0xff5e ? raw - 0xfee0 : raw;
    if (c !== 0x20 && c !== 0x3000 && s.norm[i] !== ' ') out += String.fromCharCode(c);
  }
  return out;
}

export interface NumberOptions {
  expectingOrderId?: boolean;
  /** The message names JD: 11–13 bare digits are plausibly a JD order. */
  platformJd?: boolean;
  /** The message says the order number given was wrong: the number it gives instead is the order's, bare or with a shop's letters. */
  orderIdWrong?: boolean;
}

/**
 * Every order or tracking number found, in text order, with a confidence.
 * Numbers that are something else (phone, amount, date, product id) are left out.
 */
export function findNumbers(s: Scan, opts: NumberOptions = {}): NumberFinding[] {
  const found: NumberFinding[] = [];
  // A message made of nothing but one number, in answer to "what is the order number?".
  for (const t of tokens(s.norm)) {
    if (t.ident) {
      const raw = s.norm.slice(t.start, t.end);
      const digits = raw.replace(/\D/g, '').length;
      const key = keyBefore(s, t.start);
      if (digits >= 6 && (key === 'order' || key === 'order_weak')) {
        found.push({ kind: 'order', value: asWritten(s, t.start, t.end), start: t.start, end: t.end, confidence: 0.8 });
      }
      continue;
    }
    if (t.suffix !== '') {
      // EMS-style "EA123456789CN".
      if (/^[a-z]{2}$/.test(t.prefix) && t.groups[0]!.length === 9 && t.suffix.length === 2) {
        found.push({ kind: 'tracking', value: s.norm.slice(t.start, t.end).toUpperCase(), start: t.start, end: t.end, confidence: 0.8 });
      }
      continue;
    }
    const prefix = t.prefix;
    if (prefix !== '' && !ORDER_PREFIXES.has(prefix)) {
      const digits = t.groups.join('');
      if (prefix === 'p' && digits.length >= 10 && digits.length <= 24) {
        found.push({ kind: 'order', value: 'P' + t.groups.join(''), start: t.start, end: t.end, confidence: 0.85 });
      } else if ((TRACKING_PREFIXES.has(prefix) || prefix.startsWith('jd')) && digits.length >= 8 && digits.length <= 20) {
        found.push({ kind: 'tracking', value: (prefix + t.groups.join('')).toUpperCase(), start: t.start, end: t.end, confidence: 0.9 });
      } else if (digits.length >= 10 && keyBefore(s, t.start) === 'tracking') {
        found.push({ kind: 'tracking', value: (prefix + t.groups.join('')).toUpperCase(), start: t.start, end: t.end, confidence: 0.7 });
      } else if (digits.length >= 8 && prefix.length <= 4 && (opts.orderIdWrong || ['order', 'order_weak'].includes(keyBefore(s, t.start) ?? ''))) {
        // A shop's own format after an order keyword: "订单号 DD20240522013468".
        found.push({ kind: 'order', value: asWritten(s, t.start, t.end), start: t.start, end: t.end, confidence: 0.85 });
      }
      continue;
    }
    for (const c of candidates(s.norm, t)) {
      const n = c.digits.length;
      if (n < 6 || n > 30) continue;
      const key = prefix !== '' ? 'order' : keyBefore(s, c.start);
      const phone = PHONE.test(c.digits);
      if (key === 'tracking') {
        if (n >= 8) found.push({ kind: 'tracking', value: c.value, start: c.start, end: c.end, confidence: 0.85 });
        continue;
      }
      if (key === 'phone' || key === 'product' || key === 'other_id') continue;
      if (looksLikeAmount(s.norm, c)) continue;
      if (n === 8 && DATE8.test(c.digits)) continue;
      if (DATE_WRITTEN.test(c.value)) continue;
      if (key === 'order' || key === 'order_weak') {
        found.push({ kind: 'order', value: c.value, start: c.start, end: c.end, confidence: phone ? 0.6 : key === 'order' ? 0.95 : 0.9 });
        continue;
      }
      if (orderAfter(s, c.end) && !phone) {
        found.push({ kind: 'order', value: c.value, start: c.start, end: c.end, confidence: 0.85 });
        continue;
      }
      if (phone) continue;
      if (n >= 15 && n <= 25) {
        found.push({ kind: 'order', value: c.value, start: c.start, end: c.end, confidence: 0.7 });
      } else if ((opts.expectingOrderId || opts.orderIdWrong) && n >= 6) {
        found.push({ kind: 'order', value: c.value, start: c.start, end: c.end, confidence: 0.75 });
      } else if (opts.platformJd && n >= 10 && n <= 13) {
        found.push({ kind: 'order', value: c.value, start: c.start, end: c.end, confidence: 0.55 });
      }
    }
  }
  return found;
}
