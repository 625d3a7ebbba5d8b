import { describe, expect, it } from 'vitest';
import { answerQuestion, KNOWLEDGE_INTENTS } from '../../src/knowledge/answers.ts';
import { INTENTS, LOCALES, PLATFORMS } from '../../src/domain/index.ts';

describe('answerQuestion (issue 11 item 7)', () => {
  it('answers every knowledge intent in every locale, for every platform', () => {
    for (const intent of KNOWLEDGE_INTENTS) expect(INTENTS).toContain(intent);
    for (const locale of LOCALES) {
      for (const platform of [...PLATFORMS, 'weixin_shop' as const, null]) {
        for (const intent of KNOWLEDGE_INTENTS) {
          const text = answerQuestion(intent, { locale, platform });
          expect(text.length, `${intent} ${platform}`).toBeGreaterThan(40);
          expect(text).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });

  it('订单号在哪里: the platform\'s path, the number shape, and that a tracking number is not it', () => {
    const pdd = answerQuestion('ask_where_order_id', { locale: 'zh-CN', platform: 'pdd' });
    expect(pdd).toMatch(/我的订单[\s\S]*订单编号[\s\S]*年月日-[\s\S]*快递单号[\s\S]*不是订单号/);
    expect(answerQuestion('ask_where_order_id', { locale: 'en', platform: 'jd' })).toMatch(/11–13 digits[\s\S]*tracking number[\s\S]*not the order number/);
    expect(answerQuestion('ask_where_order_id', { locale: 'zh-CN', platform: '1688' })).toContain('已买到的货品');
  });

  it('运费险 and 价保 are platform features, worded as typical, shown on the order page', () => {
    for (const intent of ['ask_shipping_insurance', 'ask_price_protection'] as const) {
      expect(answerQuestion(intent, { locale: 'zh-CN' })).toMatch(/平台或店铺提供的服务，不是法律规定[\s\S]*通常[\s\S]*订单/);
      expect(answerQuestion(intent, { locale: 'en' })).toMatch(/platform or shop feature, not a legal right[\s\S]*typically/);
    }
  });

  it('起诉: small claims and the internet courts, and the bot is not a lawyer', () => {
    const zh = answerQuestion('ask_lawsuit', { locale: 'zh-CN' });
    expect(zh).toMatch(/小额诉讼[\s\S]*一审终审[\s\S]*杭州、北京、广州[\s\S]*不是律师/);
  });

  it('黑猫投诉: run by Sina, not a regulator', () => {
    expect(answerQuestion('ask_heimao', { locale: 'zh-CN' })).toMatch(/新浪[\s\S]*不是监管部门[\s\S]*12315/);
    expect(answerQuestion('ask_heimao', { locale: 'en' })).toMatch(/Sina, not a regulator/);
  });

  it('no unboxing video: what to use instead; nothing about unboxing for a parcel that never arrived', () => {
    const zh = answerQuestion('ask_no_unboxing_video', { locale: 'zh-CN', problem: 'damaged' });
    expect(zh).toMatch(/不等于没有证据[\s\S]*外包装[\s\S]*面单[\s\S]*签收[\s\S]*聊天记录/);
    const nr = answerQuestion('ask_no_unboxing_video', { locale: 'zh-CN', problem: 'not_received' });
    expect(nr).toMatch(/物流详情[\s\S]*签收记录/);
    expect(nr).not.toMatch(/外包装|开箱时/);
  });

  it('the reply it suggests to the seller claims no evidence the buyer may not have', () => {
    for (const problem of ['damaged', 'quality', 'wrong_item'] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const reply = /“([^”]*)”/.exec(answerQuestion('ask_no_unboxing_video', { locale, problem }))?.[1] ?? '';
        expect(reply).toContain('开箱时没有录像');
        expect(reply, `${problem} ${locale}`).not.toMatch(/照片|面单|签收记录|我提供了/);
      }
    }
  });
});
