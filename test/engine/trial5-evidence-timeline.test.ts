/**
 * Trial 5 (#15, #6): a platform letter after the seller's silence, as the buyer confirmed it, names
 * the reply time that passed; an order never shipped is offered no tracking or signing record; a
 * picture whose caption is only a sticker or a feeling is logged without that caption.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ORDER = '4812093375619024';

describe('the seller did not answer the letter in time', () => {
  it('once the buyer confirms it went out unanswered, the platform letter says the reply time asked and that nothing came', () => {
    const h = new EngineHarness('2026-11-09T14:20:00+08:00');
    h.send(`淘宝订单 ${ORDER}，台灯用了两天就不亮了，想退款`);
    expect(drafts(h.tickHours(30))).toHaveLength(0);
    const body = drafts(h.send('发过去了，一直没回'), 'platform')[0]!.body;
    // When the buyer sent it is not known (the bot only handed it over at 14:20): no time is given for it.
    expect(body).toContain('我已把书面要求发给卖家，要求2026年11月10日 14:20前答复，卖家未答复。');
    expect(body).not.toContain('11月9日 14:20');
    expect(body).toContain('卖家至今没有解决');
  });

  it('no such line when the seller answered before the reply time', () => {
    const h = new EngineHarness('2026-11-09T14:20:00+08:00');
    h.send(`淘宝订单 ${ORDER}，台灯用了两天就不亮了，想退款`);
    h.advance(120);
    const refused = h.send('卖家拒绝了，说是我自己摔坏的');
    const body = drafts(refused, 'platform')[0]?.body ?? drafts(h.send('申请平台介入'), 'platform')[0]!.body;
    expect(body).not.toContain('卖家未答复');
  });
});

describe('an order never shipped', () => {
  it('gets the not-shipped checklist and no letter offers tracking or signing records', () => {
    const h = new EngineHarness('2026-11-12T19:00:00+08:00');
    h.send(`小程序里买的电饭煲，订单号 ${ORDER}`);
    h.advance(1);
    const problem = h.send('钱付了五天一直不发货，店家也不回消息');
    h.advance(1);
    const ready = [...problem, ...h.send('退款')];
    expect(h.state.active!.slots.shipped).toBe(false);
    expect(ready.find((m) => m.kind === 'checklist')!.key).toBe('checklist.not_received');
    const letters = [...ready, ...h.tickHours(30)].filter((m) => m.kind === 'draft').map((m) => m.text).join('\n');
    expect(letters).not.toMatch(/物流详情|签收记录/);
    expect(ready.find((m) => m.kind === 'checklist')!.text).not.toMatch(/物流详情|签收记录/);
  });
});

describe('a sticker or a feeling is no description of a picture', () => {
  it('is logged as a photo without that caption and never cited in a letter', () => {
    const h = new EngineHarness('2026-11-12T21:00:00+08:00');
    h.send(`京东订单 ${ORDER}，保温杯漏水，想换货`);
    for (const caption of ['[动画表情] 委屈', '😭😭', '呜呜呜']) {
      const out = h.send({ type: 'media', kind: 'photo', caption, fileId: caption });
      expect(out.find((m) => m.key === 'evidence.logged')!.text).not.toContain(caption);
    }
    h.send({ type: 'media', kind: 'photo', caption: '杯盖漏水的位置', fileId: 'real' });
    expect(h.state.active!.evidence.map((e) => e.caption)).toEqual(['', '', '', '杯盖漏水的位置']);
    const body = drafts(h.send('申请平台介入'), 'platform')[0]!.body;
    expect(body).not.toMatch(/委屈|😭|呜呜|动画表情/);
    expect(body).toContain('杯盖漏水的位置');
  });
});
