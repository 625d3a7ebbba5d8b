/**
 * Trial 7, problem 9: a long pasted chat log is evidence. The letters' problem line is the buyer's
 * own sum-up, never the announcing line or the shop's turns, and never cut mid-sentence; the case
 * record keeps the buyer's statement, not the log.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const turns = Array.from({ length: 18 }, (_, i) =>
  `[2026-04-${String(i + 2).padStart(2, '0')} 10:0${i % 10}] 客服：亲，物流那边在催了，请再耐心等等哦～ 我：第${i + 3}天了，快递还卡在中转站。`);
const PASTE = ['下面是我和商家客服的聊天记录：', ...turns, '一句话，快递在中转站卡了快三个星期，一直没有送到我手上。'].join('\n');

describe('a pasted chat log and the letters (trial 7, problem 9)', () => {
  it('the problem line is the buyer\'s sum-up', () => {
    const h = new EngineHarness('2026-04-22T10:00:00+08:00');
    h.send(PASTE);
    h.send('订单号 4471928305561827364');
    const out = h.send('退款');
    const seller = drafts(out, 'seller')[0]!.text;
    const problem = seller.split('\n').find((l) => l.startsWith('问题是：'))!;
    expect(problem).toBe('问题是：快递在中转站卡了快三个星期，一直没有送到我手上。');
    expect(seller).not.toMatch(/聊天记录|请再耐心等等|\[2026-04/u);
  });
});
