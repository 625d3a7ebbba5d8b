import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Slots, UserState } from '../../src/domain/index.ts';
import { COMPACT_TABLES, compactDoc, parseDoc } from '../../src/store/compact-doc.ts';
import { optionLabel } from '../../src/store/option-labels.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

/** Every object key in a zod schema, with the schema of its value (wrappers unwrapped). */
function keysOf(schema: z.ZodType, out = new Map<string, z.ZodType[]>()): Map<string, z.ZodType[]> {
  const def = (schema as unknown as { def: Record<string, unknown> & { type: string } }).def;
  const walk = (s: unknown) => keysOf(s as z.ZodType, out);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        out.set(k, [...(out.get(k) ?? []), v]);
        walk(v);
      }
      break;
    case 'pipe':
      walk(def.out);
      break;
    case 'default': case 'nullable': case 'optional':
      walk(def.innerType);
      break;
    case 'array':
      walk(def.element);
      break;
    case 'union':
      for (const o of def.options as z.ZodType[]) walk(o);
      break;
  }
  return out;
}

const SCHEMA_KEYS = keysOf(UserState as unknown as z.ZodType);

describe('compact working document', () => {
  it('has a code for every key of the state schema, and no code is a key', () => {
    const { CODES } = COMPACT_TABLES;
    expect([...SCHEMA_KEYS.keys()].filter((k) => k !== 'v' && !(k in CODES))).toEqual([]);
    const codes = Object.values(CODES);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) {
      expect(c).toMatch(/^[A-Z0-9][A-Za-z0-9]?$/);
      expect(SCHEMA_KEYS.has(c)).toBe(false);
    }
    for (const k of SCHEMA_KEYS.keys()) expect(k).toMatch(/^[a-z]/);
  });

  it('leaves out only values the schema puts back: wherever such a key occurs, it has that default or cannot hold it', () => {
    for (const [key, value] of COMPACT_TABLES.DEFAULTS) {
      expect(SCHEMA_KEYS.has(key), key).toBe(true);
      for (const s of SCHEMA_KEYS.get(key)!) {
        const def = (s as unknown as { def: { type: string; defaultValue?: unknown } }).def;
        if (def.type === 'default') expect(def.defaultValue, key).toEqual(value);
        else expect(s.safeParse(value).success, `${key} has no default but could hold ${JSON.stringify(value)}`).toBe(false);
      }
    }
  });

  it('brings back the states of a conversation exactly, at a fraction of their JSON', () => {
    const h = new EngineHarness('2026-11-23T10:00:00.250+08:00');
    const states = [h.state];
    for (const text of ['我的快递有问题', '3916452812345678901', '杯子到手就碎了', '想退款', '卖家说24小时内给我答复', '/status']) {
      h.advance(7);
      h.send(text.startsWith('/') ? { type: 'command', command: text.slice(1) } : text);
      states.push(h.state);
    }
    h.tickHours(30);
    h.send('/lang en');
    h.send('resolved, thanks');
    h.send('/new');
    states.push(h.state);
    expect(h.state.closed.length).toBeGreaterThan(0);
    for (const state of states) {
      const doc = compactDoc(state);
      expect(UserState.parse(parseDoc(doc))).toEqual(state);
      expect(doc.length).toBeLessThan(JSON.stringify(state).length * 0.7);
    }
  });

  it('keeps an instant that is not in toISOString form as it was', () => {
    const state = { ...new EngineHarness().state, active: null, closed: [
      { id: 'c1', openedAt: '2026-11-22T10:00:00+08:00', closedAt: '2026-11-23T02:00:00.000Z', status: 'resolved' as const,
        orderId: null, problem: null, wants: null },
    ] };
    const doc = compactDoc(state);
    expect(doc).toContain('"2026-11-22T10:00:00+08:00"');
    expect(UserState.parse(parseDoc(doc))).toEqual(state);
  });

  it('reads a document stored as plain JSON before this form', () => {
    const plain = '{"v":2,"userId":"u1","locale":"zh-CN","localePinned":false,"timezone":null,"active":null,"closed":[],"caseSeq":3,"pending":null,"disclaimerShown":true}';
    expect(parseDoc(plain)).toEqual(JSON.parse(plain));
  });

  it('leaves out only slots that are never absent, and brings them back as null', () => {
    const { NULL_SLOTS } = COMPACT_TABLES;
    expect(NULL_SLOTS).toContain('platform');
    for (const [key, schema] of Object.entries(Slots.shape)) {
      expect(NULL_SLOTS.includes(key), key).toBe(!schema.safeParse(undefined).success && schema.safeParse(null).success);
    }
    const h = new EngineHarness();
    h.send('淘宝订单 3916452812345678901 杯子到手就碎了 想退款');
    const state = structuredClone(h.state);
    const slots = state.active!.slots;
    slots.shopName = null; // optional: null and absent are kept apart
    delete slots.businessName;
    const doc = compactDoc(state);
    expect(doc).not.toContain('"2":null'); // trackingNo
    expect(doc).toContain('"Sn":null');
    const back = UserState.parse(parseDoc(doc));
    expect(back).toEqual(state);
    expect(back.active!.slots.trackingNo).toBeNull();
    expect('businessName' in back.active!.slots).toBe(false);
  });

  it('stores a menu option the catalogue labels as its value alone, and any other option with its label', () => {
    const h = new EngineHarness();
    h.send('我的快递有问题');
    h.send('3916452812345678901');
    const zh = h.state;
    expect(zh.menus?.some((m) => m.slot === 'problem')).toBe(true);
    const doc = compactDoc(zh);
    expect(doc).not.toContain('"Lb"');
    expect(doc).not.toContain('运输破损');
    expect(doc).toContain('"damaged"');
    expect(UserState.parse(parseDoc(doc))).toEqual(zh);
    // After /lang the question is asked again in English, its options without labels too.
    h.command('lang', 'en');
    const en = h.state;
    expect(en.locale).toBe('en');
    const enDoc = compactDoc(en);
    expect(enDoc).not.toContain('"Lb"');
    expect(UserState.parse(parseDoc(enDoc))).toEqual(en);
    // Menus shown in another language than the document's keep the labels they were shown with.
    const mixed = { ...zh, locale: 'en' as const };
    const mixedDoc = compactDoc(mixed);
    expect(mixedDoc).toContain('{"Va":"damaged","Lb":"运输破损"}');
    expect(UserState.parse(parseDoc(mixedDoc))).toEqual(mixed);
    // Labels made by hand, another slot's wording, an option with more than two fields.
    const odd = {
      ...zh,
      menus: [
        { slot: 'wants' as const, options: [{ value: 'refund', label: '退钱' }, { value: 'refund_issue', label: '退款' }, { value: 'reship', label: '补发' }], value: null, question: false },
        { slot: 'language' as const, options: [{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }], value: null, question: true },
      ],
      pending: { slot: 'problem' as const, tries: 1, options: [{ value: 'damaged', label: '运输破损' }, { value: 'more', label: '其他' }], value: null },
    };
    const oddDoc = compactDoc(odd);
    expect(oddDoc).toContain('{"Va":"refund","Lb":"退钱"}');
    expect(oddDoc).toContain('"reship"');
    expect(oddDoc).toContain('"Op":["damaged","more"]');
    expect(UserState.parse(parseDoc(oddDoc))).toEqual(odd);
  });

  it('writes a menu written before again as its options are now: a label changed, a field added, another locale', () => {
    const h = new EngineHarness();
    h.send('我的快递有问题');
    h.send('3916452812345678901');
    const zh = h.state;
    const first = compactDoc(zh);
    expect(compactDoc(structuredClone(zh))).toBe(first);
    const withMenu = (options: Array<Record<string, unknown>>) => ({ ...zh, menus: [{ ...zh.menus![0]!, options }] });
    const options = zh.menus![0]!.options.map((o) => ({ ...o }));
    const relabelled = withMenu(options.map((o, i) => (i === 1 ? { ...o, label: '手写的' } : o)));
    expect(compactDoc(relabelled)).toContain(`{"Va":"${options[1]!.value}","Lb":"手写的"}`);
    const extra = withMenu(options.map((o, i) => (i === 0 ? { ...o, extra: 'x' } : o)));
    expect(compactDoc(extra)).toContain('"extra":"x"');
    const fewer = withMenu(options.slice(1));
    expect(UserState.parse(parseDoc(compactDoc(fewer)))).toEqual(UserState.parse(fewer));
    const en = { ...zh, locale: 'en' as const };
    expect(compactDoc(en)).toContain(`{"Va":"${options[0]!.value}","Lb":"${options[0]!.label}"}`);
    expect(compactDoc(zh)).toBe(first);
  });

  it('writes the working document as the state with the case lists emptied', () => {
    const h = new EngineHarness();
    h.send('我的快递有问题');
    h.send('订单号 3916452812345678901，杯子碎了，想退款');
    h.send({ type: 'media', kind: 'photo', caption: '外箱破损', fileId: 'AgAD-1' });
    const state = h.state;
    expect(state.active!.evidence.length + state.active!.timeline.length).toBeGreaterThan(1);
    const emptied = { ...state, active: { ...state.active!, evidence: [], timeline: [] } };
    expect(compactDoc(state, true)).toBe(compactDoc(emptied));
    expect(compactDoc({ ...state, active: null }, true)).toBe(compactDoc({ ...state, active: null }));
  });

  it('finds the labels the engine gives the options of every menu it opens, in both locales', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const h = new EngineHarness();
      if (locale === 'en') h.command('lang', 'en');
      const seen = new Set<string>();
      const check = () => {
        for (const m of [...(h.state.menus ?? []), ...(h.state.pending ? [h.state.pending] : [])]) {
          if (m.slot === 'language') continue; // '中文' / 'English' are not catalogue wordings
          for (const o of m.options) {
            expect(optionLabel(h.state.locale, m.slot, o.value), `${locale} ${m.slot} ${o.value}`).toBe(o.label);
            seen.add(m.slot);
          }
        }
      };
      for (const text of locale === 'zh-CN'
        ? ['我的快递有问题', '3916452812345678901', '杯子到手就碎了', '想退款', '卖家说24小时内给我答复']
        : ['my parcel has a problem', '3916452812345678901', 'the cup arrived broken', 'I want a refund', 'the seller said they will answer within 24 hours']) {
        h.advance(5);
        h.send(text);
        check();
      }
      h.tickHours(30);
      check();
      expect([...seen]).toEqual(expect.arrayContaining(['problem', 'wants']));
    }
    expect(optionLabel('zh-CN', 'wants', 'refund')).toBe('退款');
    expect(optionLabel(null, 'confirmForget', 'yes')).toBe('对');
    expect(optionLabel('en', 'problem', 'no_such_code')).toBeNull();
    expect(optionLabel('xx', 'wants', 'refund')).toBeNull();
  });

  it('reads a document the previous version stored (labels and null facts written out)', () => {
    // Stored by the version before options went without their labels (a benchmark buyer after /status).
    const previous = '~{"v":2,"A":"bench-0","B":"zh-CN","E":{"J":"c1","K":"following","L":1795399200,"M":1795399200,"N":{"X":"3916452800000000000","Y":"damaged","Z":"杯子到手就碎了","0":"refund","1":null,"2":null,"3":null,"4":null,"5":null},"R":[{"J":"c1-seller_promise","6":"seller_promise","7":1795485600,"8":1795485600}],"S":1,"Sd":{"seller":"3a3bb1b6"},"V":"seller"},"G":1,"I":true,"Me":[{"Sl":"problem","Op":[{"Va":"not_received","Lb":"没收到货 / 物流异常"},{"Va":"damaged","Lb":"运输破损"},{"Va":"wrong_item","Lb":"发错货 / 少发漏发"},{"Va":"quality","Lb":"质量问题 / 故障"},{"Va":"not_as_described","Lb":"与描述不符"},{"Va":"counterfeit","Lb":"疑似假货"},{"Va":"changed_mind","Lb":"不想要了（七天无理由）"},{"Va":"refund_issue","Lb":"退款没到 / 退款少了"},{"Va":"other","Lb":"其他"}],"Qn":true},{"Sl":"wants","Op":[{"Va":"refund","Lb":"退款"},{"Va":"return_refund","Lb":"退货退款"},{"Va":"exchange","Lb":"换货"},{"Va":"repair","Lb":"维修"},{"Va":"reship","Lb":"补发"},{"Va":"compensation","Lb":"赔偿 / 部分退款"}],"Qn":true}],"Mc":false}';
    const state = UserState.parse(parseDoc(previous));
    expect(state.menus![0]!.options[1]).toEqual({ value: 'damaged', label: '运输破损' });
    expect(state.active!.slots.platform).toBeNull();
    const now = compactDoc(state);
    expect(Buffer.byteLength(now)).toBeLessThan(Buffer.byteLength(previous) * 0.6);
    expect(UserState.parse(parseDoc(now))).toEqual(state);
  });

  it('gives an option whose wording a later catalogue lost its value as label, and still reads the document', () => {
    const doc = '~{"v":2,"A":"u1","B":"zh-CN","E":null,"Me":[{"Sl":"wants","Op":["refund","gone_code"],"Qn":true}]}';
    const state = UserState.parse(parseDoc(doc));
    expect(state.menus![0]!.options).toEqual([{ value: 'refund', label: '退款' }, { value: 'gone_code', label: 'gone_code' }]);
  });

  it('writes the same bytes as when the form was made, whatever the document holds', () => {
    // Any object: the writer follows the keys it finds (an unknown key, an odd value, a key named like the case).
    const state = {
      v: 2, userId: 'u"1', locale: 'zh-CN', localePinned: false, timezone: null,
      active: {
        id: 'c2', phase: 'collecting', openedAt: '2026-11-23T02:10:00.000Z', updatedAt: '2026-11-22', closedAt: undefined,
        slots: { orderId: '3916452812345678901', problem: null, platform: null, problemText: '碎了\n"整个"', amountPaid: 12.5, wants: null },
        evidence: [{ at: '2026-11-23T02:10:00.000Z', kind: 'photo', caption: '', fileId: 'AgAD-1', item: null }],
        timeline: [{ at: '2026-11-23T02:10:00.000Z', type: 'opened', note: '', quote: null, happenedAt: null }],
        reminders: [], skipped: [], sellerDrafts: 0, compensationPercent: null,
      },
      closed: [{ id: 'c1', openedAt: '2026-11-01T00:00:00.500Z', slots: { orderId: null, problem: 'damaged' }, evidence: [], timeline: [{ at: '2026-11-01T00:00:00.500Z', type: 'opened', note: 'x', quote: null, happenedAt: null }] }],
      caseSeq: 2,
      pending: { slot: 'wants', tries: 0, options: [{ value: 'refund', label: '退款' }, { value: 'reship', label: '手写的' }], value: null },
      menus: [{ slot: 'problem', options: [{ value: 'damaged', label: '运输破损' }, { value: 'other', label: '其他' }], question: true, value: 'orderId' }],
      zz: { a: [1, 'b', null, true, Number.NaN, [], {}], active: { evidence: [1] } },
    };
    expect(compactDoc(state, true)).toBe("~{\"v\":2,\"A\":\"u\\\"1\",\"B\":\"zh-CN\",\"E\":{\"J\":\"c2\",\"K\":\"collecting\",\"L\":1795399800,\"M\":\"2026-11-22\",\"N\":{\"X\":\"3916452812345678901\",\"Z\":\"碎了\\n\\\"整个\\\"\",\"4\":12.5}},\"F\":[{\"J\":\"c1\",\"L\":1793491200.5,\"N\":{\"Y\":\"damaged\"},\"Q\":[{\"At\":\"2026-11-01T00:00:00.500Z\",\"Ty\":\"opened\",\"No\":\"x\"}]}],\"G\":2,\"H\":{\"Sl\":\"wants\",\"Op\":[\"refund\",{\"Va\":\"reship\",\"Lb\":\"手写的\"}]},\"Me\":[{\"Sl\":\"problem\",\"Op\":[\"damaged\",\"other\"],\"Qn\":true,\"Va\":\"orderId\"}],\"zz\":{\"a\":[1,\"b\",null,true,null,[],{}],\"E\":{\"P\":[1]}}}");
    expect(compactDoc(state)).toBe("~{\"v\":2,\"A\":\"u\\\"1\",\"B\":\"zh-CN\",\"E\":{\"J\":\"c2\",\"K\":\"collecting\",\"L\":1795399800,\"M\":\"2026-11-22\",\"N\":{\"X\":\"3916452812345678901\",\"Z\":\"碎了\\n\\\"整个\\\"\",\"4\":12.5},\"P\":[{\"At\":\"2026-11-23T02:10:00.000Z\",\"Ki\":\"photo\",\"Ca\":\"\",\"Fi\":\"AgAD-1\"}],\"Q\":[{\"At\":\"2026-11-23T02:10:00.000Z\",\"Ty\":\"opened\"}]},\"F\":[{\"J\":\"c1\",\"L\":1793491200.5,\"N\":{\"Y\":\"damaged\"},\"Q\":[{\"At\":\"2026-11-01T00:00:00.500Z\",\"Ty\":\"opened\",\"No\":\"x\"}]}],\"G\":2,\"H\":{\"Sl\":\"wants\",\"Op\":[\"refund\",{\"Va\":\"reship\",\"Lb\":\"手写的\"}]},\"Me\":[{\"Sl\":\"problem\",\"Op\":[\"damaged\",\"other\"],\"Qn\":true,\"Va\":\"orderId\"}],\"zz\":{\"a\":[1,\"b\",null,true,null,[],{}],\"E\":{\"P\":[1]}}}");
  });

  it('writes a menu or a closed summary kept from turn to turn as its content reads, in the locale of the document', () => {
    const h = new EngineHarness();
    for (const text of ['我的快递有问题', '3916452812345678901', '杯子到手就碎了', '想退款']) h.send(text);
    h.command('cancel');
    h.send('3916452812345678902');
    const state = h.state;
    expect(state.closed.length).toBeGreaterThan(0);
    expect(state.menus!.length).toBeGreaterThan(0);
    const first = compactDoc(state, true);
    expect(compactDoc(state, true)).toBe(first);
    expect(compactDoc(structuredClone(state), true)).toBe(first);
    // The same objects in a document of another locale, and a menu replaced by a changed copy.
    const en = { ...state, locale: 'en' as const };
    expect(compactDoc(en, true)).toBe(compactDoc(structuredClone(en), true));
    expect(compactDoc(en, true)).not.toBe(first);
    const changed = { ...state, menus: state.menus!.map((m) => ({ ...m, question: !m.question })) };
    expect(compactDoc(changed, true)).toBe(compactDoc(structuredClone(changed), true));
    expect(compactDoc(changed, true)).not.toBe(first);
  });
});

