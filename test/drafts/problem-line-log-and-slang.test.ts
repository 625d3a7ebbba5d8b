/**
 * Trial 7, problems 9 and 12. A pasted chat log is evidence, never the problem line: the line is the
 * buyer's own statement (the sum-up after the log, else their latest turn in it), or the problem
 * code's wording when there is none. And the problem line holds the goods' problem in plain written
 * Chinese: no internet slang, no sum-up filler, no note about another order, no bare price label left
 * once the amount went, no "进的货", no who-pays-the-shipping wish, no Cantonese forms left.
 */
import { describe, expect, it } from 'vitest';
import { cleanBuyerWords } from '../../src/drafts/words.ts';
import { logStatement } from '../../src/nlu/chat-log.ts';

const ids = { orderId: null, trackingNo: null };

/** A log in the shape buyers paste: an announcing line, dated turns with both sides on one line, a sum-up. */
const LOG = [
  '这是我跟店家的聊天记录：',
  '[2026-05-02 09:10] 客服：亲，仓库已经在加急处理了哦～ 我：下单五天了还没发货。',
  '[2026-05-03 10:20] 客服：亲，仓库已经在加急处理了哦～ 我：下单六天了还是没发货。',
  '[2026-05-04 11:30] 客服：亲，仓库已经在加急处理了哦～ 我：下单七天了还是没发货。',
  '反正就是一个星期了都没发货。',
].join('\n');

describe('a pasted chat log in the problem line (trial 7, problem 9)', () => {
  it('gives the buyer\'s sum-up after the log, never the shop\'s lines', () => {
    expect(logStatement(LOG)).toBe('反正就是一个星期了都没发货。');
    const line = cleanBuyerWords(LOG, ids, 'zh-CN', true);
    expect(line).toBe('一个星期了都没发货');
    expect(line).not.toMatch(/亲|加急|聊天记录|\[2026/u);
  });

  it('without a sum-up, gives the buyer\'s latest turn in the log', () => {
    const log = '客服小雨：亲亲稍等，帮您查一下\n我：耳机右边一直有电流声\n客服小雨：收到，帮您登记了\n我：登记三天了还是没人处理，右耳电流声很大';
    expect(logStatement(log)).toBe('登记三天了还是没人处理，右耳电流声很大');
  });

  it('a log cut short and flattened (an old record) gives nothing, so the letter uses the standard wording', () => {
    const cut = `${LOG.replace(/\s+/g, ' ').slice(0, 120)}…`;
    expect(logStatement(cut)).toBeNull();
    expect(cleanBuyerWords(cut, ids, 'zh-CN', true)).toBe('');
  });

  it('a buyer quoting the seller once is no log', () => {
    expect(logStatement('客服说：“亲，三天内给您回复哦”，可是到现在都没消息')).toBeUndefined();
    expect(logStatement('台灯到手灯罩裂了，物流显示：已签收')).toBeUndefined();
  });
});

describe('plain written Chinese in the problem line (trial 7, problem 12)', () => {
  it.each([
    ['姐妹们 直播间买的牛仔裤 穿一次就开线 裤脚全散了 绝绝子', '购买的牛仔裤，穿一次就开线，裤脚全散了'],
    ['买的保温杯倒热水半小时就凉透了，真的破防了', '购买的保温杯倒热水半小时就凉透了'],
    ['总之就是快递到现在都没送到，物流停在转运中心了', '快递至今都没送到，物流停在转运中心了'],
    ['另外还有一单，买的台灯，灯罩裂了', '购买的台灯，灯罩裂了'],
    ['买的电饭煲，内胆涂层掉了，来回运费由卖家承担', '购买的电饭煲，内胆涂层掉了'],
    ['买的电饭煲，内胆涂层掉了，商家出运费', '购买的电饭煲，内胆涂层掉了'],
  ])('%s', (text, want) => {
    expect(cleanBuyerWords(text, ids, 'zh-CN', true)).toBe(want);
  });

  it('a price label left once the amount went, and "进的货", go', () => {
    const text = '批发网站进的货，50箱纸巾里有12箱受潮发霉，货款900元';
    expect(cleanBuyerWords(text, { ...ids, amountPaid: 900 }, 'zh-CN', true)).toBe('50箱纸巾里有12箱受潮发霉');
  });

  it('Cantonese forms the table used to leave (写住, 成件, 仲同, 相片, 差好远) become written Chinese', () => {
    const line = cleanBuyerWords('買咗對波鞋，寫住42碼但係成對好似44咁大，顏色仲同相片差好遠', ids, 'zh-CN', true);
    expect(line).toBe('购买的运动鞋，写着42码但是成对好似44这么大，颜色还和照片相差很远');
  });
});
