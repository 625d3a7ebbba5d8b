import { describe, expect, it } from 'vitest';
import { decodeState, listDelta, packEvidence, packTimeline, workingDoc } from '../../src/store/codec.ts';
import { freshState, step } from '../../src/engine/engine.ts';
import type { EvidenceItem, TimelineEntry, UserState } from '../../src/domain/index.ts';

const pack = (n: number) => String(n);

describe('listDelta', () => {
  it('keeps an unchanged list, appends new entries, and trims dropped head entries', () => {
    expect(listDelta([1, 2], [1, 2], pack)).toEqual({ mode: 'k', length: 2, items: [] });
    expect(listDelta([1, 2], [1, 2, 3, 4], pack)).toEqual({ mode: 'a', length: 4, items: ['3', '4'] });
    // The engine's cap: the oldest entry dropped as one is appended.
    expect(listDelta([1, 2, 3], [2, 3, 4], pack)).toEqual({ mode: 'a', length: 3, items: ['4'] });
    expect(listDelta([1, 2, 3], [3, 4, 5], pack)).toEqual({ mode: 'a', length: 3, items: ['4', '5'] });
  });

  it('replaces a list it cannot explain as an append', () => {
    expect(listDelta(null, [1], pack)).toEqual({ mode: 'r', length: 1, items: ['1'] });
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // The last known entry edited (where the lists must meet): not an append.
    const edited = [1, 2, 3, 4, 5, 6, 7, 8, 9, 99, 11];
    expect(listDelta(ten, edited, pack)).toEqual({ mode: 'r', length: 11, items: edited.map(pack) });
    expect(listDelta([1, 2], [], pack)).toEqual({ mode: 'r', length: 0, items: [] });
    expect(listDelta([], [5], pack)).toEqual({ mode: 'r', length: 1, items: ['5'] });
  });
});

describe('working document and case lists', () => {
  const now = new Date('2026-11-22T02:00:00Z');
  let state: UserState = freshState('u1');
  for (const text of ['订单号 3916452812345678901，杯子碎了，想退款', '卖家说24小时内给我答复']) {
    state = step(state, { type: 'text', text }, now, { timezone: 'Asia/Shanghai' }).state;
  }
  state = step(state, { type: 'media', kind: 'photo', caption: '外箱破损', fileId: 'AgAD-1' }, now, { timezone: 'Asia/Shanghai' }).state;

  it('round-trips a state through the document and the lists exactly', () => {
    const a = state.active!;
    expect(a.evidence.length).toBeGreaterThan(0);
    expect(a.timeline.length).toBeGreaterThan(1);
    const doc = workingDoc(state);
    expect(JSON.parse(doc).active.evidence).toEqual([]);
    const back = decodeState(doc, { caseId: a.id, evidence: a.evidence.map(packEvidence), timeline: a.timeline.map(packTimeline) });
    expect(back).toEqual({ state, corrupt: false });
  });

  it('packs entries compactly, and keeps instants that are not in toISOString form', () => {
    const e: EvidenceItem = { at: '2026-11-22T02:00:00.000Z', kind: 'photo', caption: '', fileId: null, item: null };
    expect(packEvidence(e)).toBe(`[${Date.parse(e.at)},"photo"]`);
    const t: TimelineEntry = { at: '2026-11-22T10:00:00+08:00', type: 'opened', note: '', quote: null, happenedAt: null };
    expect(packTimeline(t)).toBe('["2026-11-22T10:00:00+08:00","opened"]');
  });

  it('ignores lists that belong to another case', () => {
    const doc = workingDoc(state);
    const loaded = decodeState(doc, { caseId: 'c99', evidence: ['[1,"photo"]'], timeline: [] });
    expect(loaded.state?.active?.evidence).toEqual([]);
  });
});
