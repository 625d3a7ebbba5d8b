import { describe, expect, it } from 'vitest';
import { DRAFT_KINDS, draftMessage, writeDraft, type DraftFacts } from '../../src/drafts/index.ts';
import { LOCALES, PLATFORMS, PROBLEMS, WANTS, type TimelineEntry } from '../../src/domain/index.ts';
import {
  CASES, changedMindDouyin, changedMindLate, counterfeitTaobao, damagedPdd, EMPTY_SLOTS, expiredFoodPdd, notReceivedXianyu,
  notShippedJd, qualityTaobao, shortRefundJd,
} from './fixtures.ts';

const PLACEHOLDER = /【请填写|\[fill in/;
const MARKERS = /【请填写：[^】]+】|\[fill in: [^\]]+\]/g;
const entry = (type: TimelineEntry['type'], at: string, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  at, type, note: '', quote: null, happenedAt: null, ...extra,
});

describe('draft snapshots (reviewed against DOMAIN.md; wording changes get reviewed here)', () => {
  for (const [name, make] of Object.entries(CASES)) {
    for (const locale of LOCALES) {
      for (const kind of DRAFT_KINDS) {
        it(`${name} · ${locale} · ${kind}`, () => {
          expect(writeDraft(kind, make(locale))).toMatchSnapshot();
        });
      }
      it(`${name} · ${locale} · seller, second attempt (firm)`, () => {
        expect(writeDraft('seller', make(locale, 2))).toMatchSnapshot();
      });
    }
  }
});

/** Many slot combinations: every platform, problem and wants, with and without optional facts. */
function* variations(): Generator<DraftFacts> {
  for (const locale of LOCALES) {
    const wantsCycle = [...WANTS, null];
    let i = 0;
    for (const platform of [...PLATFORMS, null]) {
      for (const problem of [...PROBLEMS, null]) {
        const wants = wantsCycle[i++ % wantsCycle.length]!;
        const base = damagedPdd(locale, i % 2 === 0 ? 2 : 1);
        yield {
          ...base,
          food: i % 5 === 0,
          compensation: i % 3 === 0 ? { mode: 'partial_refund', percent: 20 } : undefined,
          slots: { ...base.slots, platform, problem, wants, problemText: problem === 'other' ? null : base.slots.problemText },
        };
      }
    }
    yield { ...qualityTaobao(locale), slots: { ...EMPTY_SLOTS, orderId: '123456789012' } };
  }
}

describe('every draft kind, every case shape', () => {
  it('fills every template variable and leaves no placeholder except in the 12315 complaint', () => {
    for (const facts of variations()) {
      for (const kind of DRAFT_KINDS) {
        const d = writeDraft(kind, facts);
        for (const text of [d.body, d.title, d.gloss ?? '', ...d.notes]) expect(text, `${kind} ${facts.locale}`).not.toMatch(/\{\w+\}/);
        expect(d.title).not.toContain('\n');
        if (kind !== 'regulator') expect(d.body, `${kind} ${facts.locale}`).not.toMatch(PLACEHOLDER);
      }
    }
  });

  it('writes the order number into every draft', () => {
    for (const facts of variations()) {
      for (const kind of DRAFT_KINDS) expect(writeDraft(kind, facts).body).toContain(facts.slots.orderId!);
    }
  });

  it('never claims to be a lawyer or promises an outcome', () => {
    for (const facts of variations()) {
      for (const kind of DRAFT_KINDS) {
        const { body, title, notes, gloss } = writeDraft(kind, facts);
        expect([body, title, gloss, ...notes].join('\n')).not.toMatch(/律师|保证|一定能|lawyer|guarantee/i);
      }
    }
  });

  it('writes every known fact: platform, amounts, receipt date, the buyer\'s words', () => {
    const zh = damagedPdd('zh-CN');
    expect(writeDraft('seller', zh).body).toContain('2026年11月21日');
    expect(writeDraft('seller', zh).body).toContain('外箱压坏了，里面的玻璃茶壶裂了');
    expect(writeDraft('platform', zh).title).toContain('拼多多');
    expect(writeDraft('regulator', zh).body).toContain('89.90 元');
    expect(writeDraft('payment', zh).body).toContain('89.90 元');
    const short = writeDraft('refund_shortfall', shortRefundJd('zh-CN')).body;
    for (const amount of ['259 元', '229 元', '30 元']) expect(short).toContain(amount);
  });
});

describe('English-speaking buyers: the Chinese letter, then an English gloss', () => {
  it.each(DRAFT_KINDS)('%s', (kind) => {
    const d = writeDraft(kind, damagedPdd('en'));
    expect(d.body).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(d.gloss).toBeTruthy();
    expect(d.gloss).not.toMatch(/[\u4e00-\u9fff]{6,}/);
    expect(d.title).toMatch(/^[A-Z0-9]/);
    const message = draftMessage(d, 'en');
    expect(message.indexOf(d.body)).toBeLessThan(message.indexOf(d.gloss!));
    expect(message).toMatch(/English translation, for you to check/);
  });

  it('a Chinese-writing buyer gets no gloss', () => {
    for (const kind of DRAFT_KINDS) expect(writeDraft(kind, damagedPdd('zh-CN')).gloss).toBeNull();
  });

  it('describes an English-described problem in Chinese only: no English inside the letter, a matching translation, and a note', () => {
    const d = writeDraft('seller', counterfeitTaobao('en'));
    expect(d.body).toContain('收到的商品疑似假货。');
    expect(d.body).not.toMatch(/[A-Za-z]{3,}/);
    expect(d.body).not.toContain('原话');
    expect(d.gloss).toContain('the item I received appears to be counterfeit');
    expect(d.gloss).not.toContain('AirPods');
    expect(d.notes.join('\n')).toContain('case file');
  });
});

describe('only recorded facts (issue 11 item 1)', () => {
  it('quotes the seller only from a recorded quote; a summary becomes the bot\'s own words', () => {
    const base = damagedPdd('zh-CN');
    const timeline = [entry('seller_refused', '2026-11-22T16:20:00+08:00', { note: '卖家拒绝了' })];
    const body = writeDraft('platform', { ...base, timeline }).body;
    expect(body).toContain('卖家答复：拒绝处理');
    expect(body).not.toContain('“');
    expect(body).not.toContain('卖家拒绝了');
  });

  it('a promise that was also read as a wait is listed once, as the promise ("no solution given" would say less)', () => {
    const base = damagedPdd('zh-CN');
    const at = '2026-11-22T16:20:00+08:00';
    const timeline = [entry('seller_promise', at, {}), entry('seller_stalled', at, {})];
    const body = writeDraft('platform', { ...base, timeline }).body;
    expect(body).toContain('卖家答应在约定时间内处理');
    expect(body).not.toContain('没有给出处理方案');
  });

  it('a platform ruling is the platform\'s, not a seller refusal, and asks for a review', () => {
    const d = writeDraft('platform', notReceivedXianyu('zh-CN')).body;
    expect(d).toContain('平台判定支持卖家，答复：“物流显示在途，请耐心等待”');
    expect(d).not.toMatch(/卖家拒绝/);
    expect(d).toContain('申请复议');
  });

  it('dates an event by when the buyer said it happened, else "by" the time they told the bot', () => {
    const body = writeDraft('regulator', shortRefundJd('zh-CN')).body;
    expect(body).toContain('2026年11月21日 10:00，我向平台申请了介入');
    // An act told without its time happened no later than the telling: "…前", never "截至" (as of).
    expect(body).toContain('2026年11月19日，卖家答复：“财务在核实，请耐心等待”');
    expect(body).not.toMatch(/截至[^，]*，卖家(?:答复|拒绝|同意|只同意)/);
    // A platform draft handed over is not the buyer applying.
    expect(body.match(/申请了介入/g)).toHaveLength(1);
    const noApply = writeDraft('regulator', damagedPdd('zh-CN')).body;
    expect(noApply).not.toMatch(/申请了介入|申请介入/);
  });

  it('with no evidence logged, says what the buyer can provide, never that it was saved or submitted', () => {
    for (const kind of DRAFT_KINDS) {
      const { body } = writeDraft(kind, qualityTaobao('zh-CN'));
      expect(body).not.toMatch(/已保存|已提交|已上传|一并提交|附上|保存了/);
    }
    // Only records any buyer can fetch from the platform: no photo or video the buyer never mentioned.
    const seller = writeDraft('seller', qualityTaobao('zh-CN')).body;
    expect(seller).toContain('如有需要，我可以提供：订单截图、支付凭证、聊天记录截图。');
    expect(seller).not.toMatch(/照片|视频/);
  });

  it('lists logged evidence by caption and time', () => {
    const body = writeDraft('platform', damagedPdd('zh-CN')).body;
    expect(body).toContain('外箱破损（照片，2026年11月22日 10:05）、快递面单（照片，2026年11月22日 10:06）、开箱（视频，2026年11月22日 10:07）、照片（2026年11月22日 10:08）');
  });

  it('says nothing about photos or a signed-for record for a parcel that never arrived or was never shipped', () => {
    for (const kind of DRAFT_KINDS) {
      expect(writeDraft(kind, notReceivedXianyu('zh-CN')).body).not.toMatch(/照片|开箱/);
      expect(writeDraft(kind, notShippedJd('zh-CN')).body).not.toMatch(/照片|签收|物流详情/);
    }
  });
});

describe('the right claim per case (issue 11 item 2)', () => {
  it('counterfeit: 退一赔三 with the amount, no partial-refund offer', () => {
    for (const kind of ['seller', 'compensation', 'platform', 'regulator'] as const) {
      const body = writeDraft(kind, counterfeitTaobao('zh-CN')).body;
      expect(body, kind).toContain('增加赔偿 2,697 元');
      expect(body, kind).toContain('合计 3,596 元');
      expect(body, kind).not.toMatch(/部分退款|具体金额/);
    }
  });

  it('fraud below the floor is 500 yuan; food is 10× the price with a 1,000 yuan floor', () => {
    const cheapFake = counterfeitTaobao('zh-CN');
    expect(writeDraft('compensation', { ...cheapFake, slots: { ...cheapFake.slots, amountPaid: 120 } }).body).toContain('增加赔偿 500 元（价款的三倍不足五百元，按五百元计）');
    expect(writeDraft('compensation', expiredFoodPdd('zh-CN')).body).toContain('赔偿金 1,280 元（价款 128 元的十倍）');
    const cheapFood = expiredFoodPdd('zh-CN');
    expect(writeDraft('compensation', { ...cheapFood, slots: { ...cheapFood.slots, amountPaid: 39.9 } }).body).toContain('赔偿金 1,000 元');
    expect(writeDraft('compensation', expiredFoodPdd('zh-CN')).body).not.toMatch(/部分退款/);
  });

  it('payment channels are asked for a refund only, with the routes as notes', () => {
    const base = damagedPdd('zh-CN');
    const d = writeDraft('payment', { ...base, slots: { ...base.slots, wants: 'reship' } });
    expect(d.body).toContain('办理退款 89.90 元');
    expect(d.body).not.toMatch(/补发|换货|维修/);
    expect(d.notes.join('\n')).toMatch(/账单[\s\S]*投诉[\s\S]*账单[\s\S]*遇到问题[\s\S]*发卡银行[\s\S]*通常有时间限制/);
  });

  it('cites 电子商务法 第二十条 when the seller blamed the courier, and only then', () => {
    expect(writeDraft('platform', damagedPdd('zh-CN')).body).toContain('《电子商务法》第二十条');
    expect(writeDraft('seller', damagedPdd('zh-CN', 2)).body).toContain('《电子商务法》第二十条');
    expect(writeDraft('platform', qualityTaobao('zh-CN')).body).not.toContain('第二十条');
    const base = qualityTaobao('zh-CN');
    const coded = writeDraft('platform', { ...base, timeline: [entry('seller_refused', '2026-11-20T10:00:00+08:00', { note: 'blames_courier' })] }).body;
    expect(coded).toContain('第二十条');
  });

  it('7-day no-reason return only inside the window (the day after signing + 7)', () => {
    expect(writeDraft('seller', changedMindDouyin('zh-CN')).body).toContain('目前仍在七天无理由退货期内（2026年11月26日截止）');
    expect(writeDraft('regulator', changedMindDouyin('zh-CN')).body).toContain('第二十五条');
    const late = writeDraft('seller', changedMindLate('zh-CN'));
    expect(late.body).not.toMatch(/退货期内|第二十五条/);
    expect(late.body).toContain('七天无理由退货期已经过了，想和您协商一下能否退货');
    expect(late.notes.join()).toContain('2026年11月17日结束');
    expect(writeDraft('regulator', changedMindLate('zh-CN')).body).not.toContain('第二十五条');
  });

  it('no 消法 article against a private C2C seller; the platform\'s own process instead', () => {
    for (const kind of DRAFT_KINDS) {
      for (const facts of [notReceivedXianyu('zh-CN'), { ...damagedPdd('zh-CN', 2), slots: { ...damagedPdd('zh-CN').slots, platform: 'xianyu' as const } }]) {
        expect(writeDraft(kind, facts).body, kind).not.toMatch(/消费者权益保护法|第二十条|第二十四条/);
      }
    }
    expect(writeDraft('platform', notReceivedXianyu('zh-CN')).notes.join()).toContain('小法庭');
    // A shop selling on 闲鱼 as a business is a 经营者.
    const shop = { ...damagedPdd('zh-CN', 2), slots: { ...damagedPdd('zh-CN').slots, platform: 'xianyu' as const, privateSeller: false } };
    expect(writeDraft('seller', shop).body).toContain('第二十四条');
  });
});

describe('12315 done right (issue 11 item 3)', () => {
  it('names the channels and the registered business, with a concrete request and amount', () => {
    const d = writeDraft('regulator', notShippedJd('zh-CN'));
    expect(d.title).toMatch(/www\.12315\.cn[\s\S]*App[\s\S]*小程序[\s\S]*热线/);
    expect(d.body).toContain('被投诉方：某某市好物贸易有限公司，地址：某某市某某区某某路 1 号（京东店铺：好物优选旗舰店）');
    expect(d.body).toContain('投诉请求：要求经营者退还货款 45.50 元。');
    expect(d.body.match(MARKERS)).toEqual(['【请填写：您的姓名】', '【请填写：手机号码】']);
    expect(d.notes.join()).toContain('第十五条');
    expect(d.followUp).toEqual({ reason: 'regulator_acceptance', workingDays: 7 });
  });

  it('asks for the registered name and address from the licence when the record lacks them', () => {
    const body = writeDraft('regulator', damagedPdd('zh-CN')).body;
    expect(body).toContain('【请填写：店铺首页营业执照上的企业名称】');
    expect(body).toContain('【请填写：营业执照上的地址】');
  });

  it('never placeholds a fact the record holds', () => {
    for (const locale of LOCALES) {
      const full = writeDraft('regulator', damagedPdd(locale)).body;
      for (const what of ['购物平台', '实付金额', '签收日期']) expect(full).not.toContain(`【请填写：${what}】`);
      const sparse = writeDraft('regulator', { ...damagedPdd(locale), slots: { ...EMPTY_SLOTS, orderId: '241103-572918364502817', problem: 'quality' } }).body;
      for (const what of ['购物平台', '实付金额', '签收日期']) expect(sparse).toContain(`【请填写：${what}】`);
    }
  });
});

describe('seller draft', () => {
  it('is soft first and firm on the second attempt, with a 24 h deadline in the buyer\'s timezone', () => {
    const soft = writeDraft('seller', damagedPdd('zh-CN', 1));
    const firm = writeDraft('seller', damagedPdd('zh-CN', 2));
    expect(soft.to).toBe('seller');
    expect(soft.body).toContain('2026年11月24日 09:30');
    expect(soft.body).not.toContain('申请介入');
    expect(firm.body).toContain('此前已经向您反映过');
    expect(firm.body).toContain('我会在拼多多申请介入');
  });

  it('cites 第二十四条 only on the firm draft and only for quality-type problems', () => {
    expect(writeDraft('seller', qualityTaobao('zh-CN', 1)).body).not.toContain('第二十四条');
    expect(writeDraft('seller', qualityTaobao('zh-CN', 2)).body).toContain('第二十四条');
    expect(writeDraft('seller', shortRefundJd('zh-CN', 2)).body).not.toContain('第二十四条');
  });

  it('uses the platform\'s own word for intervention', () => {
    const firm = (platform: 'jd' | 'taobao' | 'kuaishou') =>
      writeDraft('seller', { ...qualityTaobao('zh-CN', 2), slots: { ...qualityTaobao('zh-CN').slots, platform } }).body;
    expect(firm('jd')).toContain('我会在京东申请客服仲裁');
    expect(firm('taobao')).toContain('我会在淘宝申请平台介入');
    expect(firm('kuaishou')).toContain('我会在快手申请平台介入');
  });

  it('moves a reply deadline that would fall at night to the next morning', () => {
    expect(writeDraft('seller', changedMindDouyin('zh-CN')).body).toContain('2026年11月24日 08:00前');
    expect(writeDraft('refund_shortfall', shortRefundJd('en')).gloss).toContain('Nov 24, 2026, 08:00');
  });
});

describe('platform draft', () => {
  it('tells what the seller said and when, in time order, and asks for intervention by name', () => {
    const d = writeDraft('platform', qualityTaobao('zh-CN'));
    expect(d.title).toContain('申请平台介入');
    // The promise is an act, dated by its day; its deadline passing is a state as of the reminder ("截至…").
    expect(d.body).toMatch(/1\. 2026年11月20日，卖家答复：“24小时内给您答复”。\n2\. 截至2026年11月21日 11:40，卖家答应的期限已过。/);
    // A reminder about the buyer's own 7-day window is not a fact about the seller.
    expect(d.body.match(/期限已过/g)?.length).toBe(1);
    expect(d.body).toContain('卖家至今没有解决。现申请平台介入');
  });

  it('formats the history in the buyer\'s timezone', () => {
    const d = writeDraft('platform', { ...qualityTaobao('en'), timezone: 'Europe/London' });
    expect(d.gloss).toContain('On Nov 20, 2026, the seller replied');
    expect(d.gloss).toContain('As of Nov 21, 2026, 03:40');
  });
});

describe('compensation and refund shortfall', () => {
  it('compensation asks for a percentage with a 48 h deadline, or for the return shipping', () => {
    const base = qualityTaobao('zh-CN');
    const withAmount = { ...base, slots: { ...base.slots, amountPaid: 89.9 } };
    const partial = writeDraft('compensation', { ...withAmount, compensation: { mode: 'partial_refund', percent: 30 } });
    expect(partial.to).toBe('seller');
    expect(partial.body).toContain('30% 部分退款（26.97 元）');
    expect(partial.body).toContain('2026年11月24日 20:15');
    const shipping = writeDraft('compensation', { ...withAmount, compensation: { mode: 'return_shipping', shippingCost: 12 } });
    expect(shipping.body).toContain('来回运费（12 元）');
    expect(shipping.body).toContain('第二十四条');
  });

  it('refund shortfall states paid, refunded and the difference and explains coupons and shipping', () => {
    const d = writeDraft('refund_shortfall', shortRefundJd('en'));
    expect(d.gloss).toContain('I paid ¥259 for this order and have received a refund of ¥229, which is ¥30 short.');
    expect(d.body).toContain('这笔订单我实付 259 元，目前收到的退款是 229 元，少了 30 元。');
    expect(d.notes.join(' ')).toMatch(/coupon/);
  });
});

describe('clean buyer words (issue 11 item 6)', () => {
  it('takes the order number, platform name and repeated wish out of the buyer\'s words, folding Traditional', () => {
    const body = writeDraft('seller', expiredFoodPdd('zh-CN')).body;
    expect(body).toContain('问题是：购买的牛奶，收到已经过期一周了。');
    expect(body.match(/241120-386120594837261/g)).toHaveLength(1);
  });

  it('takes the spaced order number out (it has its own line)', () => {
    const zh = writeDraft('seller', changedMindDouyin('zh-CN')).body;
    expect(zh).toContain('退货原因：外套尺码偏小穿不了，吊牌还在。');
    expect(zh.match(/6934/g)?.length).toBe(1);
  });

  it('falls back to a neutral description when nothing but the order number was written', () => {
    const facts = changedMindDouyin('zh-CN');
    const body = writeDraft('seller', { ...facts, slots: { ...facts.slots, problemText: '订单号 6934712285601928374' } }).body;
    // A change of mind says no more than that: not "doesn't suit me", which the buyer may never have said.
    expect(body).toContain('退货原因：个人原因。');
    expect(body).not.toContain('不合适');
  });
});
