/**
 * Trial 7 problem 14: a Chinese letter names an English-captioned photo by its checklist item in
 * Chinese (or by its kind alone), never by an English caption cut mid-way; a caption is given in
 * full or not at all.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

describe('evidence names in the letters of an English-speaking buyer', () => {
  it('the Chinese letter names the photos in Chinese, the English one does not cut a caption', () => {
    const h = new EngineHarness('2026-08-10T10:00:00+08:00');
    h.send('Hi, I bought sneakers on Tmall, order 3381920475561029384. I think they are fake, the stitching is wrong. I want a refund.');
    h.advance(5);
    h.send({ type: 'media', kind: 'photo', caption: 'reply from the brand support team: customer service email says this code is not in the system', fileId: 'p1' });
    h.advance(1);
    h.send({ type: 'media', kind: 'photo', caption: 'IMG_4471', fileId: 'p2' });
    h.advance(30);
    const out = h.send('The seller refused, they say it is genuine');
    h.advance(5);
    const all = [...out, ...h.send('platform intervention')].filter((m) => m.kind === 'draft').map((m) => m.text).join('\n');
    expect(all).toContain('品牌方的鉴定或官方答复（照片');
    expect(all).not.toMatch(/[A-Za-z]…/);
    expect(all).not.toContain('IMG_4471（照片');
    expect(all).not.toMatch(/reply from the brand support team[^(]*…/);
  });
});
