/**
 * A first message asking what the bot is for ("你们是管售后的吗") gets one line saying so before the first
 * question; Cantonese "冇覆我" / "仲未有回覆" is the seller not answering.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import { extract } from '../../src/nlu/index.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);

describe('asked what the bot does', () => {
  it.each(['您好，请问你们是管售后的吗？', '你们能帮我退货吗', '我孙子装的这个 你们是干什么的'])('"%s": one line of what it is, then the order number', (text) => {
    const h = new EngineHarness();
    const out = h.send(text);
    expect(keys(out)).toEqual(['whatIDo', 'ask.orderId']);
    expect(out[0]!.text).toContain('售后帮');
  });

  it('"你是负责退款的吗": the line of what it is comes first, and no letter yet', () => {
    const out = new EngineHarness().send('我儿子让我用这个，你是负责退款的吗');
    expect(out[0]!.key).toBe('whatIDo');
    expect(out.some((m) => m.kind === 'draft')).toBe(false);
  });

  it('not on a case already open, and not for a message that asks nothing of the kind', () => {
    const h = new EngineHarness();
    expect(keys(h.send('拼多多买的雨伞一撑就断了 订单号 250911447730021 要退款'))).not.toContain('whatIDo');
    expect(keys(h.send('你们能帮我退货吗'))).not.toContain('whatIDo');
  });
});

describe('Cantonese: the seller has not answered', () => {
  it.each(['問咗兩日，佢哋都冇覆我', '賣家到而家仲未有回覆', '間舖頭冇人覆', '店主一直唔覆'])('"%s" is no reply', (text) => {
    expect(extract(text).sellerReply).toBe('no_response');
  });
});
