/**
 * Trial 13 F24: a photo is ticked off against the checklist item it shows. A close-up of a dent or a
 * crushed part is the close-up of the fault; a hospital's papers (an invoice among them) are no
 * purchase invoice, while the shop's invoice still is.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

function photo(opening: string, caption: string): string | null {
  const h = new EngineHarness('2027-07-01T10:00:00+08:00');
  h.send(opening);
  h.advance(10).send({ type: 'media', kind: 'photo', caption, fileId: 'p1' });
  return h.state.active!.evidence.at(-1)!.item ?? null;
}

describe('a close-up of the fault', () => {
  const opening = '京东订单 318827364510，收到的电饭煲内锅磕坏了，要换货';
  for (const caption of ['内锅凹陷的近照', '锅沿压扁变形的地方', 'close photo of the dent on the rim']) {
    it(`"${caption}" is the close-up`, () => {
      expect(photo(opening, caption)).toBe('defect_closeup');
    });
  }
});

describe('papers of a medical visit', () => {
  const opening = '淘宝订单 4410293847561029384，买的洗发水用了头皮起疹子，要退款并赔偿医药费';
  for (const caption of ['医院的诊断书和发票', '门诊病历', 'hospital receipt and diagnosis']) {
    it(`"${caption}" is not the purchase invoice`, () => {
      expect(photo(opening, caption)).not.toBe('invoice');
    });
  }
  it("the shop's invoice still is", () => {
    expect(photo(opening, '店铺开的发票')).toBe('invoice');
  });
});
