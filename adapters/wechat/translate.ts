/**
 * Translation between WeChat (Wechaty) and the engine, both ways. Pure functions: no
 * Wechaty instance, no I/O, so every rule here is unit-tested (test/wechat/translate.test.ts).
 *
 * - user ids ↔ Wechaty contact ids (`userIdFor` / `contactIdOf`)
 * - a WeChat message → engine `Inbound` (`messageToInbound`)
 * - engine `Outbound` → WeChat text messages (`renderOutbound`, `splitForWechat`)
 */
import { plainText } from '../../src/app/plain-text.ts';
import { splitText } from '../../src/app/text-chunks.ts';
import { types } from 'wechaty';
import type { Inbound, Locale, Outbound } from '../../src/domain/index.ts';
import { textToInbound } from '../../src/app/text-inbound.ts';
import { t } from '../../src/i18n/index.ts';

// ---------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------

export const USER_PREFIX = 'wx:';

/**
 * The app-wide user id of a WeChat contact. Prefixed so Telegram and WeChat users can
 * share one store without colliding.
 *
 * @example userIdFor('wxid_abc') // "wx:wxid_abc"
 */
export function userIdFor(contactId: string): string {
  return `${USER_PREFIX}${contactId}`;
}

/** The Wechaty contact id behind a user id from `userIdFor`, or null if it is not a WeChat user. */
export function contactIdOf(userId: string): string | null {
  if (!userId.startsWith(USER_PREFIX)) return null;
  const id = userId.slice(USER_PREFIX.length);
  return id === '' ? null : id;
}

// ---------------------------------------------------------------------------
// WeChat → Inbound
// ---------------------------------------------------------------------------

/** What the translation needs from a Wechaty `Message` (`msg.id`, `msg.type()`, `msg.text()`). */
export interface WechatMessageFacts {
  id: string;
  type: types.Message;
  text: string;
}

/** Message types the engine cannot read, with the key of their word in `locales/<l>/wechat.json`. */
const UNSUPPORTED_WORD: Partial<Record<types.Message, string>> = {
  [types.Message.Emoticon]: 'sticker',
  [types.Message.Audio]: 'voice',
  [types.Message.Location]: 'location',
  [types.Message.Contact]: 'contactCard',
  [types.Message.ChatHistory]: 'chatHistory',
  [types.Message.MiniProgram]: 'miniProgram',
  [types.Message.Url]: 'link',
  [types.Message.Transfer]: 'transfer',
  [types.Message.RedEnvelope]: 'redPacket',
  [types.Message.Post]: 'post',
  [types.Message.Unknown]: 'other',
};

/**
 * Service messages that are not the buyer saying anything: group notices ("X joined"),
 * recall notices, system lines. They get no answer at all.
 */
const IGNORED: ReadonlySet<types.Message> = new Set([
  types.Message.GroupNote,
  types.Message.Recalled,
  // Present in newer puppet schemas only; harmless when undefined.
  (types.Message as unknown as Record<string, types.Message>)['System'],
].filter((v): v is types.Message => v !== undefined));

/** The short localised word for a message type the engine cannot read ("表情", "voice messages"…). */
export function unsupportedWhat(type: types.Message, locale: Locale): string {
  return t(locale, `wechat.what.${UNSUPPORTED_WORD[type] ?? 'other'}`);
}

/**
 * What a private-chat message means to the engine. Text goes through `textToInbound`
 * ("/status" → command). Images, videos and files become evidence references: WeChat
 * media have no caption and nothing is downloaded, so the message id is the reference.
 * Stickers, voice, locations… become `unsupported` with a word in the buyer's `locale`.
 * Returns null for service messages and empty texts.
 *
 * @example messageToInbound({id: 'm1', type: types.Message.Image, text: ''}, 'zh-CN')
 * // {type: 'media', kind: 'photo', caption: '', fileId: 'm1'}
 */
export function messageToInbound(msg: WechatMessageFacts, locale: Locale): Inbound | null {
  switch (msg.type) {
    case types.Message.Text:
      return msg.text.trim() === '' ? null : textToInbound(msg.text);
    case types.Message.Image:
      return { type: 'media', kind: 'photo', caption: '', fileId: msg.id };
    case types.Message.Video:
      return { type: 'media', kind: 'video', caption: '', fileId: msg.id };
    case types.Message.Attachment:
      return { type: 'media', kind: 'document', caption: '', fileId: msg.id };
    default:
      if (IGNORED.has(msg.type)) return null;
      return { type: 'unsupported', what: unsupportedWhat(msg.type, locale) };
  }
}

// ---------------------------------------------------------------------------
// Outbound → WeChat text
// ---------------------------------------------------------------------------

/**
 * WeChat truncates or rejects very long texts (the client limit is a few thousand
 * characters and puppets differ); stay well below it and split at line breaks.
 */
export const MAX_MESSAGE_CHARS = 1800;

/**
 * Split `text` into messages of at most `max` characters, cutting at line breaks where
 * possible, never inside a character (src/app/text-chunks.ts). Whitespace-only pieces are
 * dropped; a short text comes back as one message.
 *
 * @example splitForWechat('a\nb', 1) // ['a', 'b']
 */
export function splitForWechat(text: string, max: number = MAX_MESSAGE_CHARS): string[] {
  return splitText(text, Math.max(2, max), { dropBlank: true });
}

/**
 * The WeChat messages for one engine message, in order. WeChat has no buttons: options
 * are listed with numbers (`plainText`), and the engine takes a typed number or label.
 *
 * A draft's pasteable `body` goes out as a message of its own, announced by a header
 * line at the end of the message before it: long-pressing a WeChat message copies all
 * of it, so the body must stand alone to be copied verbatim.
 */
export function renderOutbound(out: Outbound, locale: Locale): string[] {
  const body = out.kind === 'draft' ? out.body?.trim() : undefined;
  if (!body) return splitForWechat(plainText(out));
  const header = t(locale, 'wechat.copyBelow');
  const at = out.text.indexOf(body);
  // The engine promises `body` is inside `text`; if it is not, still show both.
  const before = at >= 0 ? out.text.slice(0, at).trim() : out.text.trim();
  const after = at >= 0 ? out.text.slice(at + body.length).trim() : '';
  return [
    ...splitForWechat(before === '' ? header : `${before}\n\n${header}`),
    ...splitForWechat(body),
    ...splitForWechat(after),
  ];
}
