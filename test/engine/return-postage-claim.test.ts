/**
 * The return postage claimed beside the wish is read in every form the return's own message is
 * ("运费是22块", "花了22块的运费", full-width digits): when only the refund comes, the postage stays claimed.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('a return-postage claim beside the wish', () => {
  it.each(['我要全额退328 另外运费是22块也得他出', '我要全额退328 还有花了22块的运费也要他出', '我要全额退328 另外运费２２也要他出'])(
    '"%s": only the refund arriving leaves the postage owed',
    (wish) => {
      const h = new EngineHarness('2026-11-20T10:00:00+08:00');
      const told = ['淘宝买的电饭煲 实付328元 内胆涂层掉了 订单号 4021937758102846 我要退款', '店家要我先把锅寄过去检测', '寄了 中通 78213390456721 运费22', '卖家拒绝了 说是使用不当', wish];
      for (const text of told) {
        h.send(text);
        h.advance(60 * 24);
      }
      const out = h.send('328到账了');
      expect(out.map((m) => m.key)).toContain('partPaid.refundedPostageOwed');
      expect(out.map((m) => m.key)).not.toContain('resolved');
      expect(drafts(out).at(-1)?.text).toContain('22 元');
    },
  );
});
