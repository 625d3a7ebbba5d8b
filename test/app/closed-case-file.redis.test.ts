/**
 * A case archived for other orders (the oldest of four parked) keeps its full record (trial 11 F15): through the Assistant,
 * on memory and on Redis, /export of it later delivers the file of that record (history, evidence,
 * letter, how it ended), read from the store at delivery; /forget removes the record with the rest.
 */
import { describe, expect, inject, it } from 'vitest';
import { renderFile } from '../../src/casefile/index.ts';
import { assistantBackends, assistantBuyers } from '../helpers/assistant-buyer.ts';
import { pdfText, squashed } from '../helpers/casefile-story.ts';

const FIRST = '6620193847561029384';

describe.each(assistantBackends(inject('redisUrl')))("a past case's file through the Assistant (%s)", (_, url) => {
  const buyers = assistantBuyers(url, 'pastfile');
  const buyer = () => buyers('2026-11-20T10:00:00+08:00');

  it('delivers the archived case file with its timeline, evidence and letter; /forget removes the record', async () => {
    const { storage, say } = await buyer();
    await say(`拼多多订单 ${FIRST}，收到的蓝牙音箱没有声音，想退款，付了89`);
    await say({ type: 'media', kind: 'photo', caption: '音箱接上电没反应', fileId: null });
    await say('商家说明天下午前给我处理');
    await say({ type: 'command', command: 'new' }, 600);
    await say('另一个订单 7730291847 买的拖鞋尺码发错了，想换货');
    // Two more orders, then a fifth: at most three cases wait parked, and the oldest is archived.
    for (const said of ['订单 7730291848 买的雨衣开线了，想退款', '订单 7730291849 买的水杯漏水，想退款']) {
      await say({ type: 'command', command: 'new' }, 5);
      await say(said, 5);
    }
    await say({ type: 'command', command: 'new' }, 5);

    const m = (await say({ type: 'command', command: 'export', arg: 'c1' }, 2 * 24 * 60)).find((x) => x.kind === 'file')!;
    expect(m.text).toContain('已存档（未解决）');
    // Delivered with the record the store kept, not the summary's stand-in.
    expect(m.file!.source.record).toBeUndefined();
    expect(m.file!.source.case.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['draft_sent', 'seller_promise', 'archived']));
    const text = squashed(pdfText((await renderFile(m.file!)).bytes));
    expect(text).toContain(FIRST);
    expect(text).toContain('音箱接上电没反应');
    expect(text).toContain(`您好，我的订单号是${FIRST}`);
    expect(text).toMatch(/此案于2026年11月20日\d\d:\d\d存档，当时仍未解决/);
    expect(text).not.toContain('只保留了摘要');

    await say({ type: 'command', command: 'forget' });
    await say({ type: 'choice', slot: 'confirmForget', value: 'yes' });
    expect(await storage.store.closedCase('u1', 'c1')).toBeNull();
    expect((await storage.store.load('u1')).state).toBeNull();
  });
});
