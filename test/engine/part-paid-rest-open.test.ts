/**
 * Money that came while more is still claimed: a platform ruling gave part of the sum asked and the
 * buyer goes on for the rest (12315). The arrival is recorded, the case stays open with the rest
 * stated and the regulator's follow-up kept; a sum that meets the claim still closes as before.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');

/** Opened, refused, intervention asked for, part ruled: the rest goes to 12315. */
function partRuled(opening: string, ruling: string): EngineHarness {
  const h = new EngineHarness('2026-11-23T10:00:00+08:00');
  h.send(opening);
  h.advance(60 * 20);
  h.send('卖家拒绝了');
  h.advance(60 * 20);
  h.send('申请平台介入');
  h.advance(60 * 40);
  h.send(ruling);
  h.advance(60 * 20);
  return h;
}

describe('part of the claim paid, the rest still pursued', () => {
  it.each([
    ['京东订单号 318273645501 这台破壁机实付399 电机冒烟 要退款 399', '平台判了，就给退150', '150到账了', '150', '399', '249'],
    ['天猫 订单 7730192846573 买的真丝睡衣 实付 488 起球掉色 要退款 488', '平台判定只退200元', '钱已经到账了', '200', '488', '288'],
    ['拼多多 订单 260101-448120937711 买的登山鞋 实付 260 鞋底开胶 要退款 260', '平台裁定只退80元', '收到退款80了', '80', '260', '180'],
  ])('%s → %s → "%s": recorded, not closed, rest stated', (opening, ruling, arrival, got, asked, rest) => {
    const h = partRuled(opening, ruling);
    const out = h.send(arrival);
    expect(keys(out)).toContain('partPaid.restAtRegulator');
    expect(keys(out)).not.toContain('resolved');
    const reply = out.find((m) => m.key === 'partPaid.restAtRegulator')!.text;
    expect(reply).toContain(`¥${got}.00`);
    expect(reply).toContain(`¥${asked}.00`);
    expect(reply).toContain(`¥${rest}.00`);
    const c = h.state.active!;
    expect(c.slots.amountRefunded).toBe(Number(got));
    // The awarded sum's check is done; the complaint's follow-up stays.
    expect([...h.due.keys()].some((id) => id.endsWith('-refund_arrival'))).toBe(false);
    expect([...h.due.keys()].some((id) => id.endsWith('-regulator_acceptance'))).toBe(true);
    // Asking for the complaint again stays on this case: no order number asked, same order in the text.
    h.advance(5);
    const again = h.send('12315投诉');
    expect(again.some((m) => m.kind === 'question' && m.slot === 'orderId')).toBe(false);
    expect(drafts(again, 'regulator').map((d) => d.text).join('\n')).toContain(c.slots.orderId!);
  });

  it('closes when the buyer then says it is done', () => {
    const h = partRuled('淘宝 订单 5529301847562 买的落地扇 实付 180 摇头坏了 要退款 180', '平台判了 才给退45块');
    h.send('45到账了');
    h.advance(60);
    expect(keys(h.send('算了，已解决'))).toContain('resolved');
    expect(h.state.active).toBeNull();
  });

  it('still closes when the whole sum asked arrives', () => {
    const h = partRuled('淘宝 订单 5529301847562 买的落地扇 实付 180 摇头坏了 要退款 180', '平台判了 才给退45块');
    expect(keys(h.send('180全部到账了'))).not.toContain('partPaid.restAtRegulator');
  });
});
