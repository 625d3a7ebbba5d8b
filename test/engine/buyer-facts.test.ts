/**
 * The case record takes only what the buyer said happened (trial report items 1, 2, 4, 8, 10,
 * 12, 21): a remark, a question or the seller's words never change the paid amount or the wish;
 * a date the seller signed for a return is not the buyer's receipt; the amounts the buyer gave
 * reach the letters; a correction of who is at fault changes the problem; a question the case does
 * not need is asked at most once more; a waybill sent after a return was agreed is the return's.
 * Every sentence here is invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { emptyExtraction } from '../../src/nlu/index.ts';
import { CONFIRM_CONFIDENCE, ACT_CONFIDENCE } from '../../src/nlu/confidence.ts';
import { freshState } from '../../src/engine/engine.ts';
import { openCase, startFollowing } from '../../src/engine/case.ts';
import { follow } from '../../src/engine/follow.ts';
import { Turn } from '../../src/engine/turn.ts';
import { EngineHarness, drafts, questions } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '5820137946120458733';
const keys = (out: Outbound[]) => out.map((m) => m.key);
const texts = (out: Outbound[]) => out.map((m) => m.text).join('\n');

function opened(text: string, h = new EngineHarness('2026-12-02T10:00:00+08:00')): EngineHarness {
  h.send(text);
  expect(h.state.active!.phase).toBe('following');
  return h;
}

const RETURN_CASE = `淘宝订单 ${ORDER}，电饭锅内胆涂层一周就掉了，想退货退款`;

describe('a remark, a question or the seller\'s words are not the buyer\'s facts', () => {
  it('a scornful remark about the seller\'s small offer changes neither the amount nor the wish', () => {
    const h = opened(RETURN_CASE);
    h.send('卖家说送我一张3元代金券，叫我别退了');
    const out = h.send('3块钱就想打发我啊');
    const s = h.state.active!.slots;
    expect(s.wants).toBe('return_refund');
    expect(s.amountPaid).toBeNull();
    expect(keys(out)).not.toContain('amend.redraft');
    expect(drafts(out)).toHaveLength(0);
  });

  it('a question about who pays the return shipping is not a new wish for compensation', () => {
    const h = opened(RETURN_CASE);
    h.send('平台站我这边了，让商家给我退货退款');
    const out = h.send('寄回去的快递费谁付啊');
    expect(h.state.active!.slots.wants).toBe('return_refund');
    expect(drafts(out)).toHaveLength(0);
    expect(texts(out)).not.toContain('部分退款');
  });

  it('the seller\'s demand that the buyer pay the shipping, asked about, is not the buyer\'s concession', () => {
    const h = opened(RETURN_CASE);
    const out = h.send('商家说要我自己出邮费寄回去，这样合理吗？');
    expect(h.state.active!.slots.wants).toBe('return_refund');
    expect(drafts(out, 'seller').filter((d) => d.key === 'draft.compensation')).toHaveLength(0);
    expect(texts(out)).not.toContain('我可以接受部分退款');
  });

  it('a message whose seller reading was held for confirmation keeps its amounts and remedies out of the record', () => {
    const t = new Turn(freshState('u1'), new Date('2026-12-02T10:00:00+08:00'), { timezone: 'Asia/Shanghai' });
    const c = startFollowing(t, Object.assign(openCase(t), {}));
    Object.assign(c.slots, { orderId: ORDER, problem: 'quality', wants: 'return_refund' });
    const e = {
      ...emptyExtraction(),
      wants: 'compensation' as const,
      amountPaid: 8,
      evidence: { wants: { span: '补偿', confidence: (CONFIRM_CONFIDENCE + ACT_CONFIDENCE) / 2 } },
    };
    const r = follow(t, c, e, '店家回我说补偿8块，不行就算了', { heldReply: true });
    expect(r.tag).not.toBe('amended');
    expect(c.slots).toMatchObject({ wants: 'return_refund', amountPaid: null });
  });

  it('the buyer\'s own changed wish, said plainly, still changes the letter', () => {
    const h = opened(RETURN_CASE);
    const out = h.send('算了 不退货了 直接换一个新的吧');
    expect(h.state.active!.slots.wants).toBe('exchange');
    expect(drafts(out, 'seller')).toHaveLength(1);
  });
});

describe('amounts: only what the buyer says they paid or got back', () => {
  it('a bare number after "付的" or "只退了" is an amount, and the short-refund letter shows the figures', () => {
    const h = opened(`天猫订单 ${ORDER}，退货寄回去十天了，钱还没退，想要退款`);
    h.send('这单我付的259，今天到账了只退了229 差了30');
    expect(h.state.active!.slots).toMatchObject({ amountPaid: 259, amountRefunded: 229 });
    const letter = drafts(h.send('退款少了'))[0]!.text;
    for (const figure of ['259', '229', '30']) expect(letter).toContain(figure);
  });

  it('a refund and the shortfall the buyer names give the price paid', () => {
    const h = opened(`天猫订单 ${ORDER}，退货寄回去十天了，钱还没退，想要退款`);
    h.send('钱退回来了 只有229 少了30');
    expect(h.state.active!.slots).toMatchObject({ amountPaid: 259, amountRefunded: 229 });
  });

  it('the price after the item bought reaches the 12315 letter instead of a blank to fill', () => {
    const h = opened(`在京东买的电动牙刷 329 用了三天就充不进电 订单号 ${ORDER} 想退款`);
    expect(h.state.active!.slots.amountPaid).toBe(329);
    const letter = drafts(h.send('我要去12315投诉'), 'regulator')[0]!.text;
    expect(letter).toContain('329');
    expect(letter).not.toContain('【请填写：实付金额】');
  });

  it('"付的 N" given later while following is taken', () => {
    const h = opened(RETURN_CASE);
    h.send('用信用卡付的899');
    expect(h.state.active!.slots.amountPaid).toBe(899);
  });

  it('numbers that are sizes, weights or models are not amounts', () => {
    const h = opened(`拼多多订单 ${ORDER}，买的5斤苹果烂了一半，还有买的41码鞋子也发错了，想退款`);
    expect(h.state.active!.slots.amountPaid).toBeNull();
  });
});

describe('a date the seller signed for the returned parcel', () => {
  it('is not the buyer\'s receipt date, and no letter says the goods were signed for then', () => {
    const h = opened(`天猫订单 ${ORDER}，退货寄回去十天了，钱还没退，想要退款`);
    const out = h.send('11月22号用中通寄回的 卖家11月24号就签收了');
    expect(h.state.active!.slots.receivedOn).toBeNull();
    expect(texts(out)).not.toContain('签收。');
    expect(texts(h.send('申请平台介入'))).not.toContain('商品于');
  });

  it('the buyer\'s own signing still is', () => {
    const h = opened(`天猫订单 ${ORDER}，羽绒服拉链坏了，想退货退款`);
    h.send('我是11月24号签收的');
    expect(h.state.active!.slots.receivedOn).toBe('2026-11-24');
  });
});

describe('what the buyer wants, as they said it', () => {
  it('money back for the broken part only is a partial refund, with the share the buyer named', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(`抖音订单 ${ORDER}，一箱猕猴桃到了有一半是烂的`);
    h.send('烂掉的那部分退钱给我就行 差不多一半');
    expect(h.state.active!.slots.wants).toBe('compensation');
    expect(h.state.active!.compensationPercent).toBe(50);
  });

  it('a compensation sum the buyer names is kept and written in the letter', () => {
    const h = opened(RETURN_CASE);
    const out = h.send('算了不寄了 补偿我点钱就好 退25块吧');
    expect(h.state.active!.slots.wants).toBe('compensation');
    expect(h.state.active!.slots.amountPaid).toBeNull();
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain('25');
    expect(letter).not.toContain('请您提出具体金额');
  });

  it('the first choice wins when the buyer names a fallback', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(`拼多多订单 ${ORDER}，显示签收了但我没拿到`);
    h.send('我想要退款 要不然就再给我补寄一个');
    expect(h.state.active!.slots.wants).toBe('refund');
  });
});

describe('a correction of who is at fault, and a question the case does not need', () => {
  /** The correction makes the problem a wrong item, and the letter that follows drops the old reason. */
  function correctedToWrongItem(h: EngineHarness, correction: string, oldWords: string): Outbound[] {
    const out = h.send(correction);
    expect(h.state.active!.slots.problem).toBe('wrong_item');
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).not.toContain(oldWords);
    expect(letter).not.toContain('退货原因');
    return out;
  }

  it('"they sent the wrong size" turns a no-reason return into a wrong item, and the receipt date is no longer asked', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(`淘宝订单 ${ORDER} 运动鞋偏小穿着挤脚 想换大一码`);
    expect(h.state.active!.slots.problem).toBe('changed_mind');
    const out = correctedToWrongItem(h, '不对 我看了鞋舌上印的是39 我拍的是40 是店家发错了', '偏小');
    expect(questions(out).map((q) => q.slot)).not.toContain('receivedOn');
  });

  it('the same correction after the letters went out re-issues the letter for a wrong item', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(`淘宝订单 ${ORDER} 外套颜色不喜欢 想退货退款`);
    h.send('11月30日签收的');
    expect(h.state.active!.phase).toBe('following');
    correctedToWrongItem(h, '刚发现吊牌上写的是卡其色 我下单的是黑色 是商家发错了', '不喜欢');
  });

  it('the receipt date is asked at most once more; the next other message moves on', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(`淘宝订单 ${ORDER} 裙子颜色不喜欢 想退货退款`);
    expect(h.state.pending?.slot).toBe('receivedOn');
    const again = h.send('我也记不太清了');
    expect(questions(again).map((q) => q.slot)).toEqual(['receivedOn']);
    const out = h.send('卖家说可以退 让我寄回去');
    expect(h.state.active!.phase).toBe('following');
    expect(h.state.active!.skipped).toContain('receivedOn');
    expect(questions(out).map((q) => q.slot)).not.toContain('receivedOn');
  });

  it('a photo counts as another message too', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(`淘宝订单 ${ORDER} 裙子颜色不喜欢 想退货退款`);
    h.send('嗯');
    h.send({ type: 'media', kind: 'photo', caption: '吊牌完好' });
    expect(h.state.active!.phase).toBe('following');
  });

  it('the order\'s own waybill, told with a wish to return the goods, stays the order\'s', () => {
    const h = opened(`Taobao order ${ORDER}, tracking YT5520918374620, the kettle leaks, I want to return it for a refund`);
    expect(h.state.active!.slots.trackingNo).toBe('YT5520918374620');
    expect(h.state.active!.slots.returnTrackingNo ?? null).toBeNull();
    h.send('快递被退回了 单号YT5520918374621');
    expect(h.state.active!.slots.returnTrackingNo ?? null).toBeNull();
  });

  it('a waybill sent after the seller agreed to a return is the return\'s, not the order\'s', () => {
    const h = opened(`淘宝订单 ${ORDER} 收到的衬衫是M码 我买的是L码 发错了 想换货`);
    h.send('卖家同意换了，让我寄回去');
    const out = h.send('已经寄出了 单号YT8812734650192');
    const s = h.state.active!.slots;
    expect(s.trackingNo).toBeNull();
    expect(s.returnTrackingNo).toBe('YT8812734650192');
    expect(drafts(out)).toHaveLength(0);
    // A later letter names it as the return parcel's, never as the order's waybill.
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('退货快递单号：YT8812734650192');
    expect(letter).not.toMatch(/(?:^|\n)快递单号：YT8812734650192/);
  });
});

describe('the problem told again with more detail while collecting', () => {
  it('keeps the detail in the letter and asks for the wish without calling the answer unusable', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(`拼多多 ${ORDER}`);
    h.send('鞋码错了');
    const out = h.send('订的42码到的是40码');
    expect(texts(out)).toContain('42码');
    expect(texts(out)).not.toContain('还没看出');
    expect(questions(out).at(-1)?.slot).toBe('wants');
    const letter = drafts(h.send('换货'), 'seller').map((m) => m.body ?? m.text).join('\n');
    expect(letter).toMatch(/鞋码错了.*订的42码.*40码/u);
  });

  it('adds nothing the problem words already say', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(`拼多多 ${ORDER}`);
    h.send('下单选的深蓝色，寄来的是黑色');
    h.send('颜色不对');
    expect(h.state.active!.slots.problemText).toBe('下单选的深蓝色，寄来的是黑色');
  });

  it('adds nothing to a change of mind: what the buyer says of the item then is no fault of it', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(`淘宝 ${ORDER} 毛衣不想要了`);
    expect(h.state.active!.phase).toBe('collecting');
    const before = h.state.active!.slots.problemText;
    h.send('不想要了，包装都没拆，吊牌还在');
    expect(h.state.active!.slots.problemText).toBe(before);
  });
});
