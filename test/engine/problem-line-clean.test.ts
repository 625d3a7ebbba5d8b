/**
 * The problem line holds the goods' problem only (trial 5, problem 4): once the order number and
 * the amount are taken out no empty clause, label ("实付") or doubled comma is left; the evidence the
 * buyer took and their wish are said elsewhere in the letter; evidence the buyer says they have is
 * offered as they said it, and nothing they did not say.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { problemWords } from '../../src/engine/slots.ts';
import { extract } from '../../src/nlu/index.ts';

const ORDER = '40017726351882';

describe('the problem line after the number and the amount are taken out', () => {
  it('keeps no bare "实付" label, no evidence sentence and no wish; offers the photos and video the buyer said they have', () => {
    const h = new EngineHarness('2026-12-03T11:00:00+08:00');
    const out = h.send(`京东买的美的洗衣机，实付2599元，订单号 ${ORDER}，昨天送到，滚筒外壳裂了一道缝，我当时就拍了照片和开箱视频。我要求换一台新的。`);
    const seller = drafts(out, 'seller')[0]!.text;
    const problem = seller.split('\n').find((l) => l.startsWith('问题是：'))!;
    expect(problem).not.toMatch(/实付[，。]|，，|， ，/);
    expect(problem).not.toContain('拍了照片');
    expect(problem).not.toContain('换一台新的');
    expect(problem).toContain('滚筒外壳裂了一道缝');
    expect(seller).toContain('我可以提供：照片、开箱视频、');
  });

  it('offers no photo or video the buyer did not mention', () => {
    const h = new EngineHarness('2026-12-03T11:00:00+08:00');
    const seller = drafts(h.send(`京东买的美的洗衣机，订单号 ${ORDER}，滚筒外壳裂了一道缝，没来得及拍照片，要换货`), 'seller')[0]!.text;
    expect(seller).not.toMatch(/可以提供：[^\n]*(?:照片|视频)/);
  });

  it('the buyer\'s words on record keep no gap where the order number stood', () => {
    const text = `当当买的小说全集套装，订单号 ${ORDER}，应该是三本，只到了两本`;
    const words = problemWords(text, extract(text));
    expect(words).not.toMatch(/，\s*，/);
    expect(words).toContain('全集套装，应该是三本');
  });
});
