/**
 * Trial 5 (#11, #16): questions and short news answered with the next step, not a resent draft or
 * the generic "tell me when the seller answers"; /new and /cases name an old case the same way.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '3390417726158842';
const keys = (out: Outbound[]) => out.map((m) => m.key);

function withSellerLetter(): EngineHarness {
  const h = new EngineHarness('2026-11-16T11:00:00+08:00');
  h.send(`京东订单 ${ORDER}，电动牙刷充不进电，想换货`);
  return h;
}

describe('how long the platform takes', () => {
  it('is answered from the platform knowledge with the reminder date, not with the draft again', () => {
    const h = withSellerLetter();
    h.tickHours(26);
    h.choose('nextStep', 'sentNoReply');
    h.advance(30);
    const out = h.send('申请平台介入以后大概几天能有结果？');
    expect(drafts(out)).toHaveLength(0);
    expect(keys(out)).toContain('next.platformTime');
    const text = out.map((m) => m.text).join('\n');
    expect(text).toMatch(/通常/);
    expect(text).toMatch(/2026年11月\d+日 \d\d:\d\d 左右提醒你/);
  });
});

describe('the buyer says nothing came', () => {
  it('after the seller letter: the wait and the step available now, not "tell me when they reply"', () => {
    const h = withSellerLetter();
    h.advance(120);
    const out = h.send('还没回');
    expect(keys(out)).not.toContain('followingCase');
    expect(keys(out)).toContain('next.sellerWait');
  });

  it('after the platform letter: submit it now', () => {
    const h = withSellerLetter();
    h.tickHours(26);
    h.choose('nextStep', 'sentNoReply');
    h.advance(60);
    const out = h.send('还是没回');
    expect(keys(out)).not.toContain('followingCase');
    expect(keys(out)).toContain('next.platformSubmit');
  });
});

describe('a bare question mark', () => {
  it('on a followed case repeats the current next step', () => {
    const h = withSellerLetter();
    h.advance(1);
    const out = h.send('？？');
    expect(keys(out)).not.toContain('error.unusable');
    expect(keys(out)).toContain('next.sellerWait');
  });
});

describe('/new and /cases', () => {
  it('call the case /new set aside by the same word: open, set aside', () => {
    const h = withSellerLetter();
    const renewed = h.command('new').map((m) => m.text).join('\n');
    expect(renewed).toContain('先放着');
    const listed = h.command('cases').map((m) => m.text).join('\n');
    expect(listed).toContain('进行中（先放着）');
    expect(listed).not.toMatch(/已取消|已存档/);
  });
});
