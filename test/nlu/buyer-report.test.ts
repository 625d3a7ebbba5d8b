/**
 * What a buyer's report says beside the seller's reply code (src/nlu/buyer-report.ts). The
 * messages are written for this test.
 */
import { describe, expect, it } from 'vitest';
import {
  asksQuestion, businessInfo, buyerApplied, compensationAmount, eventDay, lossAmount, offersLess, privateSellerSaid,
  quotedSpeech, reportedReason, reportsOthersWords, saysNotShipped, sellerBlamesCourier, cutOff, shortfallAmount,
} from '../../src/nlu/index.ts';

const NOW = new Date('2026-12-01T09:00:00+08:00');
const TZ = 'Asia/Shanghai';

describe('buyer reports', () => {
  it('eventDay: a past day the buyer named, resolved in their timezone; today or none is null', () => {
    expect(eventDay('昨天我申请了介入', NOW, TZ)).toBe('2026-11-30');
    expect(eventDay('前天商家回我说不行', NOW, TZ)).toBe('2026-11-29');
    expect(eventDay('11月27日客服拒绝了', NOW, TZ)).toBe('2026-11-27');
    expect(eventDay('I applied yesterday', NOW, TZ)).toBe('2026-11-30');
    expect(eventDay('今天卖家拒绝了', NOW, TZ)).toBeNull();
    expect(eventDay('卖家拒绝了', NOW, TZ)).toBeNull();
    // 00:30 in Shanghai is still the previous day in UTC: "昨天" counts from the buyer's day.
    expect(eventDay('昨天申请了介入', new Date('2026-12-01T00:30:00+08:00'), TZ)).toBe('2026-11-30');
  });

  it("buyerApplied: the buyer's own application, not a wish for one", () => {
    expect(buyerApplied('我已经申请平台介入了')).toBe(true);
    expect(buyerApplied('刚提交了客服仲裁')).toBe(true);
    expect(buyerApplied('I have already applied for platform intervention')).toBe(true);
    expect(buyerApplied('行 我就去申请了平台介入')).toBe(true);
    expect(buyerApplied('我想申请平台介入')).toBe(false);
    expect(buyerApplied('怎么申请介入')).toBe(false);
  });

  it('quotedSpeech: words after a speaker with a colon or quote marks; a summary is no quote', () => {
    expect(quotedSpeech('商家回复：“这个不属于质量问题”')).toBe('这个不属于质量问题');
    expect(quotedSpeech('The seller said: "no returns on sale items"')).toBe('no returns on sale items');
    expect(quotedSpeech('卖家拒绝了')).toBeNull();
    expect(quotedSpeech('卖家说不行')).toBeNull();
    // The listener between speaker and verb, or after it, still marks quoted words.
    expect(quotedSpeech('店家回我：“下周统一处理”')).toBe('下周统一处理');
    expect(quotedSpeech('客服跟我说：「要先寄回来」')).toBe('要先寄回来');
    expect(quotedSpeech('The seller replied to me: "wait for the warehouse"')).toBe('wait for the warehouse');
  });

  it('reportedReason: the seller\'s reason in the buyer\'s words; the refusal itself or the buyer\'s own words are none', () => {
    expect(reportedReason('店家不同意换，说是我自己摔坏的')).toBe('是我自己摔坏的');
    expect(reportedReason('客服拒绝了 称这属于人为损坏')).toBe('这属于人为损坏');
    expect(reportedReason('卖家说不给退')).toBeNull();
    expect(reportedReason('我说了好几次他也不理')).toBeNull();
  });

  it('cutOff: blocked', () => {
    expect(cutOff('店家把我拉黑了').blocked).toBe(true);
    expect(cutOff('卖家不理我').blocked).toBe(false);
  });

  it('sellerBlamesCourier and offersLess', () => {
    expect(sellerBlamesCourier('店家说是物流压坏的，跟他们无关')).toBe(true);
    expect(sellerBlamesCourier('客服让我去找快递理赔')).toBe(true);
    expect(sellerBlamesCourier('店家叫我自己去问物流 说不关他们事')).toBe(true);
    expect(sellerBlamesCourier('快递到得很慢')).toBe(false);
    expect(sellerBlamesCourier('店家回复：“物流压的，跟我们没关系”')).toBe(true);
    expect(sellerBlamesCourier('快递压扁了，卖家说会处理')).toBe(false);
    expect(offersLess('商家说最多补偿二十块')).toBe(true);
    expect(offersLess('卖家只同意换货')).toBe(true);
    expect(offersLess('我只能退款了吗')).toBe(false);
  });

  it('not shipped, private seller, loss', () => {
    expect(saysNotShipped('下单一周了还没发货')).toBe(true);
    expect(saysNotShipped('The order has not been shipped yet')).toBe(true);
    expect(saysNotShipped('发货很快，但是坏了')).toBe(false);
    expect(privateSellerSaid('对方是个人卖家，自用闲置')).toBe(true);
    expect(privateSellerSaid('这是闲鱼上的企业店')).toBe(false);
    expect(privateSellerSaid('闲鱼买的')).toBeNull();
    expect(privateSellerSaid('卖家说是自用的，才用了三个月')).toBe(true);
    expect(privateSellerSaid('在转转上从个人手里收的相机')).toBe(true);
    // The goods called used or refurbished say nothing of who sold them; nor does the buyer's own use.
    expect(privateSellerSaid('说是全新的，到手是二手翻新货')).toBeNull();
    expect(privateSellerSaid('The blender looks second-hand, scratches everywhere')).toBeNull();
    expect(privateSellerSaid('买来自己用的，不是转卖')).toBeNull();
    expect(lossAmount('吃完住院了，医药费花了1200元')).toBe(1200);
    expect(lossAmount('实付59元')).toBeNull();
  });

  it('businessInfo: name, address and shop from a licence, labelled or not', () => {
    expect(businessInfo('企业名称：苏州某某家居有限公司 地址：江苏省苏州市吴中区某某路9号')).toEqual({
      name: '苏州某某家居有限公司', address: '江苏省苏州市吴中区某某路9号', shop: null,
    });
    expect(businessInfo('苏州某某家居有限公司，江苏省苏州市吴中区某某路9号')).toMatchObject({ name: '苏州某某家居有限公司', address: '江苏省苏州市吴中区某某路9号' });
    expect(businessInfo('店名：某某家居旗舰店')).toEqual({ name: null, address: null, shop: '某某家居旗舰店' });
    expect(businessInfo('好的我去看看')).toEqual({ name: null, address: null, shop: null });
  });
});

describe('whose facts a message states', () => {
  it.each([
    // The seller's words, demand or offer reported, not the buyer's own.
    [reportsOthersWords, '店家说让我自己承担寄回的邮费', true],
    [reportsOthersWords, '客服要我先拍个视频过去', true],
    [reportsOthersWords, '佢話聽日先覆', true],
    [reportsOthersWords, 'the seller said I have to pay for the return', true],
    [reportsOthersWords, '我跟卖家说了我要退货退款', false],
    [reportsOthersWords, '杯子裂了一条缝', false],
    // A question or a remark.
    [asksQuestion, '退回去的邮费谁承担', true],
    [asksQuestion, '这样处理合理吗？', true],
    [asksQuestion, '8块钱就想打发我呢', true],
    [asksQuestion, '凭什么让我出运费', true],
    [asksQuestion, '我想换一个新的', false],
    [asksQuestion, '只退了120 少了40', false],
  ])('%o: %s → %s', (read, text, yes) => {
    expect(read(text)).toBe(yes);
  });

  it.each([
    [shortfallAmount, '只退了120 少了40', 40],
    [shortfallAmount, '钱到账了，差了15块', 15],
    [shortfallAmount, '少了一半', null],
    [shortfallAmount, '少了3个零件', null],
    [compensationAmount, '不寄回了 补偿我15块就行', 15],
    [compensationAmount, '给点补偿吧 退20', 20],
    [compensationAmount, '只退了50', null],
    [compensationAmount, '要求赔3倍', null],
  ])('%o: %s → %s', (read, text, amount) => {
    expect(read(text)).toBe(amount);
  });
});
