/**
 * perf8b: the speed work's shortcuts answer as the long way did (the long way is written out here).
 */
import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../src/drafts/words.ts';
import { logStatement } from '../../src/nlu/chat-log.ts';
import { normalizeAligned } from '../../src/nlu/normalize.ts';
import { yesNo } from '../../src/nlu/signals.ts';
import { scan } from '../../src/nlu/scan.ts';
import { en } from '../../src/nlu/lexicon/en.ts';
import { zh } from '../../src/nlu/lexicon/zh.ts';
import { freshState, step } from '../../src/engine/engine.ts';
import { typedAnswer } from '../../src/engine/menus.ts';
import type { Inbound, UserState } from '../../src/domain/index.ts';

/** The fold table and the Traditional check as toSimplified built them before (a Map and a Set per character). */
const HAN = Array.from({ length: 0x9fff - 0x3400 + 1 }, (_, i) => String.fromCharCode(0x3400 + i));
const FOLDED = normalizeAligned(HAN.join(''));
const FOLD = new Map(HAN.map((ch, i) => [ch, FOLDED[i]!] as const).filter(([ch, to]) => ch !== to));
const AMBIGUOUS = new Set([...'著乾於藉瞭餘徵覆甚麼隻鍾沖瀋蘋摺夥'].filter((c) => FOLD.has(c)));
function toSimplifiedBefore(text: string): string {
  let traditional = false;
  for (const ch of text) if (FOLD.has(ch) && !AMBIGUOUS.has(ch)) traditional = true;
  if (!traditional) return text;
  let out = '';
  for (const ch of text) out += FOLD.get(ch) ?? ch;
  return out;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const k in o) deepFreeze((o as Record<string, unknown>)[k]);
  }
  return o;
}

describe('perf8b: shortcuts give the same answers', () => {
  it('toSimplified: every BMP Han character alone and beside Simplified text, and astral characters', () => {
    for (let c = 0x3400; c <= 0x9fff; c++) {
      const ch = String.fromCharCode(c);
      expect(toSimplified(ch)).toBe(toSimplifiedBefore(ch));
      expect(toSimplified(`杯子${ch}了😭`)).toBe(toSimplifiedBefore(`杯子${ch}了😭`));
    }
    for (const text of ['', 'abc', '𠀀𠀁 訂單', '著名的乾坤', '於是壞了', '𪚥'])
      expect(toSimplified(text)).toBe(toSimplifiedBefore(text));
  });

  it('logStatement: a text without a colon is no log; with one, it is read as before', () => {
    expect(logStatement('客服 亲，在途中哦\n我 一周了还没到\n客服 再等等\n反正就是一直没收到货')).toBeUndefined();
    expect(logStatement('杯子到手就碎了')).toBeUndefined();
    expect(logStatement('聊天记录如下：\n客服：亲，在途中哦\n我：一周了还没到\n客服：再等等\n反正就是一直没收到货')).toBe('反正就是一直没收到货');
    expect(logStatement('客服: 亲，在途中哦 我: 一周了还没到 客服: 再等等')).toBe(
      logStatement('客服: 亲，在途中哦 我: 一周了还没到 客服: 再等等'.replace(/: /g, '：')),
    );
  });

  it('yesNo: the first-character index answers as the scan over every word, longest first', () => {
    const words = [
      ...[...zh.yes, ...en.yes, 'no problem', '没问题'].map((w) => [w, 'yes'] as const),
      ...[...zh.no, ...en.no].map((w) => [w, 'no'] as const),
    ].sort((a, b) => b[0].length - a[0].length);
    const boundary = /^(?:$|[\s,，.。!！~～?？、:：;；)）啊呀哦哈的了啦吧呢嘛]|[\u{1F300}-\u{1FAFF}\u2600-\u27BF])/u;
    const before = (text: string) => {
      const t = scan(text).norm.trim();
      if (t.length === 0 || t.length > 40) return null;
      for (const [w, a] of words) if (t.startsWith(w) && boundary.test(t.slice(w.length))) return a;
      return null;
    };
    const texts = words.flatMap(([w]) => [w, `${w}。`, `${w}的`, `${w}x`, ` ${w}，就是这个`]);
    texts.push('对方不理我', 'nope', 'No problem!', '', '   ', 'x'.repeat(50));
    for (const text of texts) expect(yesNo(scan(text)), text).toBe(before(text));
  });

  it('typedAnswer: a label or code in any case, as before (labels of another length are not lowercased)', () => {
    const state = { ...freshState('u1'), menus: [{ slot: 'wants', options: [{ value: 'refund', label: '退款' }, { value: 'exchange', label: 'Exchange İt' }], value: null, question: false }] } as UserState;
    expect(typedAnswer(state, 'REFUND')?.value).toBe('refund');
    expect(typedAnswer(state, '退款。')?.value).toBe('refund');
    expect(typedAnswer(state, 'exchange i̇t')?.value).toBe('exchange');
    expect(typedAnswer(state, 'exchange it')).toBeNull();
  });

  it('step never writes to the state it is given (menus and closed cases are shared with the copy)', () => {
    const turns: Inbound[] = [
      { type: 'text', text: '我的快递有问题' },
      { type: 'text', text: '订单号 3916452812345678901' },
      { type: 'text', text: '杯子到手就碎了' },
      { type: 'text', text: '1' },
      { type: 'choice', slot: 'wants', value: 'refund' },
      { type: 'text', text: '卖家说24小时内给我答复' },
      { type: 'command', command: 'status' },
      { type: 'command', command: 'new' },
      { type: 'text', text: '衣服和图片不一样' },
      { type: 'text', text: '退货退款' },
      { type: 'command', command: 'cases' },
      // The parked cup case is named, then the clothes case cancelled: the cup case is followed again.
      { type: 'text', text: '杯子那个卖家还没回' },
      { type: 'command', command: 'cancel' },
    ];
    let state = freshState('u1');
    const now = new Date('2026-11-23T02:00:00Z');
    // A write to the frozen input (or to a menu or summary the copy shares) throws in a module.
    let menusSeen = 0;
    for (const inbound of turns) {
      state = step(deepFreeze(state), inbound, now, { timezone: 'Asia/Shanghai' }).state;
      menusSeen = Math.max(menusSeen, state.menus?.length ?? 0);
    }
    expect(state.closed.length).toBeGreaterThan(0);
    expect(menusSeen).toBeGreaterThan(0);
  });

  it('step never writes to a timeline entry of the state it is given (a counter-offer turned down is a new entry)', () => {
    const turns = ['淘宝订单 3916452812345678901 台灯到手灯罩裂了 想退款', '卖家说只能退一半，理由是快递摔的跟店里无关', '不接受，我要找平台'];
    let state = freshState('u1');
    const now = new Date('2026-11-23T02:00:00Z');
    for (const text of turns) state = step(deepFreeze(state), { type: 'text', text }, now, { timezone: 'Asia/Shanghai' }).state;
    expect(state.active?.timeline.find((e) => e.type === 'seller_counter_offer')?.note.split(' ')).toContain('refused');
  });
});
