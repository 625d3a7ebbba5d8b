/**
 * The last N update ids seen by this process. Telegram re-sends an update when a webhook
 * answer is late or a poll's offset was not confirmed; the second copy must not produce a
 * second answer.
 */
export class RecentUpdates {
  readonly #capacity: number;
  readonly #seen = new Set<number>();
  /** Ring buffer of the remembered ids, oldest at `#next` once full. */
  readonly #ring: (number | undefined)[];
  #next = 0;

  constructor(capacity: number) {
    if (!(capacity > 0)) throw new Error('RecentUpdates: capacity must be positive');
    this.#capacity = capacity;
    this.#ring = new Array<number | undefined>(capacity);
  }

  /** Remember `updateId`. Returns false if it was already seen (a duplicate). */
  add(updateId: number): boolean {
    if (this.#seen.has(updateId)) return false;
    this.#seen.add(updateId);
    const evicted = this.#ring[this.#next];
    if (evicted !== undefined) this.#seen.delete(evicted);
    this.#ring[this.#next] = updateId;
    this.#next = (this.#next + 1) % this.#capacity;
    return true;
  }
}
