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
