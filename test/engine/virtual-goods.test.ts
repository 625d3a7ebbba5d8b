/**
 * Virtual goods (a membership, a top-up, a code) are never shipped: the checklist and the letters
 * neither ask for nor offer a waybill, a tracking page or a signed-for record (buyer trial 3).
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { virtualGoods } from '../../src/knowledge/goods.ts';
import { checklistIds } from '../../src/knowledge/checklists.ts';
import { caseFileContent } from '../../src/casefile/content.ts';
import type { Case, Outbound } from '../../src/domain/index.ts';

const SHIPPING = /物流|签收|快递|驿站|面单|tracking|signed|courier|parcel/iu;
const text = (out: Outbound[], kind: Outbound['kind']) => out.filter((m) => m.kind === kind).map((m) => m.text).join('\n');

describe('virtual goods', () => {
  it('are told apart from parcels by what the buyer names', () => {
    expect(virtualGoods('给孩子买的游戏点卡付款后没收到卡密')).toBe(true);
    expect(virtualGoods('买的音乐app会员付了钱一直没开通')).toBe(true);
    expect(virtualGoods('the phone top-up never came through')).toBe(true);
    expect(virtualGoods('买的话剧电子票入场时扫不出来')).toBe(true);
    expect(virtualGoods('我是88vip，买的电饭煲内胆掉漆了')).toBe(false);
    expect(virtualGoods('羽绒服一直没发货')).toBe(false);
  });

  it('have a checklist without anything a parcel leaves behind', () => {
    const ids = checklistIds('not_received', { virtual: true });
    expect(ids[0]).toBe('account_record');
    expect(ids).not.toContain('tracking_page');
    expect(ids).not.toContain('signed_record');
  });

  it('get a checklist and a seller letter that never mention shipping', () => {
    const h = new EngineHarness();
    h.send('买的网盘超级会员一直没到账');
    h.send('淘宝 3816254907132465870');
    const out = h.send('退款');
    expect(h.state.active!.phase).toBe('following');
    expect(text(out, 'checklist')).not.toMatch(SHIPPING);
    expect(text(out, 'checklist')).toContain('账户');
    const letter = drafts(out, 'seller').map((m) => m.body ?? m.text).join('\n');
    expect(letter).toContain('账户到账记录截图');
    expect(letter).not.toMatch(SHIPPING);
    expect(letter).toContain('会员');
    // The case file lists what is still missing from the same checklist.
    const file = caseFileContent(h.state.active as Case, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
    expect(file.evidence.missing.join('\n')).not.toMatch(SHIPPING);
  });

  it('in English too', () => {
    const h = new EngineHarness();
    const out = h.send('Taobao order 3816254907132465870: I paid for a game top-up two days ago and it was never credited. I want a refund.');
    expect(h.state.active!.phase).toBe('following');
    expect(text(out, 'checklist')).not.toMatch(SHIPPING);
  });
});
