/**
 * A pasted chat log in the "[2026-08-03 13:03] 客服：…" layout is read by the NLU's chat-log reader
 * (the stamp's colon is the time's, not a speaker's), and the letters take the buyer's statement
 * from that reading: there is one chat-log parser.
 */
import { describe, expect, it } from 'vitest';
import { readChatLog } from '../../src/nlu/index.ts';
import { cleanBuyerWords } from '../../src/drafts/words.ts';

const ids = { orderId: null, trackingNo: null };

const STAMPED = [
  '[2026-09-14 20:05] 我：电饭煲插上电就跳闸',
  '[2026-09-14 20:11] 客服：亲，麻烦您先寄回来我们检测一下',
  '[2026-09-15 09:40] 我：寄回去运费谁出',
  '[2026-09-15 09:52] 客服：检测完72小时内给您答复',
].join('\n');

describe('the stamped layout', () => {
  it('is a chat log: each side by its name, each answer with its stamp', () => {
    const log = readChatLog(STAMPED);
    expect(log).not.toBeNull();
    expect(log!.answers.map((a) => a.at)).toEqual(['2026-09-14T20:11', '2026-09-15T09:52']);
    expect(log!.answers[0]!.quote).toBe('亲，麻烦您先寄回来我们检测一下');
    // Counted from the inspection, not from the log's time: the seller's words go with it (trial 11 F2).
    expect(log!.extraction.promise).toEqual({ hours: 72, act: 'reply', after: '检测完72小时内给您答复' });
    expect(log!.sellerLine).toBe('检测完72小时内给您答复');
  });

  it('both sides on one stamped line are two turns', () => {
    const oneLine = [
      '下面是聊天记录：',
      '[2026-09-20 11:00] 客服：已经催仓库了 我：十天了还没发出来',
      '[2026-09-21 11:00] 客服：再等等哦 我：一直说等，就是不发货',
    ].join('\n');
    const log = readChatLog(oneLine);
    expect(log!.statement).toBe('一直说等，就是不发货');
    expect(log!.answers.map((a) => a.at)).toEqual(['2026-09-20T11:00', '2026-09-21T11:00']);
  });

  it("the letter's problem line is the buyer's words from the log, not the shop's", () => {
    const withSumUp = `${STAMPED}\n总之电饭煲一通电就跳闸`;
    expect(readChatLog(withSumUp)!.statement).toBe('总之电饭煲一通电就跳闸');
    const line = cleanBuyerWords(withSumUp, ids, 'zh-CN', true);
    expect(line).toContain('电饭煲一通电就跳闸');
    expect(line).not.toMatch(/检测|答复|2026/u);
  });
});
