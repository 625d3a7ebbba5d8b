/**
 * The buyer's own sum stays with the wish (buyer trial 4, section 5): a price difference asked
 * back, or a refund for the part that never came, is written with its amount in every letter,
 * never as "合理补偿" or a plain "退款" a reviewer would read as the whole order.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ORDER = '7730291846502918374';

describe('a sum the buyer names goes into the wish of every letter', () => {
  it('a price difference asked back: the seller and the platform letters name it', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    const out = h.send(`拼多多订单 ${ORDER}，吹风机付了259元，三天后同一家降到189元，差了七十块，想退差价`);
    expect(h.state.active!.compensationAmount).toBe(70);
    const seller = drafts(out, 'seller')[0]!.text;
    expect(seller).toContain('70 元');
    const platform = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(platform).toContain('我的诉求：部分退款 70 元');
    expect(platform).not.toContain('合理补偿');
  });

  it('a refund for the missing part only: "退款 150 元", and a later wish without a sum drops it', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(`1688订单 ${ORDER}，30包纸巾少了5包，要补发`);
    h.send('申请平台介入');
    const changed = drafts(h.send('不要补发了，缺的5包直接退款吧，一共150元'), 'platform')[0]!.text;
    expect(changed).toContain('我的诉求：退款 150 元');
    const again = drafts(h.send('还是换成退货退款吧'), 'platform')[0]!.text;
    expect(again).not.toContain('150 元');
  });
});

describe('a sum the seller agreed to', () => {
  it('"同意退我N元，今晚退" is recorded with its sum and its time: the refund check falls due then, and the letter names both the wish and the agreement', () => {
    const h = new EngineHarness('2026-12-02T19:00:00+08:00');
    h.send(`闲鱼订单 ${ORDER}，二手耳机说是全新的，收到外壳磨花了，不想退回，给我补偿点钱就行`);
    const out = h.send('卖家同意退150给我，今天晚上就处理');
    expect(out.map((m) => m.key)).toEqual(['seller.agreesSumBy']);
    expect(out[0]!.text).toContain('¥150.00');
    const due = h.state.active!.reminders.find((r) => r.reason === 'refund_arrival')!;
    expect(due.deadline).toBe('2026-12-02T16:00:00.000Z'); // midnight in Shanghai, not three working days later
    h.advance(60 * 40);
    const platform = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(platform).toContain('我的诉求：部分退款 150 元');
    expect(platform).toContain('卖家答复：同意退款 150 元');
  });
});
