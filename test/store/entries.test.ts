import { describe, expect, it } from 'vitest';
import {
  EvidenceItem, TIMELINE_TYPES, TimelineEntry, type EvidenceItem as Evidence, type TimelineEntry as Entry,
} from '../../src/domain/index.ts';
import {
  caseBase, hasLoneSurrogate, packEvidence, packTimeline, TOKEN_TABLES, unpackEvidence, unpackTimeline,
} from '../../src/store/entries.ts';

const OPENED = '2026-11-23T02:10:00.000Z';
const base = caseBase(OPENED);
// A Telegram photo file id (base64url of the bytes Telegram packs into it).
const TG_FILE = 'AgACAgUAAxkBAAIBZ2ZmRmFrZS1maWxlLWlkLWZvci10ZXN0cy1vbmx5LXBob3RvLXNpemVkAAMCAAN5AAM0BA';

/** A small seeded generator, so the same hundreds of cases run every time. */
function rng(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
}

const TIMES = [
  OPENED, '2026-11-23T02:20:00.000Z', '2026-12-30T23:59:59.000Z', '2026-11-23T02:10:00.123Z', '2026-11-20T08:00:00.000Z',
  '2026-11-20T08:00:00.999Z', '2026-11-22T10:00:00+08:00', '2026-11-22', '', '2026-11-22T10:00:00\x1fZ',
];
const TEXTS = [
  '', '外箱破损', '破损特写 and a closeup', 'line\nbreak\ttab', 'a', 'P', 'with\x1fseparator', '[bracket', '!bang', '~', '📦 emoji',
  'lone \ud83d surrogate',
];
const FILE_IDS = [null, '', TG_FILE, 'm1', 'AgADBAADq6cxG_abc', 'has space', 'with\x1fseparator', 'BQACAgIAAxkBAAIBXWZ-aa_A', 'x\udc00'];
const ITEMS = [null, 'outer_box', 'batch_number', 'not_a_known_item', 'x', 'a', '', 'with\x1fseparator'];
const NOTES = ['', 'seller', 'photo', 'refund_shortfall', 'wants', 'blames_courier', 'something_new', 's', 'Q', 'with\x1fseparator', '\ud800x'];
const QUOTES = [null, '', '24小时内给你答复', 'with\x1fseparator', '[not json', 'lone \udc00'];

describe('case list entries', () => {
  it('bring back every evidence item exactly, whatever its fields hold', () => {
    const pick = rng(7);
    for (let i = 0; i < 600; i++) {
      const e: Evidence = {
        at: pick(TIMES),
        kind: pick(['photo', 'video', 'document'] as const),
        caption: pick(TEXTS),
        fileId: pick(FILE_IDS),
        item: pick(ITEMS),
      };
      const b = pick([base, 0, caseBase('2030-01-01T00:00:00.000Z')]);
      expect(unpackEvidence(packEvidence([e], b, null), b).map((x) => EvidenceItem.parse(x))).toEqual([e]);
    }
  });

  it('bring back a list of evidence exactly, appended a few at a time, file ids sharing their first bytes', () => {
    const pick = rng(13);
    const ids = [...FILE_IDS, TG_FILE.slice(0, 40) + 'AAMCAAN5AAM1BA', TG_FILE.replace('AgAC', 'BQAC'), TG_FILE.slice(0, 60)];
    for (let round = 0; round < 100; round++) {
      const list: Evidence[] = Array.from({ length: 1 + Math.floor(pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) * 2) }, () => ({
        at: pick(TIMES), kind: pick(['photo', 'video', 'document'] as const), caption: pick(TEXTS), fileId: pick(ids), item: pick(ITEMS),
      }));
      // Stored in pieces, as turns append them: each piece follows the list's last entry.
      const stored: Buffer[] = [];
      for (let at = 0; at < list.length; at += 3) stored.push(...packEvidence(list.slice(at, at + 3), base, list[at - 1] ?? null));
      expect(unpackEvidence(stored, base).map((x) => EvidenceItem.parse(x))).toEqual(list);
    }
  });

  it("store a photo's file id once: what it shares with the photo before is not stored again", () => {
    const photo = (n: number): Evidence => ({
      at: OPENED, kind: 'photo', caption: '', item: null, fileId: `AgACAgUAAxkBAAIB${n}ZmZGYWtlLWZpbGUtaWQAAMCAAN5AAM0BAQ`,
    });
    const [first, second] = packEvidence([photo(1000), photo(1004)], base, null);
    const bytes = Buffer.from(photo(1000).fileId!, 'base64url').length;
    expect(first!.length).toBe(5 + 1 + bytes);
    expect(second!.length).toBeLessThan(first!.length - 12);
    expect(() => unpackEvidence([second!], base)).toThrow();
  });

  it('bring back every timeline entry exactly, whatever its fields hold', () => {
    const pick = rng(11);
    for (let i = 0; i < 600; i++) {
      const t: Entry = {
        at: pick(TIMES),
        type: pick(TIMELINE_TYPES),
        note: pick(NOTES),
        quote: pick(QUOTES),
        happenedAt: pick([null, ...TIMES]),
      };
      const b = pick([base, 0]);
      const packed = packTimeline(t, b);
      expect(TimelineEntry.parse(unpackTimeline(packed, b))).toEqual(t);
      expect(TimelineEntry.parse(unpackTimeline(Buffer.from(packed), b))).toEqual(t);
    }
  });

  it('store a Telegram photo in less than half of its JSON, the file id as the bytes it encodes', () => {
    const at = '2026-11-23T08:20:00.000Z'; // 6 h 10 min after the case was opened: 22200 s, 'h4o' in base 36
    const e: Evidence = { at, kind: 'photo', caption: '外箱破损', fileId: TG_FILE, item: 'outer_box' };
    const [packed] = packEvidence([e], base, null);
    expect(packed).toEqual(Buffer.concat([Buffer.from('h4o\x1fP外箱破损\x1fa\x1f\x00'), Buffer.from(TG_FILE, 'base64url')]));
    expect(packed!.length).toBeLessThan(JSON.stringify(e).length / 2);
    expect(packTimeline({ at, type: 'evidence_logged', note: 'photo', quote: null, happenedAt: null }, base)).toBe('h4o\x1flP');
    expect(packTimeline({ at: OPENED, type: 'opened', note: '', quote: null, happenedAt: null }, base)).toBe('0\x1fo');
  });

  it('read entries stored in the earlier JSON-array form (absolute epoch ms, trailing defaults left out)', () => {
    expect(unpackEvidence([Buffer.from(`[1795400400000,"photo","破损特写","${TG_FILE}","defect_closeup"]`), '[1795400400000,"photo"]'], base)).toEqual([
      { at: '2026-11-23T02:20:00.000Z', kind: 'photo', caption: '破损特写', fileId: TG_FILE, item: 'defect_closeup' },
      { at: '2026-11-23T02:20:00.000Z', kind: 'photo', caption: '', fileId: null, item: null },
    ]);
    expect(unpackTimeline('[1795399800000,"draft_sent","seller"]', base)).toEqual({
      at: '2026-11-23T02:10:00.000Z', type: 'draft_sent', note: 'seller', quote: null, happenedAt: null,
    });
    expect(unpackTimeline('["2026-11-22T10:00:00+08:00","platform_requested","buyer",null,"2026-11-21"]', base)).toEqual({
      at: '2026-11-22T10:00:00+08:00', type: 'platform_requested', note: 'buyer', quote: null, happenedAt: '2026-11-21',
    });
  });

  it('have one token per code, each one character and used once', () => {
    const { TYPE_TOKENS, NOTE_TOKENS, ITEM_TOKENS, CHECKLIST_ITEM_IDS } = TOKEN_TABLES;
    expect(Object.keys(TYPE_TOKENS).sort()).toEqual([...TIMELINE_TYPES].sort());
    expect(Object.keys(ITEM_TOKENS).sort()).toEqual([...CHECKLIST_ITEM_IDS].sort());
    for (const table of [TYPE_TOKENS, NOTE_TOKENS, ITEM_TOKENS]) {
      const tokens = Object.values(table);
      expect(new Set(tokens).size).toBe(tokens.length);
      for (const t of tokens) expect(t).toMatch(/^[^\x1f[!~-]$/);
    }
  });

  it('are stored in the same bytes as when the form was made (a stored entry must read back the same)', () => {
    const photo = (n: number, item: string | null): Evidence => ({
      at: '2026-11-23T03:10:00.000Z', kind: 'photo', caption: '外箱', item, fileId: `AgACAgUAAxkBAAIB${n}ZmZGYWtlLWZpbGUtaWQAAMCAAN5AAM0BAQ`,
    });
    const stored = packEvidence([photo(1000, 'outer_box'), photo(1004, null)], base, null).map((b) => b.toString('hex'));
    expect(stored).toEqual([
      '3273301f50e5a496e7aeb11f611f00020002020500031901000201d74d34666646616b652d66696c652d69640000c08000de4000cd0101',
      '3273301f50e5a496e7aeb11f1f0e38666646616b652d66696c652d69640000c08000de4000cd0101',
    ]);
    const text: Evidence = { at: '2026-11-23T02:10:00.123Z', kind: 'document', caption: '', item: null, fileId: 'has space' };
    expect(packEvidence([text], base, null)[0]!.toString()).toBe('~3f\x1fd\x1f\x1fhas space');
    const entry = (t: Partial<Entry>): Entry => ({ at: OPENED, type: 'seller_refused', note: '', quote: null, happenedAt: null, ...t });
    expect(packTimeline(entry({ reason: '已拆封' }), base)).toBe('0\x1fr\x1f\x1f\x1f\x1f已拆封');
    expect(packTimeline(entry({ quote: '不退', happenedAt: '2026-11-22T02:10:00.000Z' }), base)).toBe('0\x1fr\x1f不退\x1f-1uo0');
    expect(packTimeline(entry({ type: 'seller_promise', note: 'seller', deadline: '2026-11-24T02:10:00.000Z' }), base)).toBe('0\x1fps\x1f\x1f\x1f1uo0');
  });

  it('find a lone half of a UTF-16 pair exactly where /\\p{Cs}/u does', () => {
    const pick = rng(29);
    const parts = ['a', '破', '\ud83d', '\udce6', '📦', '\x1f', '\udbff', '\udc00', '\ud7ff', '\ue000'];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: Math.floor(pick([0, 1, 2, 3, 4, 5, 6]) * 1.5) }, () => pick(parts)).join('');
      expect(hasLoneSurrogate(text), JSON.stringify(text)).toBe(/\p{Cs}/u.test(text));
    }
  });

  it('count instants from the second the case was opened, in whatever form that instant is', () => {
    for (const at of [OPENED, '2026-11-23T02:10:00.999Z', '1000-01-01T00:00:00.000Z', '1969-12-28T23:59:59.500Z', '2026-02-29T00:00:00.000Z',
      '2026-11-22T10:00:00+08:00', '2026-11-22', '0999-12-28T23:59:59.999Z', 'soon', '']) {
      const ms = Date.parse(at);
      expect(caseBase(at), at).toBe(Number.isFinite(ms) ? Math.floor(ms / 1000) : 0);
    }
  });
});

