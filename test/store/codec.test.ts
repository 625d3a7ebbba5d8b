import { describe, expect, it } from 'vitest';
import { decodeState, listDelta as delta, sameTimeline, workingDoc } from '../../src/store/codec.ts';
import { caseBase, packEvidence, packTimeline } from '../../src/store/entries.ts';
import { freshState, step } from '../../src/engine/engine.ts';
import type { TimelineEntry, UserState } from '../../src/domain/index.ts';

const entry = (n: number): TimelineEntry => ({ at: `2026-11-22T02:00:0${n % 10}.000Z`, type: 'nudged', note: String(n), quote: null, happenedAt: null });
const list = (...ns: number[]) => ns.map(entry);
const listDelta = (before: TimelineEntry[] | null, after: TimelineEntry[]) => delta(before, after, sameTimeline);

describe('listDelta', () => {
  it('keeps an unchanged list, appends new entries, and trims dropped head entries', () => {
    expect(listDelta(list(1, 2), list(1, 2))).toEqual({ mode: 'k', length: 2, added: [] });
    expect(listDelta(list(1, 2), list(1, 2, 3, 4))).toEqual({ mode: 'a', length: 4, added: list(3, 4) });
    // The engine's cap: the oldest entry dropped as one is appended.
    expect(listDelta(list(1, 2, 3), list(2, 3, 4))).toEqual({ mode: 'a', length: 3, added: list(4) });
    expect(listDelta(list(1, 2, 3), list(3, 4, 5))).toEqual({ mode: 'a', length: 3, added: list(4, 5) });
  });

  it('replaces a list it cannot explain as an append', () => {
    expect(listDelta(null, list(1))).toEqual({ mode: 'r', length: 1, added: list(1) });
    const ten = list(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    const edited = list(1, 2, 3, 4, 5, 6, 7, 8, 9, 99, 11);
    expect(listDelta(ten, edited)).toEqual({ mode: 'r', length: 11, added: edited });
    expect(listDelta(list(1, 2), [])).toEqual({ mode: 'r', length: 0, added: [] });
    expect(listDelta([], list(5))).toEqual({ mode: 'r', length: 1, added: list(5) });
  });

  it('sees an entry changed in place anywhere, not only where the lists meet', () => {
    const ten = list(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    const middle = ten.map((e, i) => (i === 4 ? { ...e, note: 'matched later' } : { ...e }));
    expect(listDelta(ten, middle)).toEqual({ mode: 'r', length: 10, added: middle });
    expect(listDelta(ten, [...middle, entry(11)]).mode).toBe('r');
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
    expect(doc).not.toContain('外箱破损');
    const base = caseBase(a.openedAt);
    const back = decodeState(doc, {
      caseId: a.id, evidence: packEvidence(a.evidence, base, null), timeline: a.timeline.map((t) => packTimeline(t, base)),
    });
    expect(back).toEqual({ state, corrupt: false });
  });

  it('ignores lists that belong to another case', () => {
    const doc = workingDoc(state);
    const loaded = decodeState(doc, { caseId: 'c99', evidence: ['[1,"photo"]'], timeline: [] });
    expect(loaded.state?.active?.evidence).toEqual([]);
  });

  it('reads a state stored in the previous format: a plain JSON document and JSON-array entries', () => {
    // As the store wrote them before the compact form (epoch ms, trailing defaults left out).
    const doc = '{"v":2,"userId":"u1","locale":"zh-CN","localePinned":false,"timezone":null,"active":{"id":"c1","phase":"following",' +
      '"openedAt":"2026-11-22T02:00:00.000Z","updatedAt":"2026-11-22T02:00:00.000Z","slots":{"orderId":"3916452812345678901",' +
      '"problem":"damaged","problemText":"杯子碎了","wants":"refund","platform":null,"trackingNo":null,"receivedOn":null,' +
      '"amountPaid":null,"amountRefunded":null},"skipped":[],"evidence":[],"timeline":[],"reminders":[],"sellerDrafts":1,' +
      '"food":false,"compensationPercent":null,"rung":"seller"},"closed":[],"caseSeq":1,"pending":null,"disclaimerShown":true}';
    const loaded = decodeState(doc, {
      caseId: 'c1',
      evidence: ['[1795312800000,"photo","外箱破损","AgAD-1","outer_box"]'],
      timeline: ['[1795312800000,"opened"]', '[1795312800000,"draft_sent","seller"]', '[1795312800000,"evidence_logged","photo"]'],
    });
    expect(loaded.corrupt).toBe(false);
    expect(loaded.state?.active).toMatchObject({
      slots: { orderId: '3916452812345678901', problemText: '杯子碎了' },
      evidence: [{ at: '2026-11-22T02:00:00.000Z', kind: 'photo', caption: '外箱破损', fileId: 'AgAD-1', item: 'outer_box' }],
      timeline: [
        { at: '2026-11-22T02:00:00.000Z', type: 'opened', note: '', quote: null, happenedAt: null },
        { at: '2026-11-22T02:00:00.000Z', type: 'draft_sent', note: 'seller', quote: null, happenedAt: null },
        { at: '2026-11-22T02:00:00.000Z', type: 'evidence_logged', note: 'photo', quote: null, happenedAt: null },
      ],
    });
    // Written again, it is in the compact form, and reads back the same.
    const a = loaded.state!.active!;
    const base = caseBase(a.openedAt);
    const again = decodeState(workingDoc(loaded.state!), {
      caseId: 'c1', evidence: packEvidence(a.evidence, base, null), timeline: a.timeline.map((t) => packTimeline(t, base)),
    });
    expect(workingDoc(loaded.state!).startsWith('~')).toBe(true);
    expect(again).toEqual(loaded);
  });
});
