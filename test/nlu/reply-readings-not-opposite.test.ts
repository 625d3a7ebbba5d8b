/**
 * The reading guessed first for a seller's (or platform's) answer is never its opposite (trial 16 F21,
 * F4, F20): one remedy and the rest refused is less than asked, disowning a fault is a refusal, the
 * platform saying it cannot refund is its refusal, and how the buyer paid is no offer to settle off
 * the platform. The words the seller said end where the buyer's own report starts, and a day the
 * buyer gives their own step, or one inside the quoted words, does not date the answer.
 */
import { describe, expect, it } from 'vitest';
import { eventDay, reportedReason, returnReceipt } from '../../src/nlu/buyer-report.ts';
import { extract } from '../../src/nlu/index.ts';

const reply = (text: string) => extract(text).sellerReply;

describe('one remedy granted and the rest refused', () => {
  it('is a counter-offer, not an agreement', () => {
    expect(reply('店家说只能退货 运费险不会赔')).toBe('counter_offer');
    expect(reply('客服回复：仅可以退款，不会额外补偿')).toBe('counter_offer');
    expect(reply('商家话淨係可以換貨 唔會賠錢')).toBe('counter_offer');
  });
});

describe('the seller disowning the fault', () => {
  it('is a refusal alone', () => {
    expect(reply('老板说漏水跟他们没关系 是我装错了')).toBe('refuses');
    expect(reply('客服表示屏幕划痕不关我们的事')).toBe('refuses');
  });

  it('after something granted is agreement to less', () => {
    expect(reply('师傅说可以再上门调一次 但噪音跟他们没关系 出厂就这样')).toBe('counter_offer');
    expect(reply('店家说同意补发配件，不过外壳裂了跟我们没有关系')).toBe('counter_offer');
  });
});

describe('the platform saying it cannot refund', () => {
  it('is the platform\'s refusal, not a case in process', () => {
    expect(reply('快手客服说：订单已完成，平台无法退款')).toBe('platform_for_seller');
    expect(reply('小二回复 平台不予支持 请与商家协商')).toBe('platform_for_seller');
  });
});

describe('how the buyer paid', () => {
  it('is no offer of a private transfer', () => {
    expect(reply('没有单号 我是支付宝转账的')).toBeNull();
    expect(reply('钱是我微信转账给他的 没走平台')).not.toBe('private_deal');
  });

  it('while the seller asking for one still is', () => {
    expect(reply('卖家让我撤销售后 他微信转我30')).toBe('private_deal');
  });
});

describe('the words the seller said', () => {
  it('end where the buyer tells how their own try went', () => {
    expect(reportedReason('店家说是配送员洒的 叫我去找配送员 配送员电话一直联系不上')).toBe('是配送员洒的 叫我去找配送员');
    expect(reportedReason('卖家说是物流的问题 让我找顺丰 顺丰客服打不通')).toBe('是物流的问题 让我找顺丰');
  });

  it('are kept whole or not at all, never cut inside a clause', () => {
    const long = '卖家说仓库那边发货前都检查过 有出库记录 让我自己联系物流 把手柄松的说是运输正常晃动不算质量问题';
    const r = reportedReason(long)!;
    expect(r.endsWith('不算质量问题')).toBe(true);
    const endless = `店家说${'这款台灯属于特价清仓商品售出之后概不退换'.repeat(4)}`;
    const cut = reportedReason(endless);
    expect(cut === null || endless.includes(`${cut}，`) || endless.endsWith(cut)).toBe(true);
  });

  it('leave out an earlier promise the story goes on from', () => {
    expect(reportedReason('客服说包教包会 结果上了三节课说不能退') ?? '').not.toContain('包教包会');
    expect(reportedReason('店家说保证次日达 后来又说仓库缺货 不发了') ?? '').not.toContain('次日达');
  });
});

describe('the day of a reported answer', () => {
  const now = new Date('2026-12-06T10:00:00+08:00');
  const day = (text: string) => eventDay(text, now, 'Asia/Shanghai', true);

  it('is not a day the buyer gives their own step', () => {
    expect(day('我12月1号提交的售后 店家说定制商品不退')).toBeNull();
    expect(day('12月2号申请的换货，商家一直拒绝')).toBeNull();
  });

  it('is not a day inside the words quoted', () => {
    expect(day('京东客服回复：该服务已于11月30日完成，平台无法退款')).toBeNull();
    expect(day('卖家说：“商品11月29日已签收，不支持七天无理由”')).toBeNull();
  });

  it('is still one told before the words', () => {
    expect(day('12月3号客服回复：不支持退款')).toBe('2026-12-03');
  });

  it('while the buyer\'s own step alone keeps its day', () => {
    expect(eventDay('我12月4号申请了平台介入', now, 'Asia/Shanghai')).toBe('2026-12-04');
    expect(day('我12月4号申请了平台介入')).toBe('2026-12-04');
  });
});

describe('the seller saying the return arrived', () => {
  const now = new Date('2026-12-06T10:00:00+08:00');
  it('is the seller\'s word, not a signing seen', () => {
    expect(returnReceipt('店家说寄回的鞋收到了 但是鞋底磨损了', now, 'Asia/Shanghai', true)).toEqual({ day: null, said: true });
    expect(returnReceipt('商家已签收退货', now, 'Asia/Shanghai', true)).toEqual({ day: null });
  });
});
