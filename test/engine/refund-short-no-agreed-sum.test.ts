/**
 * Trial 7, problem 2: the seller agreed to a return without naming a sum, and less than the price
 * paid came back. The letters and the case file count the shortfall from the price paid and never
 * say the seller agreed to any sum ("您同意退款 …", "卖家同意全额退款（…）", "少于约定").
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ORDER = '4719283746501928371';

describe('a refund short of the price paid, no sum agreed', () => {
  it('letters and the case file state paid, received and the difference, with no agreed sum', () => {
    const h = new EngineHarness('2026-10-05T09:00:00+08:00');
    h.send(`1688批发的保温杯，订单号 ${ORDER}，150个里有40个漏水，付了3000元，要退货退款`);
    h.advance(60);
    h.send('商家同意退货了');
    h.advance(60);
    h.send('已经寄回去了，退货单号 SF1309876543210');
    h.advance(60 * 24 * 3);
    const out = h.send('退款已经到了，但只退回2100，本来应该3000');
    const keys = out.map((m) => m.key);
    expect(keys).toContain('escalate.refundShortPaid');
    const info = out.find((m) => m.key === 'escalate.refundShortPaid')!.text;
    expect(info).not.toMatch(/同意退/);
    const seller = drafts(out, 'seller').find((d) => d.key === 'draft.refund_shortfall')!.text;
    expect(seller).toContain('我实付 3,000 元');
    expect(seller).toContain('2,100 元');
    expect(seller).toContain('900 元');
    expect(seller).not.toMatch(/您同意|同意退款/);

    h.advance(10);
    const platform = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(platform).toContain('我实付 3,000 元，只收到退款 2,100 元，差额 900 元');
    expect(platform).not.toMatch(/同意全额退款|同意退款 3,000/);

    const content = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
    const texts = content.timeline.entries.map((e) => e.text).join('\n');
    expect(texts).toContain('退款金额少于实付金额');
    expect(texts).not.toContain('少于约定');
  });

  it('a sum the buyer says was agreed is still the agreed sum', () => {
    const h = new EngineHarness('2026-10-05T09:00:00+08:00');
    h.send(`淘宝买的台灯，订单号 ${ORDER}，实付200元，灯罩裂了，要退款`);
    h.advance(60);
    h.send('卖家同意退款了');
    h.advance(60 * 24);
    const out = h.send('到账了，才退了150，不是说好的200吗');
    expect(out.map((m) => m.key)).toContain('escalate.refundShort');
    const seller = drafts(out, 'seller').find((d) => d.key === 'draft.refund_shortfall')!.text;
    expect(seller).toContain('您同意退款 200 元');
  });
});
