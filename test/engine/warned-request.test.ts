/**
 * A yes-or-no question right after the seller's request to leave the platform (or to confirm
 * receipt first) was warned about gets a direct answer first, not the general follow-up alone (buyer
 * trial 3); the case's usual line comes after it, as for a later question about it (trial 7 s06).
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

const ORDER = '5027394618203746159';

function following(): EngineHarness {
  const h = new EngineHarness();
  h.send(`淘宝订单 ${ORDER}，蓝牙耳机左边没声音，想退货退款`);
  expect(h.state.active!.phase).toBe('following');
  h.advance(30);
  return h;
}

describe('a question about the request just warned about', () => {
  it('"should I add them?" after a request to add a contact: no, and what to say instead', () => {
    const h = following();
    h.send('客服让我加她QQ，说QQ上给我退款');
    h.advance(3);
    const out = h.send('要不要加她？');
    expect(out.map((m) => m.key)).toEqual(['warnedRequest.contact', 'followingCase']);
    expect(out[0]!.text).toMatch(/^不要加/u);
  });

  it('"can I confirm first?" after the seller asked for it: not yet', () => {
    const h = following();
    h.send('店家说先点确认收货，然后再给我退');
    h.advance(3);
    const out = h.send('可以先确认吗');
    expect(out.map((m) => m.key)).toEqual(['warnedRequest.confirmFirst', 'followingCase']);
  });

  it('a question that asks something else is not answered as that request', () => {
    const h = following();
    h.send('客服让我加她QQ，说QQ上给我退款');
    h.advance(3);
    expect(h.send('耳机盒子还要留着吗？ 照片要拍几张？').map((m) => m.key)).not.toContain('warnedRequest.contact');
    expect(h.send('照片要拍几张？').map((m) => m.key)).not.toContain('warnedRequest.contact');
  });
});
