/**
 * What arrived, and what the seller asked, said in Cantonese or English: a replacement that came
 * faulty again, a refund that came short, a seller who wants the goods back before sending new ones.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

function exchangeCase(open: string): EngineHarness {
  const h = new EngineHarness('2026-11-18T10:00:00+08:00');
  h.send(open);
  h.advance(60 * 5);
  return h;
}

describe('a seller who wants the goods back first', () => {
  it('is a return to post, not a new one sent first (Cantonese)', () => {
    const h = exchangeCase('天貓訂單 3301928374650，部電飯煲煲唔熟飯，我想換過個新嘅');
    const out = h.send('賣家話可以換，要我先寄返俾佢，收到再寄新嘅');
    const keys = out.map((m) => m.key);
    expect(keys).not.toContain('seller.agreesSendNew');
    expect(keys).toContain('seller.agreesReturn');
  });

  it('is read the same in Mandarin and English', () => {
    const zh = exchangeCase('淘宝订单 3301928374651，电动牙刷充不进电，想换个新的');
    expect(zh.send('卖家同意换了，让我先把旧的寄回去，他们签收再发新的').map((m) => m.key)).not.toContain('seller.agreesSendNew');
    const en = exchangeCase('Taobao order 3301928374652, the blender motor stopped after a week, I want an exchange');
    expect(en.send('The seller agreed to exchange it but I have to send it back first').map((m) => m.key)).not.toContain('seller.agreesSendNew');
  });
});

describe('a replacement that came with the same fault', () => {
  it('does not close the case, said in Cantonese', () => {
    const h = exchangeCase('天貓訂單 3301928374653，個藍牙喇叭開唔到機，想換');
    h.send('賣家同意換，會寄新嘅俾我');
    h.advance(60 * 24 * 3);
    const out = h.send('換嘅到咗，又係咁，都係開唔到機');
    expect(h.state.active).not.toBeNull();
    expect(out.map((m) => m.key)).toContain('remedy.stillWrong');
  });
});

describe('a refund that came short, said in English', () => {
  it('records the sum that came and does not close the case', () => {
    const h = exchangeCase('JD order 3301928374654, paid 320 yuan, the air purifier arrived with a cracked panel, I want a refund');
    h.send('The seller agreed to refund 320 yuan');
    h.advance(60 * 24 * 2);
    const out = h.send('The refund arrived, only 250 yuan though');
    expect(h.state.active).not.toBeNull();
    expect(h.state.active!.slots.amountRefunded).toBe(250);
    expect(out.map((m) => m.text).join('\n')).toMatch(/250/);
  });
});
