/**
 * "我可以提供" offers only records that fit the case, worded "如有需要": no listing page for goods sold in a
 * livestream (its recording, if the buyer has one), no refund page for a refund refused, no arrival record for a
 * service with nothing paid back; and a letter to the seller names the seller "您", one to the platform "卖家".
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const sellerLetter = (h: EngineHarness, text: string): string => drafts(h.send(text), 'seller')[0]!.body!;

describe('evidence offered in a letter', () => {
  it('goods bought in a livestream: the stream\'s recording if any, no listing page', () => {
    const h = new EngineHarness();
    const body = sellerLetter(h, '快手直播间买的羊毛围巾，订单号 7781203349561027，主播说纯羊毛，收到一烧全是化纤味，想退货退款');
    expect(body).toContain('直播录屏或回放（如有）');
    expect(body).not.toContain('商品详情页截图');
    expect(body).toMatch(/如有需要，我可以提供：/u);
  });

  it('goods from an ordinary listing keep the listing page', () => {
    const h = new EngineHarness();
    const body = sellerLetter(h, '淘宝买的羊毛围巾，订单号 7781203349561028，详情页写着纯羊毛，收到一看是化纤的，想退货退款');
    expect(body).toContain('商品详情页截图');
    expect(body).not.toContain('直播');
  });

  it('a refund refused: no refund page offered', () => {
    const h = new EngineHarness();
    // The refusal is told at once: the platform letter comes first.
    const body = drafts(h.send('拼多多买的网课，订单号 4419002281736650，我申请退款，客服拒绝退款说开通了概不退，想退款'), 'platform')[0]!.body!;
    expect(body).toContain('如有需要，我可以补充提供：');
    expect(body).not.toContain('退款详情截图');
  });

  it('a refund made that never arrived: the refund page is offered', () => {
    const h = new EngineHarness();
    const body = sellerLetter(h, '京东买的台灯退货了，订单号 4419002281736651，页面显示退款成功，钱一直没到账，想退款');
    expect(body).toContain('退款详情截图');
  });

  it('a service with no money back: no account arrival record', () => {
    const h = new EngineHarness();
    const body = sellerLetter(h, '团购的洗牙套餐，订单号 6650018827341190，到店说项目取消了不给做，想退款');
    expect(body).not.toContain('账户到账记录截图');
  });

  it('the platform letter offers what it can add, "if needed"', () => {
    const h = new EngineHarness();
    h.send('京东买的电饭煲，订单号 3390127746558102，内胆涂层一刷就掉，想退货退款');
    h.advance(60 * 26);
    const out = h.send('卖家一直不回复');
    const platform = drafts(out, 'platform')[0]?.body ?? drafts(h.send('申请平台介入'), 'platform')[0]!.body!;
    expect(platform).toContain('如有需要，我可以补充提供：');
  });
});

describe('the seller named by the letter\'s reader', () => {
  it('to the seller "您", to the platform "卖家"; the seller\'s accusation is their claim', () => {
    const h = new EngineHarness();
    const seller = sellerLetter(h, '闲鱼买的二手相机，订单号 2209183374650021，收到镜头对不上焦，他说是我自己摔坏的，想退货退款');
    expect(seller).toContain('您称是我自己摔坏的');
    expect(seller).not.toMatch(/他说/u);
    h.advance(60 * 26);
    const out = h.send('卖家一直不回复');
    const platform = drafts(out, 'platform')[0]?.body ?? drafts(h.send('申请平台介入'), 'platform')[0]!.body!;
    expect(platform).toContain('卖家称是我自己摔坏的');
    expect(platform).not.toContain('您称');
  });
});
