/**
 * A booking or a service paid ahead (a hotel room, a course) is no parcel: a room not given is its
 * own problem (no "signed for", no defect, no takeaway or product-photo checklist), a cost it caused
 * (a taxi) stays a cost claim, and an English buyer's check says what the Chinese letter says, no more.
 */
import { describe, expect, it } from 'vitest';
import type { Outbound } from '../../src/domain/index.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';
import { virtualGoods } from '../../src/knowledge/goods.ts';
import { isTakeaway } from '../../src/knowledge/takeaway.ts';

const draftOf = (out: Outbound[], to: string) => out.find((m) => m.kind === 'draft' && m.to === to);
const checklist = (out: Outbound[]) => out.filter((m) => m.kind === 'checklist').map((m) => m.text).join('\n');
const GOODS_WORDS = /签收|质量问题|商品在运输中|物流迟迟/u;

describe('bookings and services', () => {
  it('are read as bought ahead, not shipped, and not as a takeaway meal', () => {
    expect(virtualGoods('在携程订的酒店到了说没有房间')).toBe(true);
    expect(virtualGoods('the guesthouse cancelled my booking on arrival')).toBe(true);
    expect(virtualGoods('买的英语网课老师一直不上课')).toBe(true);
    expect(virtualGoods('买的行李箱轮子坏了')).toBe(false);
    expect(isTakeaway({ platform: 'other', platformName: '美团', problemText: '美团订的民宿到店说超售了' })).toBe(false);
    expect(isTakeaway({ platform: 'other', platformName: 'Meituan', problemText: 'the hotel had no room for my booking' })).toBe(false);
    expect(isTakeaway({ platform: 'other', platformName: '美团', problemText: '外卖少送了一份米饭' })).toBe(true);
  });

  it('an English overbooking: no signed-for day, no defect, the taxi kept, and the check adds nothing', () => {
    const h = new EngineHarness('2026-12-04T22:30:00+08:00');
    h.send('Booked a guesthouse in Dali on Meituan for 3 nights, 960 yuan paid in advance. Got there this evening and they said they were overbooked, no room for me.');
    const out = h.send('Order number 66120938475512. I want a refund of the booking and for them to pay my taxi to another place (42 yuan).');
    const [body, gloss] = draftOf(out, 'seller')!.text.split('English translation');
    expect(body).not.toMatch(GOODS_WORDS);
    expect(body).toContain('超售');
    expect(body).toContain('未能提供已预订的房间');
    expect(body).toContain('交通费用 42 元');
    expect(gloss).toMatch(/travel cost this caused \([^)]*42/);
    // The translation holds nothing the Chinese text leaves out.
    expect(gloss).not.toContain('also:');
    expect(gloss).not.toContain('signed for');
    // No takeaway bag or product close-up to photograph.
    expect(checklist(out)).not.toMatch(/bag|seal|close-up|spilled/i);
  });

  it('a Chinese booking not honoured: the buyer\'s own words, the taxi as a cost, no parcel checklist', () => {
    const h = new EngineHarness('2026-12-04T23:10:00+08:00');
    h.send('美团上订的酒店，两晚一共880，到前台说超售了没有房间，订单号 73318264059921，要求全额退款，另外打车去别家的车费36也要他们出');
    const out = h.log.flatMap((l) => l.out);
    const body = draftOf(out, 'seller')?.body ?? draftOf(out, 'seller')?.text ?? '';
    expect(body).toContain('超售');
    expect(body).not.toContain('签收');
    expect(body).toMatch(/交通费用 36/);
    expect(checklist(out)).not.toMatch(/外包装|开箱|袋子|封口|实物/u);
  });

  it('a course that does not deliver what was promised gets no photo of goods to compare', () => {
    const h = new EngineHarness('2026-12-04T20:00:00+08:00');
    h.send('在小红书买的摄影课程 1680元 订单号 88412093376512，宣传说一对一指导，结果只有录播视频，要求退款');
    const list = checklist(h.log.flatMap((l) => l.out));
    expect(list).not.toBe('');
    expect(list).not.toMatch(/实物|外包装|快递面单|物流/u);
  });
});

describe('problem types of goods with a fault', () => {
  it('a stain on new clothes is a fault of the goods, not a change of mind', () => {
    for (const words of ['京东买的羊毛大衣 领口一块油渍 吊牌还挂着 想退货', '新买的白衬衫前襟有油点，洗了也洗不掉', '裤子上一大块油污，刚拆的快递']) {
      const h = new EngineHarness();
      h.send(words);
      expect(h.state.active!.slots.problem, words).toBe('quality');
    }
  });

  it('a supplement that lacks the effect it was sold on is not as described', () => {
    for (const words of ['快手买的酵素说能减肥，吃了两盒一点效果都没有，药店的人说这东西治不了病，想退钱', '直播间卖的人参口服液，喝完根本不能治病，就是普通饮料，要退款']) {
      const h = new EngineHarness();
      h.send(words);
      expect(h.state.active!.slots.problem, words).toBe('not_as_described');
    }
  });

  it('a sick pet from a breeder is a fault, and the vet bill is a cost, not the price', () => {
    const h = new EngineHarness('2026-12-03T21:00:00+08:00');
    h.send('淘宝犬舍买的柯基，4200，到家第三天查出犬瘟，现在在宠物医院住院，已经花了1350。订单号 3850127746612093388');
    const s = h.state.active!.slots;
    expect(s.problem).toBe('quality');
    expect(s.amountPaid).not.toBe(1350);
  });

  it('a day of the month said with a receipt word is the day received', () => {
    const h = new EngineHarness('2026-12-09T10:00:00+08:00');
    h.send('拼多多买的加湿器不出雾，订单号 261208-556677889900123，要退货退款');
    h.send('6号到的');
    expect(h.state.active!.slots.receivedOn).toBe('2026-12-06');
  });
});
