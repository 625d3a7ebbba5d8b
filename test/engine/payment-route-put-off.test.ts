/**
 * The buyer asked about a chargeback, then puts it off for the platform's intervention: the platform
 * letter is given, not the payment channel's letter again.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('the payment route put off for the platform', () => {
  for (const words of ['算了先不拒付了，还是走平台介入吧', '信用卡那边先不弄了 帮我写申请平台介入的吧']) {
    it(`"${words}" gives the platform letter`, () => {
      const h = new EngineHarness('2026-11-12T10:00:00+08:00');
      h.send('京东买的蓝牙音箱 699 订单号 290317746651203 用了两天不出声 要退款');
      h.advance(60 * 20);
      h.send('卖家说人为损坏 不给退');
      h.advance(5);
      h.send('我是信用卡付的 能拒付吗');
      h.advance(5);
      const out = h.send(words);
      expect(drafts(out, 'platform')).toHaveLength(1);
      expect(drafts(out, 'payment')).toHaveLength(0);
    });
  }
});
