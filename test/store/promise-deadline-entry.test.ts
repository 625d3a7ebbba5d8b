/** A seller promise's deadline on its timeline entry survives the stored form (and the plain entries keep theirs). */
import { describe, expect, it } from 'vitest';
import { packTimeline, unpackTimeline } from '../../src/store/entries.ts';
import { sameTimeline } from '../../src/store/codec.ts';
import type { TimelineEntry } from '../../src/domain/index.ts';

const base = Date.parse('2026-12-01T00:00:00Z');

describe('a promise entry with its deadline', () => {
  it('is stored and read back with the deadline', () => {
    const e: TimelineEntry = { at: '2026-12-01T02:20:00.000Z', type: 'seller_promise', note: '', quote: null, happenedAt: null, deadline: '2026-12-02T14:20:00.000Z' };
    expect(unpackTimeline(packTimeline(e, base), base)).toEqual(e);
    expect(sameTimeline(e, { ...e, deadline: null })).toBe(false);
  });

  it('is packed like the other times, not written out in full (a long case stays under its byte budget)', () => {
    const base = Math.floor(Date.parse('2026-12-01T00:00:00Z') / 1000);
    const e: TimelineEntry = { at: '2026-12-01T02:20:00.000Z', type: 'seller_promise', note: '', quote: null, happenedAt: null, deadline: '2026-12-02T14:20:00.000Z' };
    const packed = packTimeline(e, base);
    expect(packed.startsWith('[')).toBe(false);
    expect(packed.length).toBeLessThan(20);
    expect(unpackTimeline(packed, base)).toEqual(e);
    const quoted: TimelineEntry = { ...e, quote: '两天内给您发出', happenedAt: '2026-11-30T09:00:00.000Z' };
    expect(unpackTimeline(packTimeline(quoted, base), base)).toEqual(quoted);
  });

  it('an entry without one is as before', () => {
    const e: TimelineEntry = { at: '2026-12-01T02:20:00.000Z', type: 'seller_stalled', note: '', quote: null, happenedAt: null };
    expect(unpackTimeline(packTimeline(e, base), base)).toEqual(e);
  });
});

describe("a seller's reason and its cause, in the buyer's words", () => {
  const refused: TimelineEntry = { at: '2026-12-01T02:20:00.000Z', type: 'seller_refused', note: '', quote: null, happenedAt: null, reason: '是我自己摔坏的' };
  const offer: TimelineEntry = {
    at: '2026-12-01T02:21:00.000Z', type: 'seller_counter_offer', note: 'blames_courier', quote: null, happenedAt: null,
    reason: '只能退一半', because: '快递摔的跟店里无关',
  };

  it('are stored with the entry and read back (a reloaded case still knows what the seller said)', () => {
    for (const e of [refused, offer, { ...offer, reason: null }, { ...offer, deadline: '2026-12-02T02:21:00.000Z', quote: '退一半' }]) {
      const packed = packTimeline(e, base);
      expect(packed.startsWith('[')).toBe(false);
      const back = unpackTimeline(packed, base) as TimelineEntry;
      expect(back.reason ?? null).toBe(e.reason ?? null);
      expect(back.because ?? null).toBe(e.because ?? null);
      expect(back.deadline ?? null).toBe(e.deadline ?? null);
      expect(back.quote).toBe(e.quote);
    }
  });

  it('also in the JSON form, taken when the compact one cannot carry a field', () => {
    const odd = { ...offer, because: 'a\x1fb' };
    const packed = packTimeline(odd, base);
    expect(packed.startsWith('[')).toBe(true);
    expect(unpackTimeline(packed, base)).toEqual(odd);
  });

  it('leave an entry without them as it was stored before they were kept', () => {
    const plain: TimelineEntry = { at: '2026-12-01T02:20:00.000Z', type: 'seller_refused', note: '', quote: '不退', happenedAt: null };
    // at, type and note, quote: nothing after it.
    expect(packTimeline(plain, base).split('\x1f')).toHaveLength(3);
    expect(unpackTimeline(packTimeline(plain, base), base)).toEqual(plain);
  });
});

