/**
 * What the trained classifier sees of a message: character n-grams of the normalised text
 * (digits folded, so numbers do not become features), Latin word tokens, and the rule
 * layer's signals — lexicon hits by code, cues, frames, quoted seller speech, and the rules'
 * own answer. The rules are evidence here, not the decision.
 */
import type { Intent, Problem, SellerReply, Wants } from '../../domain/index.ts';
import type { Scan } from '../scan.ts';

/** The rules' reading of a message, fed to the model as features. */
export interface RuleView {
  problem: Problem | null;
  wants: Wants | null;
  sellerReply: SellerReply | null;
  /** What the message asks the bot to do ("发错了" about the buyer's own slip is a correction, not a wrong item). */
  intent: Intent | null;
  correction: boolean;
}

/** Messages are read up to this many characters for n-grams (long pastes: the rest adds little). */
export const NGRAM_CHARS = 600;
export const LATIN_WORD = /[a-z][a-z']+/g;

/** The text the n-grams are taken from: normalised, digits folded to one symbol, spaces collapsed. */
export function ngramText(norm: string): string {
  return norm.slice(0, NGRAM_CHARS).replace(/\d+/g, '0').replace(/\s+/g, ' ');
}

/** [a-z] or `'`: what `LATIN_WORD` goes on with. */
function latinOrApostrophe(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || c === 0x27;
}

/**
 * The `LATIN_WORD` matches of `norm`'s first `NGRAM_CHARS` characters into `into`, scanned by hand:
 * `matchAll` copies the pattern and builds an iterator and a match per word, for every message.
 */
export function latinWords(norm: string, into: string[]): void {
  const end = Math.min(norm.length, NGRAM_CHARS);
  for (let i = 0; i + 1 < end; ) {
    const c = norm.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a && latinOrApostrophe(norm.charCodeAt(i + 1))) {
      let j = i + 2;
      while (j < end && latinOrApostrophe(norm.charCodeAt(j))) j++;
      into.push(norm.slice(i, j));
      i = j;
    } else i++;
  }
}

/** Per UTF-16 unit, how `ngramText` folds it: 1 = a digit (`\d`), 2 = white space (`\s`), 0 = kept. */
const FOLD: Uint8Array = (() => {
  const t = new Uint8Array(65536);
  // The very classes `ngramText` replaces, run once over every unit, so the two cannot disagree.
  let all = '';
  for (let c = 0; c < 65536; c += 4096) all += String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => c + i));
  for (const m of all.matchAll(/\d/g)) t[m.index] = 1;
  for (const m of all.matchAll(/\s/g)) t[m.index] = 2;
  return t;
})();

/** The longest `ngramUnits` can write: the text read and its two end marks. */
export const NGRAM_UNITS_MAX = NGRAM_CHARS + 2;

/**
 * `^${ngramText(norm)}$` as UTF-16 units in `into` (at least `NGRAM_UNITS_MAX` long), in one pass
 * and without building strings: the run-time lookup reads n-grams from it.
 * @returns how many units were written.
 */
export function ngramUnits(norm: string, into: Uint16Array): number {
  const end = Math.min(norm.length, NGRAM_CHARS);
  let n = 0;
  into[n++] = 0x5e; // ^
  let run = 0;
  for (let i = 0; i < end; i++) {
    const c = norm.charCodeAt(i);
    const fold = FOLD[c]!;
    if (fold === 0) into[n++] = c;
    else if (fold !== run) into[n++] = fold === 1 ? 0x30 : 0x20;
    run = fold;
  }
  into[n++] = 0x24; // $
  return n;
}

/**
 * Feature names of one message. Duplicates are kept out; order is deterministic.
 *
 * @example features(scan('杯子碎了'), { problem: 'damaged', wants: null, sellerReply: null })
 * // ['b', 'c1:杯', …, 'c2:杯子', …, 'rp:damaged', 'rw:-', 'rs:-', 'lp:damaged', …]
 */
export function features(s: Scan, rules: RuleView): string[] {
  const out = new Set<string>(['b']);
  const t = ngramText(s.norm);
  const padded = `^${t}$`;
  for (let i = 0; i < padded.length; i++) {
    const c1 = padded[i]!;
    if (c1 !== ' ' && c1 !== '^' && c1 !== '$') out.add(`c1:${c1}`);
    if (i + 2 <= padded.length) out.add(`c2:${padded.slice(i, i + 2)}`);
    if (i + 3 <= padded.length) out.add(`c3:${padded.slice(i, i + 3)}`);
  }
  for (const m of t.matchAll(LATIN_WORD)) out.add(`w:${m[0]}`);
  signalFeatures(s, rules, {
    add(kind, value) {
      out.add(kind + value);
    },
  });
  return [...out];
}

function lengthClass(len: number): string {
  return len < 8 ? 's' : len < 40 ? 'm' : len < 120 ? 'l' : 'xl';
}

/**
 * Takes the non-text features of a message as a kind and a value: the feature's name is the two
 * joined ('rp:' + 'damaged'; 'b' + ''), so that the run-time lookup goes by the two and builds no name.
 */
export interface SignalSink {
  add(kind: string, value: string): void;
}

/** The non-text features of a message (bias, rules, cues, frames, length): `features` and the run-time lookup both use it. */
export function signalFeatures(s: Scan, rules: RuleView, into: SignalSink): void {
  into.add('b', '');
  into.add('rp:', rules.problem ?? '-');
  into.add('rw:', rules.wants ?? '-');
  into.add('rs:', rules.sellerReply ?? '-');
  if (rules.intent) into.add('i:', rules.intent);
  if (rules.correction) into.add('fix', '');
  for (const h of s.problem) into.add('lp:', h.value.c ?? 'x');
  for (const h of s.wants) into.add('lw:', h.value.c ?? 'x');
  for (const h of s.seller) into.add('ls:', h.value.c ?? 'x');
  for (const h of s.frame) into.add('f:', h.value.c);
  for (const c of s.has) into.add('q:', c);
  if (s.quotes.length > 0) into.add('quoted', '');
  into.add('len:', lengthClass(s.norm.length));
}
