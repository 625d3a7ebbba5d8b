import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Message } from 'grammy/types';
import { GrammyError, HttpError } from 'grammy';
import {
  CALLBACK_DATA_MAX_BYTES,
  chatIdOf,
  chosenEdit,
  decodeChoice,
  encodeChoice,
  escapeHtml,
  keyboardFor,
  localeFromLanguageCode,
  messageToInbound,
  pressedLabel,
  renderOutbound,
  userIdFor,
} from '../../adapters/telegram/translate.ts';
import { commandMenu, toAppError } from '../../adapters/telegram/bot.ts';
import { ASKABLE, COMMANDS, PROBLEMS, WANTS, PLATFORMS, type Outbound } from '../../src/domain/index.ts';
import { LOCALES_DIR } from '../../src/i18n/index.ts';
import { assertTelegramHtml, checkTelegramHtml } from './telegram-html.ts';

const base = { message_id: 7, date: 1_763_800_000, chat: { id: 42, type: 'private', first_name: 'A' } } as const;
const msg = (fields: Record<string, unknown>): Message => ({ ...base, ...fields }) as unknown as Message;

describe('Telegram → Inbound', () => {
  it('plain text stays text, verbatim (HTML included)', () => {
    expect(messageToInbound(msg({ text: '我的快递有问题 <b>&"\'' }))).toEqual({ type: 'text', text: '我的快递有问题 <b>&"\'' });
  });

  it('slash commands become commands, with the rest of the line as arg and any @BotName dropped', () => {
    expect(messageToInbound(msg({ text: '/status' }))).toEqual({ type: 'command', command: 'status' });
    expect(messageToInbound(msg({ text: '/lang en' }))).toEqual({ type: 'command', command: 'lang', arg: 'en' });
    expect(messageToInbound(msg({ text: '/Forget@ShouhouBot' }))).toEqual({ type: 'command', command: 'forget' });
    expect(messageToInbound(msg({ text: '/start  ref_abc ' }))).toEqual({ type: 'command', command: 'start', arg: 'ref_abc' });
    // Not a command: a slash inside a sentence, or a bare slash.
    expect(messageToInbound(msg({ text: '订单 / 快递' }))).toEqual({ type: 'text', text: '订单 / 快递' });
    expect(messageToInbound(msg({ text: '/ 你好' }))).toEqual({ type: 'text', text: '/ 你好' });
  });

  it('a photo is evidence: the largest size\'s file id and the caption, nothing downloaded', () => {
    const photo = [
      { file_id: 'small', file_unique_id: 's', width: 90, height: 90 },
      { file_id: 'large', file_unique_id: 'l', width: 1280, height: 1280 },
    ];
    expect(messageToInbound(msg({ photo, caption: '外箱破损' }))).toEqual({
      type: 'media', kind: 'photo', caption: '外箱破损', fileId: 'large',
    });
    expect(messageToInbound(msg({ photo }))).toEqual({ type: 'media', kind: 'photo', caption: '', fileId: 'large' });
  });

  it('videos, video notes and documents are evidence; GIFs are not', () => {
    expect(messageToInbound(msg({ video: { file_id: 'v1' }, caption: '开箱视频' }))).toEqual({
      type: 'media', kind: 'video', caption: '开箱视频', fileId: 'v1',
    });
    expect(messageToInbound(msg({ video_note: { file_id: 'vn' } }))).toMatchObject({ type: 'media', kind: 'video', fileId: 'vn' });
    expect(messageToInbound(msg({ document: { file_id: 'd1' }, caption: '聊天记录.pdf' }))).toEqual({
      type: 'media', kind: 'document', caption: '聊天记录.pdf', fileId: 'd1',
    });
    expect(messageToInbound(msg({ animation: { file_id: 'g' }, document: { file_id: 'g' } }))).toEqual({
      type: 'unsupported', what: 'animation',
    });
  });

  it('stickers, voice notes, locations… are unsupported; service messages are nothing', () => {
    expect(messageToInbound(msg({ sticker: { file_id: 's' } }))).toEqual({ type: 'unsupported', what: 'sticker' });
    expect(messageToInbound(msg({ voice: { file_id: 'v' } }))).toEqual({ type: 'unsupported', what: 'voice' });
    expect(messageToInbound(msg({ location: { latitude: 1, longitude: 2 } }))).toEqual({ type: 'unsupported', what: 'location' });
    expect(messageToInbound(msg({ pinned_message: {} }))).toBeNull();
  });
});

describe('buttons: callback_data ↔ choice', () => {
  it('round-trips every slot with every code the engine offers, within 64 bytes', () => {
    const values = [...PROBLEMS, ...WANTS, ...PLATFORMS, 'yes', 'no', 'zh-CN', 'en', 'skip', 'restart', 'resolved', 'notYet',
      'regulator', 'payment', '241103-572918364502817'];
    for (const slot of ASKABLE) {
      for (const value of values) {
        const data = encodeChoice(slot, value);
        expect(data).not.toBeNull();
        expect(Buffer.byteLength(data!, 'utf8')).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
        expect(decodeChoice(data!)).toEqual({ type: 'choice', slot, value });
      }
    }
  });

  it('refuses values too long for Telegram instead of truncating them', () => {
    expect(encodeChoice('problem', 'x'.repeat(60))).toBeNull();
    expect(encodeChoice('problem', '很'.repeat(20))).toBeNull();
  });

  it('ignores callback data it did not produce', () => {
    expect(decodeChoice('hello')).toBeNull();
    expect(decodeChoice('c|notASlot|x')).toBeNull();
    expect(decodeChoice('c|problem|')).toBeNull();
  });
});

describe('Outbound → Telegram HTML', () => {
  const nasty = '订单 <b>12345</b> & "引号" \'单引号\' <script>alert(1)</script> a<b c>d &amp; &lt;';

  it('escapes every piece of text', () => {
    const [m, ...rest] = renderOutbound({ kind: 'info', text: nasty });
    expect(rest).toEqual([]);
    expect(m!.parse_mode).toBe('HTML');
    assertTelegramHtml(m!.text);
    expect(checkTelegramHtml(m!.text).plain).toBe(nasty);
    expect(m!.text).not.toContain('<b>');
    expect(m!.reply_markup).toBeUndefined();
  });

  it('puts a draft\'s body in a copyable <pre> block, escaped, with the intro as plain text', () => {
    const body = '您好，订单 <b>241103-572918364502817</b> 收到时外箱破损 & 商品损坏，"请尽快"处理退款。';
    const out: Outbound = {
      kind: 'draft', to: 'seller', body,
      text: `发给卖家的文本（复制发送）：\n\n${body}\n\n发送后告诉我卖家怎么回复。`,
    };
    const [m] = renderOutbound(out);
    assertTelegramHtml(m!.text);
    expect(m!.text).toBe(
      `${escapeHtml('发给卖家的文本（复制发送）：')}\n\n<pre>${escapeHtml(body)}</pre>\n\n${escapeHtml('发送后告诉我卖家怎么回复。')}`,
    );
    // The copy the buyer makes is exactly the body.
    const pre = /<pre>([\s\S]*)<\/pre>/.exec(m!.text)![1]!;
    expect(checkTelegramHtml(pre).plain).toBe(body);
  });

  it('still shows a draft body that is not inside its text', () => {
    const [m] = renderOutbound({ kind: 'draft', to: 'platform', text: '平台介入文本：', body: 'A&B' });
    assertTelegramHtml(m!.text);
    expect(m!.text).toBe('平台介入文本：\n\n<pre>A&amp;B</pre>');
  });

  it('renders options as an inline keyboard answering choiceSlot (or slot)', () => {
    const q: Outbound = {
      kind: 'question', slot: 'problem', text: '具体是什么问题？',
      options: PROBLEMS.map((p) => ({ label: `label-${p}`, value: p })),
    };
    const [m] = renderOutbound(q);
    const buttons = m!.reply_markup!.inline_keyboard.flat();
    expect(buttons).toHaveLength(PROBLEMS.length);
    expect(buttons[0]).toEqual({ text: 'label-not_received', callback_data: 'c|problem|not_received' });

    const confirm = keyboardFor({
      kind: 'question', slot: 'confirmForget', text: '确定删除？',
      options: [{ label: '删除', value: 'yes' }, { label: '取消', value: 'no' }],
    });
    expect(confirm!.inline_keyboard).toEqual([[
      { text: '删除', callback_data: 'c|confirmForget|yes' }, { text: '取消', callback_data: 'c|confirmForget|no' },
    ]]);
    const viaChoiceSlot = keyboardFor({ kind: 'nudge', text: '…', choiceSlot: 'nextStep', options: [{ label: '已解决', value: 'resolved' }] });
    expect(viaChoiceSlot!.inline_keyboard[0]![0]).toEqual({ text: '已解决', callback_data: 'c|nextStep|resolved' });
    expect(keyboardFor({ kind: 'info', text: 'x', options: [{ label: 'a', value: 'a' }] })).toBeUndefined();
  });

  it('keeps short labels two to a row and long ones alone', () => {
    const short = keyboardFor({ kind: 'question', slot: 'wants', text: '?', options: [1, 2, 3].map((n) => ({ label: `选${n}`, value: `v${n}` })) });
    expect(short!.inline_keyboard.map((r) => r.length)).toEqual([2, 1]);
    const long = keyboardFor({ kind: 'question', slot: 'wants', text: '?', options: [1, 2].map((n) => ({ label: `这是一个很长很长很长的选项${n}`, value: `v${n}` })) });
    expect(long!.inline_keyboard.map((r) => r.length)).toEqual([1, 1]);
  });

  it('splits a text over Telegram\'s limit into several valid messages, keyboard on the last', () => {
    const line = '很长的一行 & <说明>。'.repeat(20);
    const text = Array.from({ length: 60 }, () => line).join('\n');
    const ms = renderOutbound({ kind: 'question', slot: 'wants', text, options: [{ label: '退款', value: 'refund' }] });
    expect(ms.length).toBeGreaterThan(1);
    for (const m of ms) assertTelegramHtml(m.text);
    expect(ms.slice(0, -1).every((m) => m.reply_markup === undefined)).toBe(true);
    expect(ms.at(-1)!.reply_markup).toBeDefined();
    expect(ms.map((m) => checkTelegramHtml(m.text).plain).join('\n')).toBe(text);
  });

  it('splits a long draft body across <pre> blocks that are each valid', () => {
    const body = 'x&y<z>\n'.repeat(900);
    const ms = renderOutbound({ kind: 'draft', to: 'regulator', text: `投诉文本：\n${body}`, body });
    expect(ms.length).toBeGreaterThan(1);
    for (const m of ms) assertTelegramHtml(m.text);
  });

  it('sends nothing for an empty text', () => {
    expect(renderOutbound({ kind: 'info', text: '' })).toEqual([]);
  });
});

describe('the validator itself', () => {
  it('rejects what Telegram would reject', () => {
    expect(checkTelegramHtml('<b>x').problems).not.toEqual([]);
    expect(checkTelegramHtml('<div>x</div>').problems).not.toEqual([]);
    expect(checkTelegramHtml('a & b').problems).not.toEqual([]);
    expect(checkTelegramHtml('a > b').problems).not.toEqual([]);
    expect(checkTelegramHtml('<b><i>x</b></i>').problems).not.toEqual([]);
    expect(checkTelegramHtml('<pre><b>x</b></pre>').problems).not.toEqual([]);
    expect(checkTelegramHtml('<a>x</a>').problems).not.toEqual([]);
    expect(checkTelegramHtml('').problems).not.toEqual([]);
  });
  it('accepts valid markup', () => {
    expect(checkTelegramHtml('<b>a</b> &lt;&amp;&gt;&quot; &#39; <pre><code class="language-txt">x</code></pre> <a href="https://t.me/x">x</a>').problems).toEqual([]);
  });
});

describe('after a button press', () => {
  const keyboard = { inline_keyboard: [[{ text: '运输破损', callback_data: 'c|problem|damaged' }]] };

  it('finds the pressed label on the keyboard message', () => {
    expect(pressedLabel({ reply_markup: keyboard }, 'c|problem|damaged')).toBe('运输破损');
    expect(pressedLabel({ reply_markup: keyboard }, 'c|problem|other')).toBeNull();
    expect(pressedLabel(undefined, 'c|problem|other')).toBeNull();
  });

  it('appends "✓ label" keeping the original formatting', () => {
    const entities = [{ type: 'bold' as const, offset: 0, length: 2 }];
    expect(chosenEdit({ text: '问题？', entities }, '运输破损', 'zh-CN')).toEqual({ text: '问题？\n\n✓ 运输破损', entities });
    expect(chosenEdit({}, 'x', 'en')).toBeNull();
    expect(chosenEdit({ text: 'x'.repeat(4090) }, 'label', 'en')).toBeNull();
  });
});

describe('users, locales, commands', () => {
  it('maps private chats to prefixed user ids and back', () => {
    expect(userIdFor(12345)).toBe('tg:12345');
    expect(chatIdOf('tg:12345')).toBe(12345);
    expect(chatIdOf('wx:abc')).toBeNull();
    expect(chatIdOf('tg:abc')).toBeNull();
  });

  it('speaks Chinese unless the Telegram app is set to another language', () => {
    expect(localeFromLanguageCode(undefined)).toBe('zh-CN');
    expect(localeFromLanguageCode('zh-hans')).toBe('zh-CN');
    expect(localeFromLanguageCode('en')).toBe('en');
    expect(localeFromLanguageCode('de')).toBe('en');
  });

  it('has a command menu in both languages within Telegram\'s limits', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const menu = commandMenu(locale);
      expect(menu.map((c) => c.command)).toEqual([...COMMANDS]);
      for (const c of menu) {
        expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(c.description.length).toBeGreaterThanOrEqual(1);
        expect(c.description.length).toBeLessThanOrEqual(256);
      }
    }
    expect(commandMenu('zh-CN')).not.toEqual(commandMenu('en'));
  });

  it('keeps identical key sets in locales/*/telegram.json', () => {
    const flat = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && !Array.isArray(v) ? flat(v as object, `${p}${k}.`) : [`${p}${k}`]));
    const zh = flat(JSON.parse(readFileSync(join(LOCALES_DIR, 'zh-CN', 'telegram.json'), 'utf8'))).sort();
    const en = flat(JSON.parse(readFileSync(join(LOCALES_DIR, 'en', 'telegram.json'), 'utf8'))).sort();
    expect(en).toEqual(zh);
  });
});

describe('errors and duplicates', () => {
  it('maps Bot API failures onto the app taxonomy', () => {
    const blocked = new GrammyError('x', { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }, 'sendMessage', {});
    expect(toAppError(blocked).kind).toBe('blocked');
    const flood = new GrammyError('x', { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 7 } }, 'sendMessage', {});
    expect(toAppError(flood)).toMatchObject({ kind: 'messenger_refused', retryAfter: 7 });
    expect(toAppError(new HttpError('down', new Error('ECONNRESET'))).kind).toBe('transport');
    expect(toAppError(new Error('oops')).kind).toBe('bug');
  });
});
