/**
 * The case file through WeChat: the real adapter (`startWechat`) on Wechaty's mock puppet. The
 * buyer reports the problem, sends two photos (WeChat photos carry no caption) and the seller's
 * promise, types /export, and gets the caption as text followed by the PDF as a file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileBox } from 'file-box';
import { types } from 'wechaty';
import { startMockWechat, eventually, type MockWechat } from '../wechat/mock-wechat.ts';
import { pdfText, squashed, STORY, STORY_EXPORT_AT, STORY_FACTS, STORY_ORDER } from '../helpers/casefile-story.ts';

let env: MockWechat;
/** Files the bot sent, as the puppet received them (FileBox JSON). */
const files: { to: string; box: ReturnType<typeof FileBox.fromJSON> }[] = [];

beforeAll(async () => {
  env = await startMockWechat({ start: STORY[0].at });
  env.puppet.on('message', ({ messageId }) => {
    const json = env.mocker.cacheFileBoxPayload.get(messageId);
    const p = env.mocker.messagePayload(messageId) as { listenerId?: string };
    if (json) files.push({ to: p.listenerId ?? '', box: FileBox.fromJSON(json) });
  });
});

afterAll(async () => {
  await env?.stop();
});

describe('/export in WeChat', () => {
  it('sends the caption, then the case file as a PDF file holding the story\'s facts', async () => {
    const buyer = env.contact('花瓶买家');
    for (const ev of STORY) {
      env.clock.set(ev.at);
      await env.exchange(buyer, 'photo' in ev ? types.Message.Image : ev.text);
    }
    env.clock.set(STORY_EXPORT_AT);
    const replies = await env.exchange(buyer, '/export');
    expect(replies[0]).toContain(STORY_ORDER);
    const file = await eventually(() => files.find((f) => f.to === buyer.id), 5_000, 'the case file');
    expect(file.box.name).toBe(`shouhou-case-${STORY_ORDER}-20261123.pdf`);
    const bytes = await file.box.toBuffer();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const text = squashed(pdfText(bytes));
    expect(text).toContain(STORY_ORDER);
    expect(text).toContain(`买家的诉求${STORY_FACTS.wish}`);
    // WeChat photos have no caption: both are listed by time, marked uncaptioned.
    expect(text).toContain(squashed('2026年11月22日 20:21 照片 · （无说明）'));
    expect(text).toContain(squashed('2026年11月22日 20:23 照片 · （无说明）'));
    expect(text).toContain(squashed(`卖家答应在${STORY_FACTS.promiseDeadline}前`));
    expect(text).toContain(squashed('您好，我的订单号是 3928817465520193847。'));
  });

  it('hears 导出案卷 typed as words too', async () => {
    const buyer = env.contact('另一位买家');
    env.clock.set(STORY[0].at);
    await env.exchange(buyer, STORY[0].text);
    const before = files.length;
    await env.exchange(buyer, '导出案卷');
    await eventually(() => (files.length > before ? true : undefined), 5_000, 'a second file');
    expect(files.at(-1)!.to).toBe(buyer.id);
  });
});
