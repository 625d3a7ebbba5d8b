import { describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import {
  MAX_MESSAGE_CHARS,
  contactIdOf,
  messageToInbound,
  renderOutbound,
  splitForWechat,
  unsupportedWhat,
  userIdFor,
} from '../../adapters/wechat/translate.ts';
import { catalog, t } from '../../src/i18n/index.ts';
import type { Outbound } from '../../src/domain/index.ts';

const M = types.Message;
const msg = (type: types.Message, text = '', id = 'msg-1') => ({ id, type, text });

describe('user ids', () => {
  it('round-trips a contact id and rejects other adapters’ ids', () => {
    expect(userIdFor('wxid_abc')).toBe('wx:wxid_abc');
    expect(contactIdOf(userIdFor('wxid_abc'))).toBe('wxid_abc');
    expect(contactIdOf('tg:123')).toBeNull();
    expect(contactIdOf('wx:')).toBeNull();
  });
});

describe('WeChat → Inbound', () => {
  it('text is text, a leading slash is a command', () => {
    expect(messageToInbound(msg(M.Text, '我的快递有问题'), 'zh-CN')).toEqual({ type: 'text', text: '我的快递有问题' });
    expect(messageToInbound(msg(M.Text, '/status'), 'zh-CN')).toEqual({ type: 'command', command: 'status', arg: '' });
    expect(messageToInbound(msg(M.Text, '/lang en'), 'zh-CN')).toEqual({ type: 'command', command: 'lang', arg: 'en' });
  });

  it('an empty text is nothing', () => {
    expect(messageToInbound(msg(M.Text, '  '), 'zh-CN')).toBeNull();
  });

  it('image, video and file are evidence referenced by the message id, with no caption', () => {
    expect(messageToInbound(msg(M.Image, '', 'img-7'), 'zh-CN')).toEqual({ type: 'media', kind: 'photo', caption: '', fileId: 'img-7' });
    expect(messageToInbound(msg(M.Video, '', 'vid-7'), 'zh-CN')).toEqual({ type: 'media', kind: 'video', caption: '', fileId: 'vid-7' });
    expect(messageToInbound(msg(M.Attachment, 'x.pdf', 'doc-7'), 'en')).toEqual({
      type: 'media', kind: 'document', caption: '', fileId: 'doc-7',
    });
  });

  it('sticker, voice, location and the rest are unsupported with a localised word', () => {
    expect(messageToInbound(msg(M.Emoticon), 'zh-CN')).toEqual({ type: 'unsupported', what: '表情' });
    expect(messageToInbound(msg(M.Audio), 'zh-CN')).toEqual({ type: 'unsupported', what: '语音' });
    expect(messageToInbound(msg(M.Location), 'zh-CN')).toEqual({ type: 'unsupported', what: '位置' });
    expect(messageToInbound(msg(M.Emoticon), 'en')).toEqual({ type: 'unsupported', what: 'stickers' });
    expect(messageToInbound(msg(M.Audio), 'en')).toEqual({ type: 'unsupported', what: 'voice messages' });
    for (const type of [M.Contact, M.ChatHistory, M.MiniProgram, M.Url, M.Transfer, M.RedEnvelope, M.Unknown]) {
      const inbound = messageToInbound(msg(type), 'zh-CN');
      expect(inbound?.type).toBe('unsupported');
      expect((inbound as { what: string }).what.length).toBeGreaterThan(0);
    }
    // A type this code has never heard of still gets an answer.
    expect(unsupportedWhat(999 as types.Message, 'zh-CN')).toBe(t('zh-CN', 'wechat.what.other'));
  });

  it('group notices and recall notices are not the buyer saying anything', () => {
    expect(messageToInbound(msg(M.GroupNote, 'X 加入了群聊'), 'zh-CN')).toBeNull();
    expect(messageToInbound(msg(M.Recalled, ''), 'zh-CN')).toBeNull();
  });
});

describe('Outbound → WeChat text', () => {
  it('a question lists its options with numbers (WeChat has no buttons)', () => {
    const out: Outbound = {
      kind: 'question', slot: 'wants', text: '你希望怎么处理？',
      options: [{ label: '退款', value: 'refund' }, { label: '换货', value: 'exchange' }],
    };
    expect(renderOutbound(out, 'zh-CN')).toEqual(['你希望怎么处理？\n1. 退款\n2. 换货']);
  });

  it('a draft: intro with a header line, then the body alone so a long-press copies it verbatim', () => {
    const body = '您好，订单号 123456789012345678 的商品破损，申请退款。';
    const out: Outbound = { kind: 'draft', to: 'seller', text: `发给商家的话：\n\n${body}\n\n商家 48 小时不回就找平台。`, body };
    expect(renderOutbound(out, 'zh-CN')).toEqual([
      `发给商家的话：\n\n${t('zh-CN', 'wechat.copyBelow')}`,
      body,
      '商家 48 小时不回就找平台。',
    ]);
  });

  it('a draft that is only its body still gets the header line', () => {
    const out: Outbound = { kind: 'draft', to: 'platform', text: 'Body only.', body: 'Body only.' };
    expect(renderOutbound(out, 'en')).toEqual([t('en', 'wechat.copyBelow'), 'Body only.']);
  });

  it('a draft whose body is not inside its text shows both', () => {
    const out: Outbound = { kind: 'draft', to: 'seller', text: 'Intro.', body: 'The body.' };
    expect(renderOutbound(out, 'en')).toEqual([`Intro.\n\n${t('en', 'wechat.copyBelow')}`, 'The body.']);
  });

  it('a long message is split at line boundaries under the limit', () => {
    const line = '这是一行检查清单的说明文字。'.repeat(10); // 140 chars
    const text = Array.from({ length: 40 }, (_, i) => `${i + 1}. ${line}`).join('\n');
    expect(text.length).toBeGreaterThan(MAX_MESSAGE_CHARS * 3);
    const parts = renderOutbound({ kind: 'checklist', text }, 'zh-CN');
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    // Nothing lost, nothing cut mid-line.
    expect(parts.join('\n')).toBe(text);
    for (const p of parts) expect(p.split('\n').every((l) => /^\d+\. /.test(l))).toBe(true);
  });

  it('a long draft body is split too and every piece fits', () => {
    const body = Array.from({ length: 30 }, (_, i) => `第${i + 1}点：${'商品与描述不符'.repeat(12)}`).join('\n');
    const parts = renderOutbound({ kind: 'draft', to: 'seller', text: `前言\n\n${body}`, body }, 'zh-CN');
    expect(parts[0]).toContain(t('zh-CN', 'wechat.copyBelow'));
    expect(parts.slice(1).join('\n')).toBe(body);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  });
});

describe('splitForWechat', () => {
  it('keeps a short text whole', () => {
    expect(splitForWechat('短消息')).toEqual(['短消息']);
  });

  it('cuts a single over-long line hard, never inside a surrogate pair', () => {
    const text = 'a'.repeat(9) + '😀' + 'b'.repeat(10);
    const parts = splitForWechat(text, 10);
    expect(parts.join('')).toBe(text);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(10);
      expect(/[\ud800-\udbff]$/.test(p)).toBe(false);
    }
  });

  it('drops blank pieces produced by paragraph breaks at the cut', () => {
    expect(splitForWechat('aaaa\n\n\nbbbb', 5)).toEqual(['aaaa', 'bbbb']);
  });

  it('returns nothing for an empty text', () => {
    expect(splitForWechat('')).toEqual([]);
  });
});

describe('wording', () => {
  it('zh-CN and en have the same wechat keys', () => {
    const keys = (l: 'zh-CN' | 'en') => [...catalog().get(l)!.keys()].filter((k) => k.startsWith('wechat.')).sort();
    expect(keys('en')).toEqual(keys('zh-CN'));
    expect(keys('zh-CN').length).toBeGreaterThan(5);
  });
});
