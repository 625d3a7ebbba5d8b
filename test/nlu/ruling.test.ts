/**
 * Trial 15 F2: reading a ruling — a remedy granted ("判商家补发", "结果：支持退货退款") is a ruling for
 * the buyer, with its sum and what it left out; only a ruling naming the seller as right is for the seller.
 */
import { describe, expect, it } from 'vitest';
import { platformRuling } from '../../src/nlu/ruling.ts';

describe('reading a ruling (F2)', () => {
  it.each([
    ['抖音介入了 判商家重新发一个', 'buyer', ['reissue'], null, []],
    ['平台判了 退260 邮费没给', 'buyer', ['refund'], 260, ['postage']],
    ['仲裁结果出来了：支持退货退款，十倍的事平台说不管', 'buyer', ['return_refund'], null, ['punitive']],
    ['小二的结果：商家补寄缺的螺丝，另外补偿我60元', 'buyer', ['reissue', 'compensation'], 60, []],
    ['判商家补差价120 说24小时内到账', 'buyer', ['price_diff'], 120, []],
    ['淘宝判了 退415 护理费不支持', 'buyer', ['refund'], 415, ['loss']],
    ['JD ruled a full refund of 450, but no compensation', 'buyer', ['refund'], 450, ['compensation']],
    ['平台判卖家无责，不退', 'seller', [], null, []],
    ['小二判咗賣家冇責任，唔使退', 'seller', [], null, []],
    ['The platform ruled for the seller', 'seller', [], null, []],
  ])('%s', (text, side, remedies, sum, denied) => {
    const r = platformRuling(text)!;
    expect(r.side).toBe(side);
    expect(r.remedies).toEqual(remedies);
    expect(r.sum).toBe(sum);
    expect(r.denied).toEqual(denied);
  });

  it.each(['结果今天收到打开一看屏幕裂了，要退货退款', '检测结果出来了 退款吧', '商家说补发，我申请了平台介入'])('%s: no ruling', (text) => {
    expect(platformRuling(text)).toBeNull();
  });
});

describe('a part the platform would not handle', () => {
  it.each([
    ['小二判了退款800，十倍的赔偿平台不处理', 'punitive'],
    ['平台判了退货退款，运费险那块平台不受理', 'postage'],
  ])('%s: denied', (text, code) => {
    expect(platformRuling(text)?.denied).toContain(code);
  });
});

describe('a win said in so many words', () => {
  it.each(['申诉成功了，谢谢', '复议已经通过', '拼多多判买家胜', '小二支持了我', 'I won the dispute'])('%s: for the buyer, no remedy named', (text) => {
    expect(platformRuling(text)).toEqual({ side: 'buyer', remedies: [], sum: null, moneyRemedy: null, denied: [], deniedMultiple: null });
  });

  it('keeps the remedies and sums named beside it', () => {
    expect(platformRuling('仲裁通过了，判商家退我340')).toMatchObject({ side: 'buyer', remedies: ['refund'], sum: 340 });
  });

  it('outweighs a rejection told beside it', () => {
    expect(platformRuling('商家的申诉被驳回了，平台判我赢')?.side).toBe('buyer');
  });

  it('is read beside a court named, where a court\'s judgment is not', () => {
    expect(platformRuling('法院判了退款2300')).toBeNull();
    expect(platformRuling('仲裁通过了，不用上法院了')).toMatchObject({ side: 'buyer', remedies: [] });
  });
});
