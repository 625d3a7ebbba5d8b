/**
 * Translation between Telegram and the engine, both ways. Pure functions: no grammY
 * client, no I/O, so every rule here is unit-tested (test/telegram/translate.test.ts).
 *
 * - Telegram `Message` → engine `Inbound` (`messageToInbound`)
 * - button `callback_data` ↔ `choice` inbound (`encodeChoice` / `decodeChoice`)
 * - engine `Outbound` → Telegram HTML messages with inline keyboards (`renderOutbound`)
 * - the edit that shows which button was pressed (`chosenEdit`)
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity } from 'grammy/types';
import { ASKABLE, type Askable, type Inbound, type Locale, type Outbound } from '../../src/domain/index.ts';
import { t } from '../../src/i18n/index.ts';
import { splitText } from '../../src/app/text-chunks.ts';

// ---------------------------------------------------------------------------
// Users and locales
// ---------------------------------------------------------------------------

export const USER_PREFIX = 'tg:';

/**
 * The app-wide user id of a private Telegram chat. Prefixed so Telegram and WeChat
 * users can share one store without colliding.
 *
 * @example userIdFor(12345) // "tg:12345"
 */
export function userIdFor(chatId: number): string {
  return `${USER_PREFIX}${chatId}`;
}

/** The Telegram chat id behind a user id from `userIdFor`, or null if it is not a Telegram user. */
export function chatIdOf(userId: string): number | null {
  if (!userId.startsWith(USER_PREFIX)) return null;
  const id = Number(userId.slice(USER_PREFIX.length));
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * The locale for adapter-side wording when the buyer's own choice is not at hand
 * (group pointer, flood notice): Chinese unless Telegram says the app speaks something else.
 */
export function localeFromLanguageCode(code: string | undefined): Locale {
  if (!code || code.toLowerCase().startsWith('zh')) return 'zh-CN';
  return 'en';
}

// ---------------------------------------------------------------------------
// Telegram → Inbound
// ---------------------------------------------------------------------------

/** `/cmd`, `/cmd@SomeBot`, `/cmd rest of the line` (Telegram command names: 1–32 of [A-Za-z0-9_]). */
const COMMAND_RE = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/;

/** Message fields that carry content the engine cannot use, in the order they are reported. */
const UNSUPPORTED_KINDS = [
  'sticker', 'voice', 'audio', 'animation', 'location', 'venue', 'contact', 'poll', 'dice', 'game',
  'story', 'paid_media', 'invoice', 'checklist',
] as const;

/** A parsed slash command, or null if the text is not one. */
export function parseCommand(text: string): { command: string; botName: string | null; arg: string } | null {
  const m = COMMAND_RE.exec(text.trim());
  if (!m) return null;
  return { command: m[1]!.toLowerCase(), botName: m[2] ?? null, arg: (m[3] ?? '').trim() };
}

/**
 * What a private-chat message means to the engine. Media become evidence references
 * (the file id only; nothing is downloaded). Returns null for service messages
 * (pins, chat photo changes…) that are not the buyer saying anything.
 *
 * @example messageToInbound({text: '/status', …}) // {type: 'command', command: 'status'}
 */
export function messageToInbound(msg: Message): Inbound | null {
  if (msg.text !== undefined) {
    const cmd = parseCommand(msg.text);
    if (cmd) return cmd.arg ? { type: 'command', command: cmd.command, arg: cmd.arg } : { type: 'command', command: cmd.command };
    return { type: 'text', text: msg.text };
  }
  const caption = msg.caption ?? '';
  if (msg.photo && msg.photo.length > 0) {
    // Telegram lists the sizes smallest first; the last is the original.
    return { type: 'media', kind: 'photo', caption, fileId: msg.photo[msg.photo.length - 1]!.file_id };
  }
  if (msg.video) return { type: 'media', kind: 'video', caption, fileId: msg.video.file_id };
  if (msg.video_note) return { type: 'media', kind: 'video', caption, fileId: msg.video_note.file_id };
  // A GIF arrives with both `animation` and `document`: it is not evidence.
  if (msg.document && !msg.animation) return { type: 'media', kind: 'document', caption, fileId: msg.document.file_id };
  for (const kind of UNSUPPORTED_KINDS) {
    if (kind in msg && (msg as unknown as Record<string, unknown>)[kind] !== undefined) return { type: 'unsupported', what: kind };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Buttons: callback_data ↔ choice
// ---------------------------------------------------------------------------

/** Telegram's hard limit for `callback_data`, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

const CHOICE_SLOTS: readonly string[] = ASKABLE;
type ChoiceSlot = Askable;

/**
 * `callback_data` for a quick-reply button: `c|<slot>|<value>`. Slots and values are
 * codes (`problem`/`damaged`), so this stays far below 64 bytes; returns null if a
 * value is ever too long for Telegram (the button is then left out).
 */
export function encodeChoice(slot: ChoiceSlot, value: string): string | null {
  const data = `c|${slot}|${value}`;
  return Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_MAX_BYTES ? data : null;
}

/** The choice behind a button's `callback_data`, or null for anything we did not produce. */
export function decodeChoice(data: string): Extract<Inbound, { type: 'choice' }> | null {
  const m = /^c\|([A-Za-z]+)\|([\s\S]+)$/.exec(data);
  if (!m) return null;
  const slot = m[1] as ChoiceSlot;
  if (!CHOICE_SLOTS.includes(slot)) return null;
  return { type: 'choice', slot, value: m[2]! };
}

// ---------------------------------------------------------------------------
// Outbound → Telegram HTML
// ---------------------------------------------------------------------------

/**
 * Escape plain text for Telegram's HTML parse mode. Telegram requires `<`, `>` and `&`
 * outside tags to be entities; `"` is escaped too so the same helper is safe in attributes.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** One Telegram `sendMessage` call. */
export interface TelegramMessage {
  text: string;
  parse_mode: 'HTML';
  reply_markup?: InlineKeyboardMarkup;
}

/**
 * Telegram rejects texts over 4096 characters (counted after entity parsing). Keep a
 * margin; longer outbound text is split at line breaks into several messages.
 */
export const MAX_MESSAGE_CHARS = 4000;

/** A piece of plain text and whether it belongs in the copyable block. */
interface Segment {
  text: string;
  copyable: boolean;
}

/** Draft texts: the intro around the pasteable `body` stays plain, the body goes in a copyable block. */
function segmentsOf(out: Outbound): Segment[] {
  if (out.kind !== 'draft' || !out.body || out.body.trim() === '') return [{ text: out.text, copyable: false }];
  const at = out.text.indexOf(out.body);
  if (at < 0) {
    // The engine promises `body` is inside `text`; if not, still show both, body copyable.
    return [{ text: out.text, copyable: false }, { text: out.body, copyable: true }];
  }
  return [
    { text: out.text.slice(0, at).trim(), copyable: false },
    { text: out.body, copyable: true },
    { text: out.text.slice(at + out.body.length).trim(), copyable: false },
  ].filter((s) => s.text !== '');
}

function renderSegment(s: Segment): string {
  return s.copyable ? `<pre>${escapeHtml(s.text)}</pre>` : escapeHtml(s.text);
}

/** Quick-reply options as an inline keyboard: short labels two to a row, long ones alone. */
export function keyboardFor(out: Outbound): InlineKeyboardMarkup | undefined {
  const slot = out.choiceSlot ?? out.slot;
  if (!slot || !out.options || out.options.length === 0) return undefined;
  const buttons: InlineKeyboardButton[] = [];
  for (const o of out.options) {
    const data = encodeChoice(slot, o.value);
    if (data !== null) buttons.push({ text: o.label, callback_data: data });
  }
  if (buttons.length === 0) return undefined;
  const perRow = buttons.every((b) => b.text.length <= 10) ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { inline_keyboard: rows };
}

/**
 * The Telegram messages for one engine message: HTML with every piece of text escaped,
 * a draft's pasteable body in a `<pre>` block (Telegram shows a copy button on it), the
 * options as an inline keyboard on the last message. Usually exactly one message; none
 * for an empty text.
 */
export function renderOutbound(out: Outbound): TelegramMessage[] {
  // Pack segments (split to size) into messages of at most MAX_MESSAGE_CHARS plain characters.
  const messages: string[] = [];
  let html = '';
  let plainLength = 0;
  for (const seg of segmentsOf(out)) {
    for (const piece of splitText(seg.text, MAX_MESSAGE_CHARS)) {
      const sep = html === '' ? 0 : 2;
      if (html !== '' && plainLength + sep + piece.length > MAX_MESSAGE_CHARS) {
        messages.push(html);
        html = '';
        plainLength = 0;
      }
      if (html !== '') {
        html += '\n\n';
        plainLength += 2;
      }
      html += renderSegment({ text: piece, copyable: seg.copyable });
      plainLength += piece.length;
    }
  }
  if (html !== '') messages.push(html);
  // Telegram refuses empty texts; an empty engine message is a bug upstream, not worth a crash here.
  const keyboard = keyboardFor(out);
  return messages.map((text, i) => ({
    text,
    parse_mode: 'HTML' as const,
    ...(keyboard && i === messages.length - 1 ? { reply_markup: keyboard } : {}),
  }));
}

// ---------------------------------------------------------------------------
// After a button press
// ---------------------------------------------------------------------------

/** The label of the pressed button, looked up on the message that carried the keyboard. */
export function pressedLabel(message: { reply_markup?: InlineKeyboardMarkup } | undefined, data: string): string | null {
  for (const row of message?.reply_markup?.inline_keyboard ?? []) {
    for (const b of row) if ('callback_data' in b && b.callback_data === data) return b.text;
  }
  return null;
}

/**
 * The edit that shows the buyer's choice: the original text with its formatting
 * (entities), plus a "✓ label" line, and no keyboard. Null if the message has no text
 * or would grow too long (then only the keyboard is removed).
 */
export function chosenEdit(
  message: { text?: string; entities?: MessageEntity[] },
  label: string,
  locale: Locale,
): { text: string; entities: MessageEntity[] } | null {
  if (message.text === undefined) return null;
  const text = `${message.text}\n\n${t(locale, 'telegram.chosen', { label })}`;
  if (text.length > 4096) return null;
  return { text, entities: message.entities ?? [] };
}
