/**
 * Issue 10's behaviours as scripted chats (CONTRACTS §2), run as one real process with one
 * buyer per behaviour. Lines are matched by kind, slot, `to` and the message key.
 */
import { describe, expect, it } from 'vitest';
import { runChat, type ChatLine } from '../helpers/cli.ts';

const A = '7301925846120397';
const B = '7301925846120455';
const D = (day: number, hm: string) => `2026-12-${String(day).padStart(2, '0')}T${hm}:00+08:00`;

const script = [
  // correction after the draft, then a changed wish that sticks
  { at: D(1, '09:00'), user: 'fix', text: `淘宝订单${A}，电饭煲到手内胆就摔变形了，想退款` },
  { at: D(1, '09:05'), user: 'fix', text: `不好意思发错了，订单号是${B}，刚才那个是我另一单` },
  { at: D(1, '09:06'), user: 'fix', text: '算了还是换货吧' },
  { at: D(1, '09:10'), user: 'fix', text: '卖家说不同意换' },
  // a silent seller: asked after the draft's own deadline whether the letter went out; it did, no reply
  { at: D(1, '10:00'), user: 'quiet', text: `订单${A}，鞋子到手鞋底就开胶了，想退货退款` },
  // the platform's own timer, then a ruling against the buyer
  { at: D(1, '11:00'), user: 'plat', text: `京东订单${A}，耳机到手左耳没声音，想换货` },
  { at: D(1, '11:05'), user: 'plat', text: '卖家拒绝了' },
  { at: D(1, '12:00'), user: 'plat', text: '平台说3天内处理' },
  // a photo first, then the problem
  { at: D(1, '13:00'), user: 'pic', photo: '外箱压扁了' },
  { at: D(1, '13:01'), user: 'pic', photo: '碗的裂缝' },
  { at: D(1, '13:02'), user: 'pic', text: `订单号${A}，碗到手就裂了，想退款` },
  { at: D(1, '13:03'), user: 'pic', command: 'status' },
  // a pasted log
  {
    at: D(1, '14:00'),
    user: 'log',
    text: [
      '优品家电旗舰店 2026-11-28 10:00:00',
      '亲，欢迎光临～双十二预热全场满300减50，领券更划算',
      '我 2026-11-28 10:01:00',
      '这个加湿器什么时候发货',
      '优品家电旗舰店 2026-11-28 10:01:20',
      '今天下单今天发哦亲',
      '我 2026-11-30 21:00:00',
      `订单号${A}，加湿器用了一晚底座就漏水，桌子都湿了`,
      '优品家电旗舰店 2026-11-30 21:05:00',
      '亲亲抱歉，我们反馈一下，48小时内给您答复',
      '优品家电旗舰店 2026-11-30 21:05:10',
      '收到货满意的话麻烦给个好评哦',
    ].join('\n'),
  },
  { at: D(1, '14:01'), user: 'log', text: '要换货' },
  // time passes
  { at: D(2, '11:00'), tick: true },
  { at: D(2, '11:05'), user: 'quiet', text: '发了，卖家没回' },
  { at: D(4, '13:00'), tick: true },
  { at: D(4, '13:30'), user: 'plat', text: '平台驳回了我的申请' },
];

describe('npm run chat -- --script (the phase engine)', () => {
  const { lines, status, stderr } = runChat(script);
  const of = (user: string) => lines.filter((l) => l.user === user);
  const draftsOf = (user: string, to?: string): ChatLine[] => of(user).filter((l) => l.kind === 'draft' && (!to || l.to === to));

  it('runs cleanly', () => {
    expect(status, stderr).toBe(0);
  });

  it('a corrected number after the draft → a new seller draft with only the new number; a changed wish sticks', () => {
    const seller = draftsOf('fix', 'seller');
    expect(seller).toHaveLength(3);
    expect(seller[1]!.at).toBe(D(1, '09:05'));
    expect(seller[1]!.text).toContain(B);
    expect(seller[1]!.text).not.toContain(A);
    expect(seller[2]!.text).toMatch(/换货/);
    const platform = draftsOf('fix', 'platform');
    expect(platform).toHaveLength(1);
    expect(platform[0]!.text).toContain(B);
    expect(platform[0]!.text).not.toContain(A);
    expect(platform[0]!.text).toMatch(/换货/);
  });

  it('a silent seller → after the draft\'s own deadline, asked whether it was sent; "sent, no reply" → the platform draft', () => {
    const before = of('quiet').filter((l) => l.at < D(2, '10:00'));
    expect(before.some((l) => l.kind === 'nudge')).toBe(false);
    const nudge = of('quiet').find((l) => l.kind === 'nudge');
    expect(nudge).toMatchObject({ at: D(2, '11:00'), key: 'nudge.letter_check', options: ['发了，卖家没回', '发了，卖家回了', '还没发'] });
    const platform = draftsOf('quiet', 'platform');
    expect(platform).toHaveLength(1);
    expect(platform[0]!.at).toBe(D(2, '11:05'));
    expect(platform[0]!.text).toContain('我已把书面要求发给卖家，要求2026年12月2日 10:00前答复，卖家未答复。');
  });

  it('"平台说3天内处理" → no second platform draft, a nudge after 3 days; a ruling against the buyer → 12315', () => {
    expect(draftsOf('plat', 'platform')).toHaveLength(1);
    const nudge = of('plat').find((l) => l.kind === 'nudge');
    expect(nudge).toMatchObject({ at: D(4, '13:00'), key: 'nudge.platform_timer' });
    const regulator = draftsOf('plat', 'regulator');
    expect(regulator).toHaveLength(1);
    expect(regulator[0]!.at).toBe(D(4, '13:30'));
  });

  it('a photo first, then the problem → the draft carries the problem, /status names the photos', () => {
    expect(of('pic').filter((l) => l.at < D(1, '13:02')).every((l) => l.kind !== 'draft')).toBe(true);
    const seller = draftsOf('pic', 'seller')[0]!;
    expect(seller.text).toContain('碗到手就裂了');
    const status = of('pic').find((l) => l.key === 'status')!;
    expect(status.text).toContain('外箱压扁了');
    expect(status.text).toContain('碗的裂缝');
  });

  it('a pasted log → only the missing element is asked; drafts carry the defect, not the promos', () => {
    const asked = of('log').filter((l) => l.kind === 'question');
    expect(asked.map((l) => l.slot)).toEqual(['wants']);
    const seller = draftsOf('log', 'seller')[0]!;
    expect(seller.text).toMatch(/漏水/);
    expect(seller.text).not.toMatch(/满300减50|今天下单|好评|什么时候发货/);
  });
});
