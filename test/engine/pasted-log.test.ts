/**
 * Trial 12 F18: a pasted chat log with the shop is read as a log. The buyer's own line naming the fault
 * is the problem (never a line that only hands the log over), each answer of the shop goes on the record
 * with the log's own time, a demand to confirm receipt first is warned about at once, and a promise whose
 * time the log shows already passed moves the case past the seller. What was read is said back.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const problemOf = (letter: string): string => letter.split('\n').find((l) => /^问题(?:是)?：/u.test(l)) ?? '';
const keys = (out: Outbound[]): (string | undefined)[] => out.map((m) => m.key);
const readBack = (out: Outbound[]): string => out.find((m) => m.key === 'logRead.intro')?.text ?? '';

describe('a dated log with a passed promise, an offer and a demand to confirm receipt', () => {
  const log = `帮我看下怎么弄，和客服的聊天都在这了，订单号 2207781934455120 拼多多
[2026-12-01 09:15] 我：电热水壶烧开以后不会自动断电
[2026-12-01 09:40] 客服阿杰：您好，已经登记，72小时内给您处理结果
[2026-12-04 21:00] 我：都过了三天了
[2026-12-05 10:10] 客服阿杰：可以补您8元优惠券，您看行不行
[2026-12-05 10:12] 我：不要券，要退货退款，水壶199元
[2026-12-05 10:30] 客服阿杰：那您先确认收货，我们再给您处理`;

  it('warns at once, goes to the platform and lists the shop’s answers with the log’s times', () => {
    const h = new EngineHarness('2026-12-05T15:00:00+08:00');
    const out = h.send(log);
    expect(keys(out)).toContain('pitfall.confirm_receipt_first');
    expect(keys(out)).not.toContain('confirm.reply');
    expect(keys(out)).toContain('seller.promisePassed');
    expect(h.state.active?.phase === 'following' && h.state.active.rung).toBe('platform');
    const letter = drafts(out, 'platform')[0]!.text;
    expect(problemOf(letter)).toContain('电热水壶烧开以后不会自动断电');
    expect(problemOf(letter)).not.toMatch(/聊天|帮我/u);
    expect(letter).toContain('2026年12月1日 09:40，卖家答应在2026年12月4日 09:40前');
    expect(letter).toContain('“可以补您8元优惠券，您看行不行”');
    expect(letter).toMatch(/2026年12月5日 10:30，卖家要求我先确认收货/u);
  });

  it('says back the problem and every answer, dated as the log dates them', () => {
    const h = new EngineHarness('2026-12-05T15:00:00+08:00');
    const said = readBack(h.send(log));
    expect(said).toContain('问题：电热水壶烧开以后不会自动断电');
    expect(said).toContain('2026年12月1日 09:40 卖家给了期限');
    expect(said).toContain('2026年12月5日 10:10 卖家只同意一部分');
    expect(said).toContain('2026年12月5日 10:30 卖家要先确认收货');
    expect(said).toMatch(/读错了/u);
  });
});

describe('a log without times', () => {
  it('states no date for any answer, and a promise it cannot date keeps the seller rung', () => {
    const h = new EngineHarness('2026-12-05T15:00:00+08:00');
    const out = h.send(`聊天记录在下面：
我：鼠标滚轮失灵，往下滚页面往上跳
客服：亲，这边反馈一下，24小时内给您回复
我：好的 我要换货
订单号 5530092178346`);
    const said = readBack(out);
    expect(said).toContain('问题：鼠标滚轮失灵');
    expect(said).toContain('卖家给了期限：“亲，这边反馈一下，24小时内给您回复”');
    expect(said).not.toMatch(/20\d\d年/u);
    expect(keys(out)).not.toContain('seller.promisePassed');
    expect(problemOf(drafts(out).map((m) => m.text).join('\n'))).not.toMatch(/聊天记录|在下面/u);
  });
});

describe('a lead line that names only the goods', () => {
  it('gives way to the buyer’s line in the log that names the fault', () => {
    const h = new EngineHarness('2026-12-05T15:00:00+08:00');
    const out = h.send(`淘宝买的台灯，订单 3318820045567713，记录如下
我：台灯用了两天灯光一直闪
店铺客服：亲，是不是插座的问题呢
我：换了插座也一样闪，我要退款
店铺客服：这个不是质量问题，不给退哦`);
    expect(readBack(out)).toContain('问题：台灯用了两天灯光一直闪');
    const letter = drafts(out, 'platform')[0]!.text;
    expect(problemOf(letter)).toContain('灯光一直闪');
    expect(problemOf(letter)).not.toMatch(/记录如下/u);
  });
});

describe('a promise the log shows still running', () => {
  it('stays with the seller and follows the promise from the log’s time', () => {
    const h = new EngineHarness('2026-12-05T15:00:00+08:00');
    const out = h.send(`订单号 7781200934561，京东，下面是聊天
[2026-12-05 11:00] 我：收到的羽绒服拉链坏了拉不上
[2026-12-05 11:20] 商家：亲您别急，我们48小时内给您处理结果
[2026-12-05 11:25] 我：那我要换一件`);
    expect(keys(out)).not.toContain('seller.promisePassed');
    expect(drafts(out, 'platform')).toHaveLength(0);
    expect(readBack(out)).toContain('2026年12月5日 11:20 卖家给了期限');
    expect(h.state.active?.reminders.some((r) => r.reason === 'seller_promise' && r.deadline.startsWith('2026-12-07T03:20'))).toBe(true);
  });
});
