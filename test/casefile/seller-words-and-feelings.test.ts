/**
 * Trial 7, problems 10 and 13: the case file and /status quote the buyer's description without the
 * clauses that are only a feeling; a counter-offer's words are the offer (not its reason), with its
 * condition, the courier the seller blamed and the buyer's refusal; a promise keeps the seller's
 * quoted words; a letter never puts the seller's "你" in the buyer's mouth nor leaves "购买的，" behind.
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import type { Outbound } from '../../src/domain/index.ts';
import { withoutFeelings } from '../../src/drafts/words.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

const at = (h: EngineHarness, iso: string) => { h.now = new Date(iso); };
const texts = (out: Outbound[]) => out.map((o) => o.text).join('\n');

/** A conversation of [time, message] steps; the harness after it. */
function talk(user: string, steps: ReadonlyArray<readonly [string, string]>): EngineHarness {
  const h = new EngineHarness(steps[0]![0], user);
  for (const [when, text] of steps) {
    at(h, when);
    h.send(text);
  }
  return h;
}

function fileText(h: EngineHarness): string {
  const f = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
  return [
    ...f.facts.rows.map((r) => `${r.label} ${r.value}`),
    ...f.timeline.entries.flatMap((e) => [e.text, ...e.details]),
  ].join('\n');
}

describe('feelings are not the description', () => {
  it('withoutFeelings drops whole feeling clauses only', () => {
    expect(withoutFeelings('一盒8个碗只到了6个，还裂了一个！！！气死我了')).toBe('一盒8个碗只到了6个，还裂了一个');
    expect(withoutFeelings('屏幕有裂纹 真无语，想换货')).toBe('屏幕有裂纹 想换货');
    expect(withoutFeelings('气得睡不着，盒子是空的')).toBe('气得睡不着，盒子是空的');
  });
});

describe('a partial offer blamed on the courier', () => {
  function run(): { h: EngineHarness; all: string } {
    const h = new EngineHarness('2026-05-02T19:00:00+08:00', 'u-bowls');
    let all = texts(h.send('淘宝买的 <b>一盒8个陶瓷碗</b>，订单号 4410238877120056，只到了6个，还裂了一个！！！气死我了'));
    at(h, '2026-05-02T19:02:00+08:00');
    all += texts(h.send('退款，少的和裂的都要退'));
    at(h, '2026-05-02T21:00:00+08:00');
    all += texts(h.send('卖家说只能给你退三成，说是快递压坏的跟他们没关系'));
    at(h, '2026-05-02T21:05:00+08:00');
    all += texts(h.send('不接受'));
    at(h, '2026-05-02T21:10:00+08:00');
    all += texts(h.command('status'));
    return { h, all };
  }

  it('neither /status nor the case file quotes the anger', () => {
    const { h, all } = run();
    expect(all).not.toContain('气死');
    const file = fileText(h);
    expect(file).toContain('只到了6个，还裂了一个');
    expect(file).not.toContain('气死');
  });

  it('no letter keeps "购买的，" nor speaks the seller\'s 你 in the buyer\'s voice', () => {
    const { all } = run();
    expect(all).not.toMatch(/购买的，/);
    expect(all).toContain('购买的一盒8个陶瓷碗');
    expect(all).not.toMatch(/卖家称[^“。\n]*你/);
  });

  it('the case file says the offer, the courier blamed and the refusal, and never calls the offer a reason', () => {
    const { h } = run();
    const file = fileText(h);
    expect(file).not.toContain('买家转述的理由：只能');
    expect(file).toContain('“只能给你退三成”');
    expect(file).toContain('卖家给的理由（据买家转述）：是快递压坏的跟他们没关系');
    expect(file).toContain('买家没有接受这个方案');
  });
});

describe('what the seller said, kept in the case file', () => {
  it('an offer on condition of withdrawing the complaint, and the buyer\'s no', () => {
    const h = talk('u-scarf', [
      ['2026-09-10T10:00:00+08:00', '京东买的真丝围巾，订单号 7730019283746501，标着真丝其实是涤纶，要退货退款'],
      ['2026-09-10T15:00:00+08:00', '卖家说可以补偿我15元，但要我先撤销投诉'],
      ['2026-09-10T15:05:00+08:00', '不接受'],
    ]);
    const file = fileText(h);
    expect(file).toContain('可以补偿我15元');
    expect(file).toContain('条件：买家撤销投诉');
    expect(file).toContain('买家没有接受这个方案');
  });

  it('a promise keeps the seller\'s quoted words', () => {
    const h = talk('u-lamp', [
      ['2026-04-01T09:00:00+08:00', '淘宝买的台灯不亮，订单号 5098812233445566，想退货退款'],
      ['2026-04-01T11:00:00+08:00', '客服说：“亲，我们72小时内给您回复哦”'],
    ]);
    const file = fileText(h);
    expect(file).toContain('原话：“亲，我们72小时内给您回复哦”');
  });

  it('a promise to send a replacement (said in Cantonese) is a promise to ship, not to reply', () => {
    const h = talk('u-shoes', [
      ['2026-10-05T18:00:00+08:00', '喺淘寶買咗對波鞋，左右腳唔同碼，訂單號 6620193847561122'],
      ['2026-10-05T18:01:00+08:00', '我想換貨'],
      ['2026-10-05T20:00:00+08:00', '老闆話下週一會發新嘅俾我'],
    ]);
    const c = h.state.active!;
    expect(c.timeline.find((e) => e.type === 'seller_promise')?.note).toBe('ship');
    const file = fileText(h);
    expect(file).toMatch(/卖家答应在.+前发货/);
    expect(file).not.toContain('处理或答复');
  });

  it('an English buyer\'s quoted refusal ("They said …") keeps the seller\'s words', () => {
    const h = talk('u-bag', [
      ['2026-06-01T10:00:00+08:00', 'I bought a handbag on Vipshop, order 3390017766554321. The zipper tag is missing and the leather smells like plastic, I think it is fake. I want a refund.'],
      ['2026-06-02T10:00:00+08:00', 'The seller said no. They said "every bag we sell is authentic, nothing is refunded once worn".'],
    ]);
    const refusal = h.state.active!.timeline.find((e) => e.type === 'seller_refused');
    expect(refusal?.quote).toBe('every bag we sell is authentic, nothing is refunded once worn');
    expect(fileText(h)).toContain('nothing is refunded once worn');
  });
});
