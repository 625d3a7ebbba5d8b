/**
 * Who the seller is comes from where the buyer bought: on a platform of shops (京东, 天猫, 拼多多…)
 * the seller is a 经营者, even when the buyer calls the goods "二手" or "翻新" — that is the
 * complaint (sold as new, arrived used), not a private seller. Only on 闲鱼, or where the buyer
 * says the seller is a private person, do the private-seller routes apply.
 */
import { describe, expect, it } from 'vitest';
import type { Outbound } from '../../src/domain/index.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

const bodies = (out: Outbound[], to?: string) => out.filter((m) => m.kind === 'draft' && (to === undefined || m.to === to)).map((m) => m.text).join('\n');
const keys = (out: Outbound[]) => out.map((m) => m.key);

/** The case opened with `opening`, the seller's answer told when given, then 12315 asked for. */
function askFor12315(opening: string, complaint: string, sellerSaid?: string): Outbound[] {
  const h = new EngineHarness('2026-12-03T09:00:00+08:00');
  h.send(opening);
  h.advance(120);
  if (sellerSaid) h.send(sellerSaid);
  h.advance(10);
  return h.send(complaint);
}

/** A letter to 12315 was given (none is, for a private seller). */
function gets12315Letter(out: Outbound[], orderId: string): void {
  expect(keys(out)).not.toContain('regulator.privateSeller');
  expect(bodies(out, 'regulator')).toContain(orderId);
}

describe('goods called second-hand on a platform of shops', () => {
  it('天猫: a "全新" camera that arrived used keeps the 退一赔三 claim, and 12315 gets its letter', () => {
    const h = new EngineHarness('2026-12-01T20:00:00+08:00');
    const first = h.send('天猫买的微单相机 实付6280 订单号 3817264059182736455 页面写原装正品全新未拆封，收到快门数三千多，是翻新的二手机身！！要求退一赔三');
    const letter = bodies(first);
    expect(letter).toContain('第五十五条');
    expect(letter).toContain('18,840');
    expect(letter).not.toMatch(/合理补偿|请您提出具体金额/);
    expect(first.map((m) => m.text).join('\n')).not.toContain('个人卖自己的闲置');
    h.advance(60 * 14);
    h.send('客服说：快门数是出厂测试留下的，不影响使用，不给退');
    h.advance(10);
    gets12315Letter(h.send('我要去12315投诉'), '3817264059182736455');
  });

  it('拼多多: "翻新货" in a quality complaint is no private seller either', () => {
    const out = askFor12315('拼多多订单 251203-667182930041276 买的蓝牙音箱，说是新品，拆开外壳有划痕，明显是翻新货二手的，开机就杂音，要退货退款',
      '12315投诉文本给我一份', '商家回复：二次销售的商品不影响功能，不支持退货');
    gets12315Letter(out, '251203-667182930041276');
  });

  it('京东: even "the seller is a private person" does not make a 京东 shop private', () => {
    gets12315Letter(askFor12315('京东买的电动牙刷 订单号 301928374655 充不进电，卖家说他们是个人小卖家，不给退，我要退款', '我要12315投诉'), '301928374655');
  });
});

describe('where private sellers do sell', () => {
  it('闲鱼: a second-hand item stays a private sale with no 12315 letter', () => {
    const out = askFor12315('闲鱼上收的二手平板 订单号 4102938475610293 说无拆修，到手发现换过屏，想退货退款', '要12315投诉');
    expect(keys(out)).toContain('regulator.privateSeller');
    expect(bodies(out, 'regulator')).toBe('');
  });

  it('no platform named: the buyer saying the seller is a private person is kept', () => {
    expect(keys(askFor12315('转转上买的耳机 订单号 5528193746102 对方是个人，卖自己用过的闲置，左耳没声音，想退款', '12315投诉'))).toContain('regulator.privateSeller');
  });
});
