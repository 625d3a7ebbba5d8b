import { describe, expect, it } from 'vitest';
import { DRAFT_KINDS, writeDraft, type DraftFacts } from '../../src/drafts/index.ts';
import { LOCALES, PLATFORMS, PROBLEMS, WANTS, type Locale } from '../../src/domain/index.ts';
import { CASES, changedMindDouyin, damagedPdd, EMPTY_SLOTS, qualityTaobao, shortRefundJd } from './fixtures.ts';

const PLACEHOLDER = /【请填写|\[fill in/;

describe('draft snapshots (wording changes get reviewed here)', () => {
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
        expect(d.body, `${kind} ${facts.locale}`).not.toMatch(/\{\w+\}/);
        expect(d.title, `${kind} ${facts.locale}`).not.toMatch(/\{\w+\}/);
        expect(d.title).not.toContain('\n');
        if (kind !== 'regulator') expect(d.body, `${kind} ${facts.locale}`).not.toMatch(PLACEHOLDER);
      }
    }
  });

  it('never placeholds a fact the slots contain (12315)', () => {
    for (const locale of LOCALES) {
      const full = writeDraft('regulator', damagedPdd(locale)).body;
      const markers = full.match(/【请填写：[^】]+】|\[fill in: [^\]]+\]/g) ?? [];
      // Only who complains and the shop: the bot cannot know them.
      expect(markers.length).toBe(3);
      for (const fact of ['platform', 'amount', 'receivedOn'] as const) {
        const word = { 'zh-CN': { platform: '购物平台', amount: '实付金额', receivedOn: '签收日期' }, en: { platform: 'shopping platform', amount: 'amount paid', receivedOn: 'date signed for' } }[locale][fact];
        expect(full).not.toContain(locale === 'en' ? `[fill in: ${word}]` : `【请填写：${word}】`);
      }
      // …and they appear once the facts are missing.
      const sparse = writeDraft('regulator', { ...damagedPdd(locale), slots: { ...EMPTY_SLOTS, orderId: '241103-572918364502817', problem: 'quality' } }).body;
      expect(sparse.match(/【请填写：[^】]+】|\[fill in: [^\]]+\]/g)?.length).toBe(7);
    }
  });

  it('writes the order number into every draft', () => {
    for (const facts of variations()) {
      for (const kind of DRAFT_KINDS) {
        expect(writeDraft(kind, facts).body).toContain(facts.slots.orderId!);
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
    expect(short).toContain('259 元');
    expect(short).toContain('229 元');
    expect(short).toContain('30 元');
  });

  it('never claims to be a lawyer or promises an outcome', () => {
    for (const facts of variations()) {
      for (const kind of DRAFT_KINDS) {
        const { body, title, notes } = writeDraft(kind, facts);
        expect([body, title, ...notes].join('\n')).not.toMatch(/律师|保证|一定能|lawyer|guarantee/i);
      }
    }
  });
});

describe('seller draft', () => {
  it('is soft first and firm on the second attempt, with a 24 h deadline in the buyer\'s timezone', () => {
    const soft = writeDraft('seller', damagedPdd('zh-CN', 1));
    const firm = writeDraft('seller', damagedPdd('zh-CN', 2));
    expect(soft.to).toBe('seller');
    expect(soft.body).toContain('2026年11月24日 09:30');
    expect(soft.body).toContain('平台内');
    expect(soft.body).not.toContain('申请介入');
    expect(firm.body).toContain('2026年11月22日联系过您');
    expect(firm.body).toContain('我会在拼多多申请介入');
  });

  it('cites 第二十四条 only on the firm draft and only for quality-type problems', () => {
    expect(writeDraft('seller', qualityTaobao('zh-CN', 1)).body).not.toContain('第二十四条');
    expect(writeDraft('seller', qualityTaobao('zh-CN', 2)).body).toContain('第二十四条');
    expect(writeDraft('seller', shortRefundJd('zh-CN', 2)).body).not.toContain('第二十四条');
  });

  it('lists the collected evidence by caption and counts the uncaptioned', () => {
    const body = writeDraft('seller', damagedPdd('zh-CN')).body;
    expect(body).toContain('外箱破损、快递面单、开箱（视频）、照片 1 张');
    expect(writeDraft('seller', damagedPdd('en')).body).toContain('crushed box, shipping label, unboxing (video), 1 photo');
  });

  it('uses the platform\'s own word for intervention', () => {
    const firm = (platform: 'jd' | 'taobao' | 'kuaishou') =>
      writeDraft('seller', { ...qualityTaobao('zh-CN', 2), slots: { ...qualityTaobao('zh-CN').slots, platform } }).body;
    expect(firm('jd')).toContain('我会在京东申请客服仲裁');
    expect(firm('taobao')).toContain('我会在淘宝申请平台介入');
    expect(firm('kuaishou')).toContain('我会在快手申请平台介入');
  });
});

describe('platform draft', () => {
  it('tells what the seller said and when, in time order, and asks for intervention by name', () => {
    const d = writeDraft('platform', qualityTaobao('zh-CN'));
    expect(d.to).toBe('platform');
    expect(d.title).toContain('申请平台介入');
    expect(d.body).toMatch(/1\. 2026年11月20日 09:05，我在平台内联系卖家[\s\S]*2\. 2026年11月20日 11:40，卖家答复：“24小时内给您答复”[\s\S]*3\. 2026年11月21日 11:40，约定的答复时间已过/);
    // A reminder about the buyer's own 7-day window is not a fact about the seller.
    expect(d.body.match(/约定的答复时间已过/g)?.length).toBe(1);
    expect(d.body).toContain('现申请平台介入');
  });

  it('formats the history in the buyer\'s timezone', () => {
    const d = writeDraft('platform', { ...qualityTaobao('en'), timezone: 'Europe/London' });
    expect(d.body).toContain('Nov 20, 2026, 01:05: I contacted the seller');
  });
});

describe('regulator, payment, compensation, refund shortfall', () => {
  it('12315 lists the platform step in the facts and the law that fits', () => {
    const d = writeDraft('regulator', shortRefundJd('zh-CN'));
    expect(d.to).toBe('regulator');
    expect(d.body).toContain('我向平台申请介入');
    expect(d.body).toContain('涉及金额 30 元');
  });

  it('payment dispute goes to the payment channel', () => {
    expect(writeDraft('payment', damagedPdd('en')).to).toBe('payment');
  });

  it('compensation asks for a percentage with a 48 h deadline, or for the return shipping', () => {
    const base = damagedPdd('zh-CN');
    const partial = writeDraft('compensation', { ...base, compensation: { mode: 'partial_refund', percent: 30 } });
    expect(partial.to).toBe('seller');
    expect(partial.body).toContain('30% 部分退款（26.97 元）');
    expect(partial.body).toContain('2026年11月25日 09:30');
    const shipping = writeDraft('compensation', { ...base, compensation: { mode: 'return_shipping', shippingCost: 12 } });
    expect(shipping.body).toContain('来回运费（12 元）');
    expect(shipping.body).toContain('第二十四条');
    const noPercent = writeDraft('compensation', { ...base, compensation: { mode: 'partial_refund' } });
    expect(noPercent.body).toContain('请您提出具体金额');
  });

  it('refund shortfall states paid, refunded and the difference and explains coupons and shipping', () => {
    const d = writeDraft('refund_shortfall', shortRefundJd('en'));
    expect(d.body).toContain('I paid ¥259 for this order and have received a refund of ¥229, which is ¥30 short.');
    expect(d.notes.join(' ')).toMatch(/coupon/);
    expect(d.notes.join(' ')).toMatch(/shipping/);
  });
});

describe('facts the case holds', () => {
  it('takes the order number out of the buyer\'s own words (it has its own line)', () => {
    const zh = writeDraft('seller', changedMindDouyin('zh-CN')).body;
    expect(zh).toContain('退货原因：外套尺码偏小穿不了，吊牌还在。');
    expect(zh.match(/6934/g)?.length).toBe(1);
    const en = writeDraft('seller', changedMindDouyin('en')).body;
    expect(en).toContain('Reason for the return: the jacket is too small for me, tags still on.');
  });

  it('falls back to a neutral description when nothing but the order number was written', () => {
    const facts = changedMindDouyin('zh-CN');
    const body = writeDraft('seller', { ...facts, slots: { ...facts.slots, problemText: '订单号 6934712285601928374' } }).body;
    expect(body).toContain('退货原因：商品不合适，我想在七天无理由期限内退货。');
  });

  it('writes the courier tracking number and, for a change of mind, the open 7-day window', () => {
    const body = writeDraft('seller', changedMindDouyin('zh-CN')).body;
    expect(body).toContain('快递单号：YT7512345678901。');
    expect(body).toContain('目前仍在七天无理由退货期内（2026年11月26日截止）。');
    // Once the window has closed it is not claimed.
    const late = writeDraft('seller', { ...changedMindDouyin('zh-CN'), now: new Date('2026-11-27T00:00:01+08:00') }).body;
    expect(late).not.toContain('七天无理由退货期内');
    expect(writeDraft('regulator', changedMindDouyin('en')).body).toContain('Courier tracking number: YT7512345678901');
  });

  it('moves a reply deadline that would fall at night to the next morning', () => {
    // 23:10 + 24 h = 23:10 → 08:00 the morning after.
    expect(writeDraft('seller', changedMindDouyin('zh-CN')).body).toContain('2026年11月24日 08:00前');
    // 07:10 + 48 h = 07:10 → 08:00 the same morning.
    expect(writeDraft('refund_shortfall', shortRefundJd('en')).body).toContain('Nov 24, 2026, 08:00');
  });
});
