/**
 * The adapter's wiring on wechaty-puppet-mock with a stand-in engine, so these tests
 * depend on Wechaty and the assistant shell only, not on the engine's wording:
 * ordering per contact, isolation, splitting, drafts, reminders, outbox recovery.
 * (bot.wechat.test.ts runs the real engine.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { types } from 'wechaty';
import { t } from '../../src/i18n/index.ts';
import type { Inbound, Outbound, StepResult, UserState } from '../../src/domain/index.ts';
import { MemorySessionStore } from '../../src/store/memory-session-store.ts';
import { startMockWechat, type MockWechat } from './mock-wechat.ts';

/**
 * A stand-in engine: answers `#<turn number> <what it got>`, counting turns in
 * `caseSeq`. "draft …" answers a draft, "long" a 4000-character text, "remind" schedules
 * a reminder one minute ahead, a tick answers `tick <id>`.
 */
vi.mock('../../src/engine/engine.ts', () => {
  const freshState = (userId: string): UserState => ({
    v: 2, userId, locale: 'zh-CN', localePinned: false, timezone: null, active: null, closed: [], caseSeq: 0,
    pending: null, disclaimerShown: false,
  });
  const describe = (i: Inbound): string => {
    switch (i.type) {
      case 'text': return i.text;
      case 'media': return `media ${i.kind} ${i.fileId}`;
      case 'unsupported': return `unsupported ${i.what}`;
      case 'command': return `command ${i.command}`;
      case 'choice': return `choice ${i.slot}=${i.value}`;
      case 'tick': return `tick ${i.reminderId}`;
    }
  };
  const step = (state: UserState, inbound: Inbound, now: Date): StepResult => {
    const next = { ...state, caseSeq: state.caseSeq + 1 };
    if (inbound.type === 'command' && inbound.command === 'lang' && (inbound.arg === 'en' || inbound.arg === 'zh-CN')) next.locale = inbound.arg;
    const said = describe(inbound);
    const out: Outbound[] = [];
    const schedule: StepResult['schedule'] = [];
    if (inbound.type === 'text' && inbound.text.startsWith('draft ')) {
      const body = `您好，${inbound.text.slice('draft '.length)}`;
      out.push({ kind: 'draft', to: 'seller', text: `#${next.caseSeq} 发给商家：\n\n${body}\n\n发完告诉我。`, body });
    } else if (inbound.type === 'text' && inbound.text === 'long') {
      const line = `第${next.caseSeq}轮：${'很长的一行说明文字'.repeat(10)}`;
      out.push({ kind: 'checklist', text: Array.from({ length: 45 }, () => line).join('\n') });
    } else {
      if (inbound.type === 'text' && inbound.text === 'remind') {
        schedule.push({ op: 'set', id: `r-${state.userId}`, userId: state.userId, dueAt: new Date(now.getTime() + 60_000).toISOString() });
      }
      out.push({ kind: 'info', text: `#${next.caseSeq} ${said}` });
    }
    return { state: next, out, schedule };
  };
  return { freshState, step };
});

let env: MockWechat | null = null;
afterEach(async () => {
  await env?.stop();
  env = null;
});

describe('WeChat wiring (stand-in engine)', () => {
  it('answers each contact in order, one turn at a time, without mixing contacts', async () => {
    const wx = (env = await startMockWechat());
    const alice = wx.contact('Alice');
    const bob = wx.contact('Bob');
    for (const word of ['a', 'b', 'c', 'd', 'e']) {
      wx.say(alice, `alice-${word}`);
      wx.say(bob, `bob-${word}`);
    }
    expect(await wx.waitForCount(alice, 5)).toEqual(['#1 alice-a', '#2 alice-b', '#3 alice-c', '#4 alice-d', '#5 alice-e']);
    expect(await wx.waitForCount(bob, 5)).toEqual(['#1 bob-a', '#2 bob-b', '#3 bob-c', '#4 bob-d', '#5 bob-e']);
  });

  it('maps WeChat message types to the engine’s inbound', async () => {
    const wx = (env = await startMockWechat());
    const alice = wx.contact('Alice');
    const imageId = wx.send(alice, types.Message.Image);
    await wx.waitForCount(alice, 1);
    wx.send(alice, types.Message.Audio);
    await wx.waitForCount(alice, 2);
    wx.say(alice, '/status');
    expect(await wx.waitForCount(alice, 3)).toEqual([
      `#1 media photo ${imageId}`,
      `#2 unsupported ${t('zh-CN', 'wechat.what.voice')}`,
      '#3 command status',
    ]);
  });

  it('sends a draft as header + body alone, and splits a long text at line breaks', async () => {
    const wx = (env = await startMockWechat());
    const alice = wx.contact('Alice');
    const draft = await wx.exchange(alice, 'draft 订单 123 破损，申请退款。');
    expect(draft).toEqual([`#1 发给商家：\n\n${t('zh-CN', 'wechat.copyBelow')}`, '您好，订单 123 破损，申请退款。', '发完告诉我。']);

    const long = await wx.exchange(alice, 'long');
    expect(long.length).toBeGreaterThan(1);
    for (const part of long) {
      expect(part.length).toBeLessThanOrEqual(1800);
      for (const line of part.split('\n')) expect(line).toMatch(/^第2轮：(很长的一行说明文字){10}$/);
    }
  });

  it('delivers a due reminder through the reminder loop', async () => {
    const wx = (env = await startMockWechat());
    const alice = wx.contact('Alice');
    await wx.exchange(alice, 'remind');
    wx.clock.advance(2 * 60_000);
    expect(await wx.waitForText(alice, /tick/)).toBe(`#2 tick r-wx:${alice.id}`);
  });

  it('re-delivers an outbox batch a previous run left behind, once logged in', async () => {
    const store = new MemorySessionStore({ inflightLeaseMs: 0 });
    const wx = (env = await startMockWechat({
      store,
      async setup({ mocker, store: s }) {
        mocker.createContact({ id: 'wxid_left', name: 'Left' });
        await s.transact('wx:wxid_left', () => ({
          state: {
            v: 2, userId: 'wx:wxid_left', locale: 'zh-CN', localePinned: false, timezone: null, active: null,
            closed: [], caseSeq: 0, pending: null, disclaimerShown: false,
          },
          messages: [{ kind: 'info', text: '上次没发出去的消息' }],
          schedule: [],
          locale: 'zh-CN',
          forget: false,
        }));
      },
    }));
    expect(await wx.waitForCount({ id: 'wxid_left' }, 1)).toEqual(['上次没发出去的消息']);
  });

  it('answers a room mention in the buyer’s language, only in the room', async () => {
    const wx = (env = await startMockWechat());
    const kim = wx.contact('Kim');
    const lee = wx.contact('Lee');
    await wx.exchange(kim, '/lang en');
    const room = wx.room('group', [kim, lee]);
    kim.say('@售后帮 help', [wx.self]).to(room);
    expect(await wx.waitForCount(room, 1)).toEqual([expect.stringContaining(t('en', 'wechat.roomPointer', { name: '售后帮' }))]);
    // Someone the bot has never written to gets Chinese.
    lee.say('@售后帮 在吗', [wx.self]).to(room);
    expect((await wx.waitForCount(room, 2))[1]).toContain(t('zh-CN', 'wechat.roomPointer', { name: '售后帮' }));
    // Nothing about the room went to the private chats.
    expect(wx.textsTo(kim)).toHaveLength(1);
    expect(wx.textsTo(lee)).toHaveLength(0);
  });
});
