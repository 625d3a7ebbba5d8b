/**
 * Multi-keyword matching in one pass (Aho–Corasick).
 *
 * All lexicon keywords of every locale are compiled once into one automaton, so a message
 * is scanned once whatever the size of the lexicons: cost is linear in the text length
 * plus the number of hits, never keywords × text.
 */

/** A keyword hit: `[start, end)` in the (aligned) normalised text. */
export interface Hit<T> {
  start: number;
  end: number;
  value: T;
}

interface Pattern<T> {
  key: string;
  value: T;
  /** The keyword begins/ends with an ASCII letter or digit: require a word boundary there. */
  wordStart: boolean;
  wordEnd: boolean;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

export interface MatcherOptions {
  /**
   * Default true: a keyword ending in `*` matches as a prefix of an ASCII word and other ASCII
   * keywords match whole words only. False: every keyword is literal and matches anywhere
   * (the caller judges what stands around a hit).
   */
  asciiWords?: boolean;
}

/**
 * A compiled keyword set. A keyword ending in `*` matches as a prefix of an ASCII word
 * ("refund*" matches "refunded"); other ASCII keywords match whole words only, so "jd"
 * does not fire inside the tracking number "JDV0012…" (unless `asciiWords: false`).
 */
export class KeywordMatcher<T> {
  private readonly next = new Map<number, number>();
  /** Root transitions as a dense table: most characters start nothing, and this is the hot path. */
  private readonly rootNext = new Int32Array(65536);
  /**
   * 1 for the units some keyword has: from any node, a unit no keyword has leads to the root, so
   * the failure links need not be followed one by one to find that out.
   */
  private readonly inKeys = new Uint8Array(65536);
  /**
   * The other transitions for scanning, open addressing with linear probing: `[from, unit, to, 0]`
   * per slot, `from` 0 when empty (the root's are in `rootNext`). A probe is a few typed-array reads
   * where a `Map` lookup is a call and a hash of the key.
   */
  private edges = new Int32Array(4);
  private edgeShift = 31;
  private edgeMask = 0;
  private readonly fail: number[] = [0];
  /** Pattern indexes ending at each node, including those inherited via failure links. */
  private readonly out: number[][] = [[]];
  private readonly patterns: Pattern<T>[] = [];

  constructor(entries: Iterable<{ key: string; value: T }>, opts: MatcherOptions = {}) {
    const words = opts.asciiWords ?? true;
    for (const { key: raw, value } of entries) {
      const prefix = words && raw.endsWith('*');
      const key = prefix ? raw.slice(0, -1) : raw;
      if (key.length === 0) continue;
      const idx = this.patterns.length;
      this.patterns.push({
        key,
        value,
        wordStart: words && isAsciiAlnum(key.charCodeAt(0)),
        wordEnd: words && !prefix && isAsciiAlnum(key.charCodeAt(key.length - 1)),
      });
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        this.inKeys[key.charCodeAt(i)] = 1;
        const k = node * 65536 + key.charCodeAt(i);
        let to = this.next.get(k);
        if (to === undefined) {
          to = this.fail.length;
          this.fail.push(0);
          this.out.push([]);
          this.next.set(k, to);
        }
        node = to;
      }
      this.out[node]!.push(idx);
    }
    this.buildFailureLinks();
    for (const [k, to] of this.next) if (k < 65536) this.rootNext[k] = to;
    this.buildEdges();
    this.failAt = Int32Array.from(this.fail);
    this.hasOut = Uint8Array.from(this.out, (o) => (o.length > 0 ? 1 : 0));
  }

  /** `fail` and whether a node has outputs, as typed arrays for scanning. */
  private failAt = new Int32Array(1);
  private hasOut = new Uint8Array(1);

  private buildFailureLinks(): void {
    const children = new Map<number, [number, number][]>();
    for (const [k, to] of this.next) {
      const from = Math.floor(k / 65536);
      let list = children.get(from);
      if (!list) children.set(from, (list = []));
      list.push([k % 65536, to]);
    }
    const queue: number[] = [];
    for (const [, to] of children.get(0) ?? []) {
      this.fail[to] = 0;
      queue.push(to);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi]!;
      for (const [c, to] of children.get(node) ?? []) {
        let f = this.fail[node]!;
        let target = this.next.get(f * 65536 + c);
        while (target === undefined && f !== 0) {
          f = this.fail[f]!;
          target = this.next.get(f * 65536 + c);
        }
        const fl = target !== undefined && target !== to ? target : 0;
        this.fail[to] = fl;
        if (this.out[fl]!.length) this.out[to] = this.out[to]!.concat(this.out[fl]!);
        queue.push(to);
      }
    }
  }

  private buildEdges(): void {
    let bits = 2;
    while (1 << bits < this.next.size * 2) bits++;
    this.edgeShift = 32 - bits;
    this.edges = new Int32Array(4 << bits);
    const mask = (1 << bits) - 1;
    this.edgeMask = mask;
    for (const [k, to] of this.next) {
      if (k < 65536) continue;
      const from = Math.floor(k / 65536);
      const unit = k % 65536;
      let at = this.edgeSlot(from, unit);
      while (this.edges[at * 4] !== 0) at = (at + 1) & mask;
      this.edges.set([from, unit, to], at * 4);
    }
  }

  private edgeSlot(from: number, unit: number): number {
    return Math.imul(Math.imul(from, 0x9e3779b1) ^ unit, 0x85ebca6b) >>> this.edgeShift;
  }

  /** Where `unit` leads from `node` (not the root), or -1. */
  private step(node: number, unit: number): number {
    const edges = this.edges;
    const mask = this.edgeMask;
    for (let at = this.edgeSlot(node, unit); ; at = (at + 1) & mask) {
      const from = edges[at * 4]!;
      if (from === 0) return -1;
      if (from === node && edges[at * 4 + 1] === unit) return edges[at * 4 + 2]!;
    }
  }

  /** All hits in `text`, in order of their end position. Overlapping hits are all reported. */
  scan(text: string): Hit<T>[] {
    const hits: Hit<T>[] = [];
    const { inKeys, rootNext, failAt, hasOut } = this;
    let node = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      let to = -1;
      if (inKeys[c] === 0) node = 0;
      while (node !== 0) {
        to = this.step(node, c);
        if (to >= 0) break;
        node = failAt[node]!;
      }
      node = node === 0 ? rootNext[c]! : to;
      if (hasOut[node] === 0) continue;
      const outs = this.out[node]!;
      for (let j = 0; j < outs.length; j++) {
        const p = this.patterns[outs[j]!]!;
        const start = i + 1 - p.key.length;
        if (p.wordStart && start > 0 && isAsciiAlnum(text.charCodeAt(start - 1))) continue;
        if (p.wordEnd && i + 1 < n && isAsciiAlnum(text.charCodeAt(i + 1))) continue;
        hits.push({ start, end: i + 1, value: p.value });
      }
    }
    return hits;
  }
}

/**
 * Drop hits strictly contained in a longer hit of the same group, so "没收到退款" wins
 * over the "没收到" inside it. Linear after one sort.
 */
export function dropContained<T>(hits: Hit<T>[], group: (v: T) => string): Hit<T>[] {
  const sorted = hits.slice();
  // A message has a few hits: put in order in place, with no comparator called per pair (both are stable).
  if (sorted.length <= INSERTION_MAX) {
    for (let i = 1; i < sorted.length; i++) {
      const h = sorted[i]!;
      let j = i - 1;
      for (; j >= 0 && byStartThenLonger(sorted[j]!, h) > 0; j--) sorted[j + 1] = sorted[j]!;
      sorted[j + 1] = h;
    }
  } else sorted.sort(byStartThenLonger);
  // And hits of a few groups: the furthest end per group in two short lists, not a Map.
  const groups: string[] = [];
  const maxEnd: number[] = [];
  const kept: Hit<T>[] = [];
  for (const h of sorted) {
    const g = group(h.value);
    const k = groups.indexOf(g);
    if (k < 0) {
      groups.push(g);
      maxEnd.push(h.end);
    } else if (h.end <= maxEnd[k]!) continue;
    else maxEnd[k] = h.end;
    kept.push(h);
  }
  return kept;
}

/** Up to this many hits are ordered by insertion; more by `sort` (insertion is quadratic). */
const INSERTION_MAX = 32;

function byStartThenLonger<T>(a: Hit<T>, b: Hit<T>): number {
  return a.start - b.start || b.end - a.end;
}
