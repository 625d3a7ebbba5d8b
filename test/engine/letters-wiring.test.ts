/**
 * The letters wired into the engine (issue 11) and the confidence policy of the dialogue
 * (issue 9 item 4). The policy is tested on hand-built extractions with exact confidences; the
 * conversations assert keys, codes and record fields, not wording, and hold whatever the
 * classifier reads of a middling message (a confirmation is answered when it comes).
 */
import { describe, expect, it } from 'vitest';
import { emptyExtraction, type Extraction } from '../../src/nlu/index.ts';
import { ACT_CONFIDENCE, CONFIRM_CONFIDENCE } from '../../src/nlu/confidence.ts';
import { checklistFor } from '../../src/knowledge/checklists.ts';
import { freshState } from '../../src/engine/engine.ts';
import { openCase } from '../../src/engine/case.ts';
import { readReport } from '../../src/engine/reports.ts';
import { mergeExtraction } from '../../src/engine/slots.ts';
import { Turn } from '../../src/engine/turn.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '4719305826147730592';
const NOW = new Date('2026-11-23T10:00:00+08:00');
const keys = (out: Outbound[]) => out.map((m) => m.key);
const middle = (CONFIRM_CONFIDENCE + ACT_CONFIDENCE) / 2;

function turn(): Turn {
  return new Turn(freshState('u1'), NOW, { timezone: 'Asia/Shanghai' });
}

function reading(fields: Partial<Extraction>): Extraction {
  return { ...emptyExtraction(), ...fields };
}

/** Send a report; a middling reading is confirmed as `reply`. */
function report(h: EngineHarness, text: string, reply: string): Outbound[] {
  const out = h.send(text);
  return out.some((m) => m.key === 'confirm.reply') ? h.choose('confirmReply', reply) : out;
}

function opened(text = `淘宝订单 ${ORDER}，电水壶到手底座就裂了，想退款`): EngineHarness {
  const h = new EngineHarness();
  h.send(text);
  expect(h.state.active!.phase).toBe('following');
  return h;
}

describe('confidence the dialogue uses (hand-built readings)', () => {
  it('a problem at or above ACT is taken silently; a middling one is taken and confirmed; a weak one is not taken', () => {
    for (const [confidence, taken, unsure] of [[ACT_CONFIDENCE, true, false], [middle, true, true], [CONFIRM_CONFIDENCE - 0.01, false, false]] as const) {
      const t = turn();
      const c = openCase(t);
      const e = reading({ problem: 'damaged', evidence: { problem: { span: '裂了', confidence, alternative: 'quality' } } });
      const m = mergeExtraction(c, e, '裂了', { replace: new Set() });
      expect(c.slots.problem).toBe(taken ? 'damaged' : null);
      expect(m.unsure).toEqual(unsure ? [{ slot: 'problem', alternative: 'quality' }] : []);
    }
  });

  it('a seller reply changes the record only at ACT; a middling one is held for confirmation; a weak one is dropped', () => {
    const sure = readReport(turn(), reading({ sellerReply: 'refuses', evidence: { sellerReply: { span: '', confidence: ACT_CONFIDENCE } } }), '');
    expect(sure.e.sellerReply).toBe('refuses');
    expect(sure.held).toBeNull();
    // Held only when the message reports the other side at all (fix27: the buyer's own words are no answer).
    const mid = readReport(turn(), reading({ sellerReply: 'refuses', evidence: { sellerReply: { span: '', confidence: middle, alternative: 'counter_offer' } } }), '卖家回复了');
    expect(mid.e.sellerReply).toBeNull();
    expect(mid.held).toMatchObject({ reply: 'refuses', alternative: 'counter_offer' });
    const weak = readReport(turn(), reading({ sellerReply: 'refuses', evidence: { sellerReply: { span: '', confidence: CONFIRM_CONFIDENCE / 2 } } }), '');
    expect(weak.e.sellerReply).toBeNull();
    expect(weak.held).toBeNull();
    // Quoted words with no usable reading: the buyer is asked what they amount to, the quote kept.
    const quoted = readReport(turn(), reading({}), '卖家回复：“这个我们要研究研究”');
    expect(quoted.held).toMatchObject({ reply: null, facts: { quote: '这个我们要研究研究' } });
  });

  it('a middling reading offers the value, the runner-up and "other" as buttons answering the slot; pressing one amends', () => {
    const h = opened();
    const c = h.state.active!;
    const before = c.slots.problem;
    // The button answers the slot whatever was taken: a different value amends and redrafts.
    const other = before === 'quality' ? 'damaged' : 'quality';
    const out = h.choose('problem', other);
    expect(h.state.active!.slots.problem).toBe(other);
    expect(keys(out)).toContain('amend.redraft');
    expect(keys(h.choose('problem', other))).toEqual(['confirm.kept']);
    expect(h.choose('problem', 'more')[0]).toMatchObject({ kind: 'question', slot: 'problem' });
  });

  it('a held reply, once confirmed, goes on the record and is acted on', () => {
    const h = opened();
    h.state = { ...h.state, pending: { slot: 'confirmReply', tries: 0, options: [], value: JSON.stringify({ reply: 'refuses', facts: { quote: '不支持退款', happenedAt: null, courier: false, applied: false } }) } };
    const out = h.choose('confirmReply', 'refuses');
    expect(drafts(out, 'platform')).toHaveLength(1);
    expect(h.state.active!.timeline.find((x) => x.type === 'seller_refused')).toMatchObject({ quote: '不支持退款' });
    const g = opened();
    expect(keys(g.choose('confirmReply', 'other'))).toEqual(['confirm.replyOther']);
    expect(g.state.active!.timeline.some((x) => x.type === 'seller_refused')).toBe(false);
  });
});

describe('the record the letters are written from', () => {
  it('"昨天申请了平台介入": the buyer\'s own application on the day they said, no "platform is handling" event, no second platform draft', () => {
    const h = opened();
    const out = h.send('我昨天申请了平台介入');
    const tl = h.state.active!.timeline;
    expect(tl.find((x) => x.type === 'platform_requested')).toMatchObject({ happenedAt: '2026-11-22' });
    expect(tl.some((x) => x.type === 'platform_handling')).toBe(false);
    expect(drafts(out)).toHaveLength(0);
    expect(keys(out)).toContain('platform.applied');
    expect(h.due.has('c1-platform_followup')).toBe(true);
  });

  it('a seller blaming the courier, quoted: a refusal with the quote and the note; the platform letter cites 第二十条', () => {
    const h = opened();
    const out = h.send('卖家说：“快递摔的跟我们没关系，你去找快递”');
    const entry = h.state.active!.timeline.find((x) => x.type === 'seller_refused')!;
    expect(entry.note).toBe('blames_courier');
    expect(entry.quote).toContain('找快递');
    expect(drafts(out, 'platform')[0]!.body).toContain('第二十条');
  });

  it('"前天卖家说不给退" is dated the day before yesterday', () => {
    const h = opened();
    report(h, '前天卖家说不给退', 'refuses');
    expect(h.state.active!.timeline.find((x) => x.type === 'seller_refused')?.happenedAt).toBe('2026-11-21');
  });

  it('less than a 退一赔三 claim is a counter-offer, never agreement', () => {
    const h = opened(`淘宝订单 ${ORDER}，买的运动鞋是假货，实付899元，要求退一赔三`);
    expect(h.state.active!.slots.wants).toBe('compensation');
    const out = h.send('卖家说只能退货退款');
    expect(keys(out)).toContain('seller.counterOffer');
    expect(h.state.active!.timeline.some((x) => x.type === 'seller_counter_offer')).toBe(true);
    expect(h.state.active!.timeline.some((x) => x.type === 'seller_agreed')).toBe(false);
  });

  it('an order not shipped yet: recorded, and its checklist asks for nothing that needs a parcel', () => {
    const h = new EngineHarness();
    const out = h.send(`拼多多订单 ${ORDER}，付款五天了还没发货，想退款`);
    expect(h.state.active!.slots.shipped).toBe(false);
    const list = out.find((m) => m.kind === 'checklist')!;
    const expected = checklistFor(h.state.active!.slots.problem!, 'zh-CN', { shipped: false });
    for (const item of expected.items) expect(list.text).toContain(item.text);
  });

  it('a loss beyond the price is the loss, not the price paid', () => {
    const h = opened(`淘宝订单 ${ORDER}，买的酸奶过期了，实付88元，想退款`);
    h.send('喝了以后肚子疼，看病花了300元');
    expect(h.state.active!.slots).toMatchObject({ lossAmount: 300, amountPaid: 88 });
    expect(h.state.active!.food).toBe(true);
  });
});

describe('the record a letter lists', () => {
  it('the buyer applying is the buyer\'s step; the platform handling is listed only once it says so, and once', () => {
    const h = opened();
    h.advance(60 * 13);
    h.send('好的 我刚去申请了平台介入');
    h.advance(2);
    h.send('平台说两天内给结果');
    h.advance(2);
    h.send('平台说两天内给结果');
    const types = h.state.active!.timeline.map((e) => e.type).filter((t) => t.startsWith('platform_'));
    expect(types[0]).toBe('platform_requested');
    const body = drafts(h.send('支付宝投诉'), 'payment')[0]!.body!;
    const lines = body.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines[0]).toMatch(/我向平台申请了介入/);
    expect(lines.filter((l) => /平台表示正在处理|平台答复/.test(l))).toHaveLength(1);
  });
});

describe('a pasted chat log dates its events', () => {
  const LOG = [
    '帮我看看这段聊天',
    '我 2026-11-20 20:05',
    `淘宝买的电热毯 订单号 ${ORDER} 插上电一点都不热`,
    '暖暖家居店 2026-11-20 20:30',
    '应该是您使用不当弄坏的 我们发货前都质检过',
    '我 2026-11-21 08:10',
    '我才用了一次',
    '暖暖家居店 2026-11-21 09:00',
    '路上颠坏的话请您找物流公司理赔 运输环节不归我们管',
    '我 2026-11-22 11:00',
    '质量问题 我要退款',
    '暖暖家居店 2026-11-22 11:20',
    '我们跟领导反馈一下 2个工作日内回复您',
  ].join('\n');

  it('every answer of the shop goes on the record at the time the log gives, each once, with 第二十条 for the courier', () => {
    const h = new EngineHarness();
    h.send(LOG);
    const c = h.state.active!;
    const events = c.timeline.filter((e) => e.type.startsWith('seller_'));
    expect(events.map((e) => e.type).slice(0, 3)).toEqual(['seller_refused', 'seller_refused', 'seller_promise']);
    expect(events[0]!.happenedAt).toBe(new Date('2026-11-20T20:30:00+08:00').toISOString());
    expect(events[1]!.note).toBe('blames_courier');
    expect(events[2]!.happenedAt).toBe(new Date('2026-11-22T11:20:00+08:00').toISOString());
    const body = drafts(h.send('申请平台介入'), 'platform')[0]!.body!;
    const lines = body.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines[0]).toMatch(/^1\. 2026年11月20日 20:30，卖家拒绝处理/);
    expect(lines[1]).toMatch(/^2\. 2026年11月21日 09:00，.*物流公司理赔/);
    expect(lines[2]).toMatch(/^3\. 2026年11月22日 11:20，.*2个工作日内回复您/);
    expect(body.split('2个工作日内回复您').length - 1).toBe(1);
    expect(body).toContain('第二十条');
  });
});

describe('a promise told as said on an earlier day', () => {
  it('is dated that day in the letter; the silence since is as of the message, never moved to that day', () => {
    const h = new EngineHarness();
    h.send(`淘宝订单 ${ORDER}，台灯到手灯罩就裂了，想退款。客服前天说两天内给答复，到现在一点消息都没有`);
    const c = h.state.active!;
    const promise = c.timeline.find((e) => e.type === 'seller_promise');
    expect(promise?.happenedAt).toBe('2026-11-21');
    for (const e of c.timeline.filter((x) => x.type === 'seller_no_response')) expect(e.happenedAt).toBeNull();
    const body = drafts(h.send('申请平台介入'), 'platform')[0]?.body ?? drafts(h.log.flatMap((l) => l.out), 'platform')[0]!.body!;
    expect(body).toMatch(/2026年11月21日，卖家答应在2026年11月23日前答复/);
    expect(body).not.toMatch(/2026年11月21日，卖家一直没有回复/);
  });
});

describe('nudges say only what happened', () => {
  it('a seller asking for the item back for inspection: no "agreed to a return", no "seller has not answered"', () => {
    const h = opened();
    report(h, '卖家回复说让我先把东西寄回去给他们检测一下', 'return_for_inspection');
    expect(h.state.active!.timeline.some((e) => e.type === 'seller_return_for_inspection')).toBe(true);
    const out = h.tickHours(30);
    expect(keys(out)).toContain('nudge.return_inspection');
    expect(keys(out)).not.toContain('nudge.return_tracking');
    expect(keys(out)).not.toContain('nudge.reply_deadline');
    expect(out.map((m) => m.text).join('\n')).not.toMatch(/卖家已同意退货|卖家还没有处理/);
    expect(drafts(out, 'platform')).toHaveLength(0);
  });

  it('after the bot hands over the platform text, it asks whether the buyer submitted it; once the buyer says so, it asks for the result', () => {
    const h = opened();
    report(h, '卖家拒绝了', 'refuses');
    expect((h.state.active as { rung?: string }).rung).toBe('platform');
    const next = h.send('那我现在该怎么办');
    expect(keys(next)).toContain('next.platformSubmit');
    const out = h.tickHours(24 * 5);
    expect(keys(out)).toContain('nudge.platform_submitted');
    expect(out.map((m) => m.text).join('\n')).not.toMatch(/申请平台介入已经过了几天/);
    const h2 = opened();
    report(h2, '卖家拒绝了', 'refuses');
    h2.send('我已经申请平台介入了');
    expect(keys(h2.tickHours(24 * 5))).toContain('nudge.platform_followup');
  });
});

describe('a seller answer told after the platform text was handed over', () => {
  it('goes on the record, and the platform text is issued again with it when it is new', () => {
    const h = opened();
    report(h, '卖家一直不回消息', 'no_response');
    expect((h.state.active as { rung?: string }).rung).toBe('platform');
    const out = h.send('卖家回复：“底座裂开是您自己摔的，不在售后范围”');
    expect(keys(out)).toContain('seller.laterRedraft');
    const body = drafts(out, 'platform')[0]!.body!;
    expect(body).toContain('底座裂开是您自己摔的，不在售后范围');
    // A refusal told in the buyer's words keeps its reason as indirect speech, never as a quote.
    const told = h.send('卖家又拒绝了，说是我自己用的时候进水了');
    const redraft = drafts(told, 'platform')[0]!.body!;
    expect(redraft).toMatch(/卖家拒绝处理，称是我自己用的时候进水了。/);
    expect(redraft).not.toContain('“是我自己');
    // Being blocked is said as such, and is news.
    const blocked = drafts(h.send('现在卖家直接把我拉黑了，消息都发不出去'), 'platform')[0]!.body!;
    expect(blocked).toMatch(/卖家把我拉黑了，我已无法联系卖家。/);
    // The same answer told again adds nothing: no new letter.
    const again = h.send('卖家回复：“底座裂开是您自己摔的，不在售后范围”');
    expect(drafts(again, 'platform')).toHaveLength(0);
    expect(keys(again)).toContain('seller.refusesLater');
  });
});

describe('the 12315 step and texts handed over again', () => {
  it('says each thing once: no sentence of the 12315 turn appears twice', () => {
    const h = opened();
    report(h, '卖家拒绝了', 'refuses');
    const out = h.send('要12315投诉文本');
    const sentences = out.filter((m) => m.kind !== 'draft').flatMap((m) => m.text.split(/[。；;\n]/)).map((x) => x.replace(/（[^）]*）|\([^)]*\)/g, '').trim()).filter((x) => x.length > 6);
    expect(sentences.filter((x, i) => sentences.indexOf(x) !== i)).toEqual([]);
    expect(out.map((m) => m.text).join('\n').match(/7 个工作日内决定是否受理/g) ?? []).toHaveLength(1);
  });

  it('12315 asked for again on that rung: pointed to while just handed over; later the same text, said to be the same, without the notes, questions and timers again', () => {
    const h = opened();
    report(h, '卖家拒绝了', 'refuses');
    h.send('要12315投诉文本');
    const due = h.state.active!.reminders.find((r) => r.reason === 'regulator_acceptance')!.deadline;
    h.advance(30);
    expect(keys(h.send('要12315投诉文本'))).toEqual(['draft.sameAbove']);
    h.advance(60);
    const again = h.send('要12315投诉文本');
    expect(keys(again)).toEqual(['escalate.regulator', 'draft.same', 'draft.regulator']);
    expect(h.state.active!.reminders.find((r) => r.reason === 'regulator_acceptance')!.deadline).toBe(due);
  });

  it('the same text asked for again is said to be the same; a changed one is not', () => {
    const h = opened();
    report(h, '卖家拒绝了', 'refuses');
    const again = h.send('申请平台介入');
    expect(drafts(again, 'platform')).toHaveLength(1);
    expect(keys(again)).toContain('draft.same');
    h.send({ type: 'media', kind: 'photo', caption: '底座裂缝特写', fileId: 'f1' });
    const changed = h.send('申请平台介入');
    expect(drafts(changed, 'platform')).toHaveLength(1);
    expect(keys(changed)).not.toContain('draft.same');
  });
});

describe('the checklist and what the buyer can provide follow the goods', () => {
  it('a machine that fails on a food word gets the checklist of its problem, and no letter offers food labels', () => {
    const h = new EngineHarness();
    const out = h.send(`京东订单 ${ORDER}，买的洗地机器人，页面写能吸起洒在地上的大米，实际一粒米都吸不上来，和描述不一样，想退货退款`);
    expect(h.state.active!.food).toBe(false);
    expect(out.find((m) => m.kind === 'checklist')!.key).toBe('checklist.not_as_described');
    const regulator = drafts(h.send('要12315投诉文本'), 'regulator')[0]!.body;
    expect(regulator).not.toMatch(/生产日期|保质期|批次号|未开封/);
    expect(regulator).toMatch(/商品页面截图|详情页/);
  });
});

describe('12315 and the private seller', () => {
  it('the 12315 draft asks for the licence details with a skip button; an answer re-issues it filled in', () => {
    const h = opened();
    report(h, '卖家拒绝了', 'refuses');
    const out = h.send('要12315投诉文本');
    expect(drafts(out, 'regulator')).toHaveLength(1);
    expect(out.find((m) => m.key === 'ask.business')!.options!.map((o) => o.value)).toEqual(['skip']);
    expect(h.due.has('c1-regulator_acceptance')).toBe(true);
    const filled = h.send('企业名称：宁波某某电器有限公司，地址：浙江省宁波市鄞州区某某路88号');
    expect(h.state.active!.slots).toMatchObject({ businessName: '宁波某某电器有限公司', businessAddress: '浙江省宁波市鄞州区某某路88号' });
    const body = drafts(filled, 'regulator')[0]!.body;
    expect(body).toContain('宁波某某电器有限公司');
    expect(body).not.toContain('营业执照上的企业名称】');
    const status = h.command('status')[0]!.text;
    expect(status).toContain('宁波某某电器有限公司');
  });

  it('a private 闲鱼 seller gets no 12315 letter: the platform\'s own dispute process and the payment channel instead', () => {
    const h = opened(`闲鱼订单 ${ORDER}，买的二手相机镜头有霉斑，卖家没说，想退款`);
    // The fish in 闲鱼 is no food.
    expect(h.state.active!.food).toBe(false);
    const out = h.send('要12315投诉文本');
    expect(drafts(out, 'regulator')).toHaveLength(0);
    expect(keys(out)).toContain('regulator.privateSeller');
    expect(out.find((m) => m.key === 'regulator.privateSeller')!.options!.map((o) => o.value)).toEqual(['payment']);
  });
});

describe('guides and answers', () => {
  it('a case that opens on the platform rung says what to do there, not "send it to the seller"', () => {
    const h = new EngineHarness();
    const out = h.send(`淘宝订单 ${ORDER}，付款一周了还没发货，客服一直不回消息，我要退款`);
    if (out.some((m) => m.key === 'confirm.reply')) {
      // A middling reading: the seller draft went out; confirming the silence brings the platform draft.
      expect(keys(out)).toContain('nextSteps');
      expect(drafts(h.choose('confirmReply', 'no_response'), 'platform')).toHaveLength(1);
    } else {
      expect(drafts(out, 'platform')).toHaveLength(1);
      expect(keys(out)).toContain('nextStepsPlatform');
      expect(keys(out)).not.toContain('nextSteps');
      expect(out.map((m) => m.text).join('\n')).not.toContain('的售后入口');
    }
  });

  it('a question is answered, never taken as facts ("运费险" names no wish)', () => {
    const h = opened();
    const wants = h.state.active!.slots.wants;
    const out = h.send('运费险怎么用');
    expect(keys(out)).toEqual(['answer.ask_shipping_insurance']);
    expect(h.state.active!.slots.wants).toBe(wants);
  });

  it('the platform guide is shown when the case opens', () => {
    const h = new EngineHarness();
    const out = h.send(`京东订单 ${ORDER}，耳机左耳没声音，想换货`);
    // Above the next steps, in the same message: the reply is three messages, which go out at once.
    expect(keys(out)).toEqual(['checklist.quality', 'draft.seller', 'nextSteps']);
    expect(out[2]!.text).toMatch(/^京东的售后入口：/);
  });

  it.each([
    ['订单号在哪里', 'answer.ask_where_order_id'],
    ['可以起诉吗', 'answer.ask_lawsuit'],
    ['没拍开箱视频怎么办', 'answer.ask_no_unboxing_video'],
  ])('"%s" is answered at any phase (%s); a question being asked is asked again', (text, key) => {
    const h = new EngineHarness();
    h.send('我的快递有问题');
    const out = h.send(text);
    expect(keys(out)[0]).toBe(key);
    expect(out.at(-1)).toMatchObject({ kind: 'question', slot: 'orderId' });
    expect(keys(opened().send(text))).toEqual([key]);
  });
});
