/**
 * A visit to install or repair at the buyer's home is no courier pickup: the reminder asks whether
 * someone came, and the letters say the visit was missed, never that a pickup was arranged. A
 * service asked for with a timed fallback keeps the service and the fallback with its time.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ORDER = '7730215948601327';
const wishLine = (text: string): string => text.split('\n').find((l) => l.startsWith('我的诉求：') || l.startsWith('我希望'))!;

describe('an installer or technician promised to come', () => {
  it('"师傅周六上午上门": the reminder asks whether someone came, and the letter says nobody came, not a pickup', () => {
    const h = new EngineHarness('2026-12-02T11:00:00+08:00');
    h.send(`京东买的壁挂空调 3199元 订单号 ${ORDER} 包安装的，送到五天了一直没人来装`);
    h.send('退货退款');
    h.send('客服回复 已安排 师傅周六上午上门');
    const nudge = h.tickHours(4 * 24).find((m) => m.kind === 'nudge')!;
    expect(nudge.text).toContain('派人上门');
    expect(nudge.text).not.toContain('取件');
    const out = h.send('还是没人来');
    const letter = drafts(out).at(-1)!.text;
    expect(letter).toContain('没有人上门');
    expect(letter).not.toMatch(/取件|取走/);
  });

  it('a repair visit said in other words ("维修工程师明天下午过来上门检修") is a visit too', () => {
    const h = new EngineHarness('2026-12-02T09:30:00+08:00');
    h.send(`天猫订单 ${ORDER}，燃气热水器装好第三天就打不着火，要维修`);
    h.send('卖家说 维修工程师明天下午上门检修');
    const nudge = h.tickHours(36).find((m) => m.kind === 'nudge')!;
    expect(nudge.text).not.toContain('取件');
    const letter = drafts(h.send('没来，电话也打不通')).at(-1)!.text;
    expect(letter).toContain('没有人上门');
    expect(letter).not.toContain('取件');
  });

  it('"安装师傅明天上门" that came: no letter, and the case file says a visit was promised, not a pickup', () => {
    const h = new EngineHarness('2026-12-02T09:30:00+08:00');
    h.send(`苏宁订单 ${ORDER}，买的智能马桶盖 1299元，说好包安装，到货一周没人来，要退款`);
    h.send('商家说 安装师傅明天上门');
    h.tickHours(36);
    const out = h.send('来了，装好了');
    expect(drafts(out)).toHaveLength(0);
    const promise = h.state.active!.timeline.find((e) => e.type === 'seller_promise')!;
    expect(promise.note.split(' ')[0]).toBe('visit');
  });

  it('a courier called 师傅 who comes to collect a return is still a pickup', () => {
    const h = new EngineHarness('2026-12-02T09:30:00+08:00');
    h.send(`拼多多订单 ${ORDER}，电饭煲内胆有划痕，要退货退款`);
    h.send('商家同意退货了，说快递师傅明天上午上门取件');
    const nudge = h.tickHours(30).find((m) => m.kind === 'nudge')!;
    expect(nudge.text).toContain('取件');
  });
});

describe('a service asked for with a fallback that has its own time', () => {
  it('"请尽快上门装好，两天内不装我就退款": the installation is the wish, the fallback keeps its time', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(`抖音买的电动晾衣架 899元 订单号 ${ORDER} 说好送装一体 到了四天没人装`);
    const seller = drafts(h.send('请尽快上门装好，两天内不装我就退款')).at(-1)!.text;
    expect(h.state.active!.slots.wants).toBeNull();
    expect(wishLine(seller)).toBe('我希望尽快上门装好（两天内不装我就退款）。');
  });

  it('"希望赶紧派人来安装，周五前还不来就退货" and a plain fallback ("否则退货") are both kept whole', () => {
    for (const [wish, line] of [
      ['希望赶紧派人来安装，周五前还不来就退货', '我希望赶紧派人来安装（周五前还不来就退货）。'],
      ['麻烦尽快派人来安装，否则退货', '我希望尽快派人来安装（否则退货）。'],
    ] as const) {
      const h = new EngineHarness('2026-12-02T10:00:00+08:00');
      h.send(`淘宝订单 ${ORDER}，定制书柜到货一周了，包安装但一直没来装`);
      const seller = drafts(h.send(wish)).at(-1)!.text;
      expect(wishLine(seller)).toBe(line);
      expect(seller).not.toContain('我希望退货');
    }
  });

  it('a later "不要了，直接退货退款" replaces the service wish in the next letter', () => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(`快手买的沙发床 1580元 订单号 ${ORDER} 包安装 师傅迟迟不来`);
    h.send('尽快安排师傅来装，三天内还不来就退款');
    h.send('不想等了，直接退货退款吧');
    expect(h.state.active!.slots.wants).toBe('return_refund');
    expect(h.state.active!.slots.wishText ?? null).toBeNull();
  });
});
