/**
 * Mid-case questions are read by the NLU as intents (src/nlu/lexicon/intents.ts) and the engine
 * answers on the intent: new phrasings of "must I pay the postage?", "do days off count?",
 * "is this fair?" and "shall I confirm receipt?".
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/nlu/index.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');

describe('the NLU names the mid-case question', () => {
  it.each([
    ['运费也要我出？', 'ask_return_shipping'],
    ['寄回去的快递费还是我付吗', 'ask_return_shipping'],
    ['那我现在点确认收货？', 'case_confirm_receipt'],
    ['端午放假也算在里面吗？', 'case_days_off'],
    ['他们一直拖着，这样公平吗', 'case_fairness'],
  ])('%s → %s', (text, intent) => {
    expect(extract(text).intent).toBe(intent);
  });

  it('statements without a question name none of them', () => {
    expect(extract('周末收到的货，屏幕是花的').intent).toBeNull();
    expect(extract('平台确认了吗？').intent).not.toBe('case_confirm_receipt');
  });
});

describe('the engine answers on the intent', () => {
  it('a faulty kettle, the postage asked in new words: the postage answer, then the case line', () => {
    const h = new EngineHarness('2026-04-14T15:00:00+08:00');
    h.send('京东买的电水壶 订单号 551920384756 烧水漏水 要退货退款');
    h.advance(30);
    const out = h.send('质量问题，来回快递费难道也我承担？');
    expect(keys(out)).toEqual(['answer.ask_return_shipping', 'followingCase']);
    expect(out[0]!.text).toMatch(/第二十四条/u);
  });

  it('a promise in working days, asked about the weekend in new words', () => {
    const h = new EngineHarness('2026-04-14T15:00:00+08:00');
    h.send('淘宝订单 4019283746501122334 耳机左边没声音 想换货');
    h.advance(20);
    h.send('客服说3个工作日内处理');
    h.advance(5);
    expect(keys(h.send('双休日他们算不算？'))[0]).toBe('caseQuestion.holidays.workdays');
  });
});
