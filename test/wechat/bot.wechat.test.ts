/**
 * The WeChat adapter end to end: real Wechaty, Wechaty's mock puppet, the real engine and
 * assistant, memory storage. Contacts talk to the bot the way WeChat would deliver it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { t } from '../../src/i18n/index.ts';
import { startMockWechat, eventually, type MockWechat } from './mock-wechat.ts';

const ORDER_A = '3456789012345678901';
const ORDER_B = '2876543210987654321';

let env: MockWechat | null = null;
afterEach(async () => {
  await env?.stop();
  env = null;
});

async function start(): Promise<MockWechat> {
  env = await startMockWechat();
  return env;
}

describe('WeChat adapter on wechaty-puppet-mock', () => {
  it('logs the login QR code URL at info level', async () => {
    const wx = await start();
    const scan = wx.logs.find((l) => typeof l.url === 'string' && (l.url as string).includes(encodeURIComponent('https://login.weixin.qq.com/l/mock-qr')));
    expect(scan).toBeDefined();
    expect(scan!.level).toBe(30);
  });

  it('a buyer goes from "我的快递有问题" to a checklist and a seller draft with the order number', async () => {
    const wx = await start();
    const alice = wx.contact('Alice');

    const first = await wx.exchange(alice, '我的快递有问题');
    expect(first.join('\n')).toMatch(/订单号/);

    await wx.exchange(alice, `订单号 ${ORDER_A}`);
    await wx.exchange(alice, '杯子到手就碎了');
    await wx.exchange(alice, '想退款');

    // Whatever the engine still asked in between, the case is now complete.
    const state = (await wx.store.load(`wx:${alice.id}`)).state;
    expect(state?.active?.slots).toMatchObject({ orderId: ORDER_A, wants: 'refund' });
    expect(state?.active?.slots.problem).not.toBeNull();

    const all = wx.textsTo(alice);
    expect(all.some((s) => /证据|清单/.test(s))).toBe(true);
    // The draft: a header line announces it, then the body alone, with the order number.
    const header = all.findIndex((s) => s.endsWith(t('zh-CN', 'wechat.copyBelow')));
    expect(header).toBeGreaterThanOrEqual(0);
    expect(all[header + 1]).toContain(ORDER_A);
    expect(all[header + 1]).not.toContain(t('zh-CN', 'wechat.copyBelow'));
    for (const s of all) expect(s.length).toBeLessThanOrEqual(1800);
  });

  it('an image is logged as evidence, referenced by its message id', async () => {
    const wx = await start();
    const alice = wx.contact('Alice');
    await wx.exchange(alice, `我的快递有问题，订单号 ${ORDER_A}`);

    const before = wx.textsTo(alice).length;
    const messageId = wx.send(alice, types.Message.Image);
    await wx.waitForCount(alice, before + 1);

    const state = (await wx.store.load(`wx:${alice.id}`)).state;
    expect(state?.active?.evidence).toEqual([expect.objectContaining({ kind: 'photo', fileId: messageId })]);
  });

  it('a room mention gets one pointer to a private chat and no case details; other room talk gets nothing', async () => {
    const wx = await start();
    const bob = wx.contact('Bob');
    const room = wx.room('买家群', [bob]);

    bob.say('今天天气不错').to(room);
    bob.say(`@售后帮 订单号 ${ORDER_A} 杯子碎了，想退款`, [wx.self]).to(room);
    const [pointer] = await wx.waitForCount(room, 1);
    expect(pointer).toContain(t('zh-CN', 'wechat.roomPointer', { name: '售后帮' }));
    expect(pointer).not.toContain(ORDER_A);

    // Bob then writes privately: the answer there knows nothing of what he said in the room.
    await wx.exchange(bob, '你好');
    expect(wx.textsTo(room)).toHaveLength(1);
    expect(wx.textsTo(bob).join('\n')).not.toContain(ORDER_A);
    // The room message never reached the engine: bob's only state is from the private chat.
    const state = (await wx.store.load(`wx:${bob.id}`)).state;
    expect(state?.active?.slots.orderId ?? null).toBeNull();
    expect((await wx.store.load(`wx:${room.id}`)).state).toBeNull();
  });

  it('a sticker gets a clear answer naming what it was', async () => {
    const wx = await start();
    const carol = wx.contact('Carol');
    const [answer] = await wx.exchange(carol, types.Message.Emoticon);
    expect(answer).toContain(t('zh-CN', 'wechat.what.sticker'));
  });

  it('two contacts at once do not see each other’s state', async () => {
    const wx = await start();
    const dave = wx.contact('Dave');
    const erin = wx.contact('Erin');

    // Interleaved, without waiting for answers.
    wx.say(dave, '我的快递有问题');
    wx.say(erin, '买的东西坏了');
    wx.say(dave, `订单号 ${ORDER_A}`);
    wx.say(erin, `订单号 ${ORDER_B}`);

    // Both got (at least) two answers; then /status shows each one's own case.
    await Promise.all([wx.waitForCount(dave, 2), wx.waitForCount(erin, 2)]);
    await wx.exchange(dave, '/status');
    await wx.exchange(erin, '/status');

    const daveState = (await wx.store.load(`wx:${dave.id}`)).state;
    const erinState = (await wx.store.load(`wx:${erin.id}`)).state;
    expect(daveState?.active?.slots.orderId).toBe(ORDER_A);
    expect(erinState?.active?.slots.orderId).toBe(ORDER_B);
    expect(wx.textsTo(dave).join('\n')).not.toContain(ORDER_B);
    expect(wx.textsTo(erin).join('\n')).not.toContain(ORDER_A);
    expect(wx.textsTo(dave).join('\n')).toContain(ORDER_A);
    expect(wx.textsTo(erin).join('\n')).toContain(ORDER_B);
  });

  it('ignores messages from before the start and the bot’s own messages', async () => {
    const wx = await start();
    const alice = wx.contact('Alice');
    wx.send(alice, types.Message.Text, { text: '很久以前的消息', timestamp: Date.now() - 3_600_000 });
    const answer = await wx.exchange(alice, '我的快递有问题');
    expect(answer.length).toBeGreaterThan(0);
    expect(wx.logs.some((l) => l.msg === 'ignoring a message from before the start')).toBe(true);
    // The bot's own replies (which come back as messages) never became a user.
    expect((await wx.store.load(`wx:${wx.self.id}`)).state).toBeNull();
  });

  it('a contact who is no longer a friend is treated as blocked', async () => {
    const wx = await start();
    const gone = wx.mocker.createContact({ name: 'Gone', friend: false });
    gone.say('我的快递有问题').to(wx.self);
    await eventually(() => (wx.logs.some((l) => l.msg === 'user blocked the bot: cancelling their reminders') ? true : undefined));
    expect(wx.textsTo(gone)).toEqual([]);
  });
});
