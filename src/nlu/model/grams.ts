/**
 * Character n-grams (1–3 UTF-16 units) → feature id, looked up by the units themselves: a
 * lookup builds no string and hashes no heap number (the per-message hot path).
 *
 * Besides the n-grams that are features, the table knows which units and unit pairs begin a
 * longer feature: where nothing begins, the longer lookups of that position are skipped.
 */

/** Not a feature, but a longer n-gram that is one begins with it. */
export const PREFIX_ONLY = -1;
/** Neither a feature nor the beginning of one. */
export const NOTHING = -2;

/** Never a unigram feature (`features` skips them): the space and the two end marks. */
const NO_UNIGRAM = [0x20, 0x5e, 0x24];

/** Slot layout of the 2- and 3-gram table: `[a | b << 16, c | n << 16, id, unused]`; an empty slot has 0 in its second word. */
const SLOT = 4;

export class GramTable {
  /** Unigrams by unit, dense: one lookup per character of every message. */
  readonly #uni = new Int32Array(65536).fill(NOTHING);
  /** 2- and 3-grams, open addressing with linear probing, all of a slot in one cache line. */
  readonly #slots: Int32Array;
  readonly #shift: number;
  readonly #mask: number;

  constructor(entries: ReadonlyArray<[gram: string, id: number]>) {
    const long = new Map<string, number>();
    for (const [g, id] of entries) {
      if (g.length === 1) {
        if (!NO_UNIGRAM.includes(g.charCodeAt(0))) this.#uni[g.charCodeAt(0)] = id;
      } else if (g.length <= 3) long.set(g, id);
    }
    for (const g of [...long.keys()]) {
      if (this.#uni[g.charCodeAt(0)] === NOTHING) this.#uni[g.charCodeAt(0)] = PREFIX_ONLY;
      if (g.length === 3 && !long.has(g.slice(0, 2))) long.set(g.slice(0, 2), PREFIX_ONLY);
    }
    let bits = 4;
    while (1 << bits < long.size * 2) bits++;
    this.#shift = 32 - bits;
    this.#mask = (SLOT << bits) - 1;
    this.#slots = new Int32Array(SLOT << bits);
    for (const [g, id] of long) {
      const n = g.length;
      const k1 = g.charCodeAt(0) | (g.charCodeAt(1) << 16);
      const k2 = (n > 2 ? g.charCodeAt(2) : 0) | (n << 16);
      let at = this.#home(k1, k2);
      while (this.#slots[at + 1] !== 0) at = (at + SLOT) & this.#mask;
      this.#slots[at] = k1;
      this.#slots[at + 1] = k2;
      this.#slots[at + 2] = id;
    }
  }

  #home(k1: number, k2: number): number {
    return (Math.imul(k1 ^ Math.imul(k2, 0x27d4eb2d), 0x9e3779b1) >>> this.#shift) * SLOT;
  }

  /**
   * Read where every n-gram of `units[0, n)` would sit, before the lookups: the cache misses of all
   * positions then overlap instead of waiting one after another (a software prefetch; the table is
   * megabytes, the rest of extraction pushes it out of the near caches between two messages).
   * @returns what was read, for the caller to keep so that the reads are not optimised away.
   */
  prefetch(units: Uint16Array, n: number): number {
    const uni = this.#uni;
    const slots = this.#slots;
    let seen = 0;
    for (let i = 0; i + 2 < n; i++) {
      const a = units[i]!;
      const k1 = a | (units[i + 1]! << 16);
      seen |= uni[a]! | slots[this.#home(k1, 2 << 16) + 1]! | slots[this.#home(k1, units[i + 2]! | (3 << 16)) + 1]!;
    }
    return seen;
  }

  /** The unigram's id, `PREFIX_ONLY` or `NOTHING`. */
  unigram(a: number): number {
    return this.#uni[a]!;
  }

  /** The id of the 2-gram `ab` or the 3-gram `abc` (`n` units; c is 0 for a 2-gram), `PREFIX_ONLY` or `NOTHING`. */
  get(n: number, a: number, b: number, c: number): number {
    const k1 = a | (b << 16);
    const k2 = c | (n << 16);
    const slots = this.#slots;
    let at = this.#home(k1, k2);
    for (;;) {
      const s2 = slots[at + 1]!;
      if (s2 === 0) return NOTHING;
      if (s2 === k2 && slots[at] === k1) return slots[at + 2]!;
      at = (at + SLOT) & this.#mask;
    }
  }
}
