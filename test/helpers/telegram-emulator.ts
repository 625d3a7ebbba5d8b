/**
 * `telegram-test-api` (an HTTP emulator of the Bot API) on a free loopback port, with a
 * small buyer-side driver. The bot under test talks real HTTP to the emulator; the test
 * plays the buyers by putting updates into the emulator and reading what the bot sent.
 *
 * `getUpdates` returns at once (no long polling): give the bot `emptyPollPauseMs: 10`.
 *
 * Emulator quirks this papers over (see `emulatorQuirks`):
 * - no `setMyCommands`: answered `true` here and recorded;
 * - no way to be blocked: chats in `blocked` get Telegram's 403;
 * - no `sendDocument`: added by `acceptDocuments` (a real multipart upload route; see `documents`).
 */
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Transformer } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

export const BOT_USERNAME = 'TestNameBot'; // what the emulator's getMe answers
export const BOT_ID = 666;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A message the bot sent, as the emulator stored it. */
export interface BotMessage {
  messageId: number;
  chatId: number;
  /** The raw text as sent (HTML source in parse mode HTML). */
  text: string;
  parseMode: string | undefined;
  replyMarkup: InlineKeyboardMarkup | undefined;
  /** Every field of the sendMessage call. */
  raw: Record<string, unknown>;
}

/** A document the bot uploaded with `sendDocument` (multipart/form-data, as Telegram receives it). */
export interface SentDocument {
  messageId: number;
  chatId: number;
  fileName: string;
  mimeType: string;
  caption: string;
  bytes: Buffer;
}

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** Bot options for fast tests against the emulator: a short pause between empty polls. */
export const EMULATOR_POLL_PAUSE_MS = 10;

/** What the emulator does not do like Telegram; pass `transformer` to the bot's `apiTransformers`. */
export interface EmulatorQuirks {
  transformer: Transformer;
  /** Every Bot API call the bot made, in order (getUpdates excluded). */
  calls: ApiCall[];
  /** Chats whose user "blocked the bot": sendMessage gets 403. */
  blocked: Set<number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function emulatorQuirks(): EmulatorQuirks {
  const calls: ApiCall[] = [];
  const blocked = new Set<number>();
  const transformer: Transformer = async (prev, method, payload, signal) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    if (method === 'getUpdates') return prev(method, payload, signal);
    calls.push({ method, payload: p });
    if (method === 'setMyCommands' || method === 'deleteMyCommands') {
      return { ok: true, result: true } as never;
    }
    if (method === 'sendMessage' && blocked.has(Number(p.chat_id))) {
      return { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } as never;
    }
    return prev(method, payload, signal);
  };
  return { transformer, calls, blocked };
}

export interface Emulator {
  server: TelegramServer;
  /** Give this to grammY as `client.apiRoot` (TELEGRAM_API_ROOT). */
  apiRoot: string;
  token: string;
  /** A buyer in a private chat (chat id = user id). */
  user(id: number, opts?: { languageCode?: string; firstName?: string }): TestUser;
  /** A group chat with one member speaking in it. */
  group(chatId: number, memberId: number): TestGroup;
  /** Everything the bot sent to a chat, oldest first (edits applied). */
  sent(chatId: number): BotMessage[];
  /** Documents the bot uploaded to a chat, oldest first. */
  documents(chatId: number): SentDocument[];
  /** Wait until the bot has fetched every update and finished handling them. */
  settle(pending: () => number, timeoutMs?: number): Promise<void>;
  /** Deliver the most recent buyer update once more, with the same update_id. */
  redeliverLast(): void;
  stop(): Promise<void>;
}

interface Person {
  id: number;
  is_bot: false;
  first_name: string;
  username: string;
  language_code?: string;
}

export class TestUser {
  #seen = 0;
  constructor(
    private readonly emu: Emulator,
    readonly id: number,
    private readonly from: Person,
  ) {}

  #chat() {
    return { id: this.id, type: 'private' as const, first_name: this.from.first_name, username: this.from.username };
  }

  #common() {
    return { botToken: this.emu.token, from: this.from, chat: this.#chat(), date: Math.floor(Date.now() / 1000) };
  }

  /** The buyer types a message. */
  async say(text: string): Promise<void> {
    await this.emu.server.addUserMessage({ ...this.#common(), text } as never);
  }

  /** The buyer sends a command (with Telegram's bot_command entity). */
  async command(text: string): Promise<void> {
    const length = text.split(/\s/)[0]!.length;
    await this.emu.server.addUserMessage({ ...this.#common(), text, entities: [{ type: 'bot_command', offset: 0, length }] } as never);
  }

  /** The buyer sends a photo (three sizes, like Telegram) with an optional caption. */
  async photo(caption: string, fileId = `photo-${randomBytes(4).toString('hex')}`): Promise<string> {
    const photo = [
      { file_id: `${fileId}-s`, file_unique_id: `${fileId}-s`, width: 90, height: 67, file_size: 1200 },
      { file_id: `${fileId}-m`, file_unique_id: `${fileId}-m`, width: 320, height: 240, file_size: 15_000 },
      { file_id: fileId, file_unique_id: fileId, width: 1280, height: 960, file_size: 180_000 },
    ];
    await this.emu.server.addUserMessage({ ...this.#common(), photo, ...(caption ? { caption } : {}) } as never);
    return fileId;
  }

  /** The buyer sends something the bot cannot use. */
  async sticker(): Promise<void> {
    const sticker = { file_id: 'sticker-1', file_unique_id: 'st1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false };
    await this.emu.server.addUserMessage({ ...this.#common(), sticker } as never);
  }

  /** The buyer taps the inline button labelled `label` on `message`. Returns its callback_data. */
  async press(message: BotMessage, label: string): Promise<string> {
    const button = (message.replyMarkup?.inline_keyboard ?? []).flat().find((b) => b.text === label);
    if (!button || !('callback_data' in button)) {
      const labels = (message.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text);
      throw new Error(`no button "${label}" on message ${message.messageId} (has: ${labels.join(' | ') || 'none'})`);
    }
    await this.emu.server.addUserCallback({
      botToken: this.emu.token,
      from: this.from,
      data: button.callback_data,
      message: {
        message_id: message.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: this.#chat(),
        from: { id: BOT_ID, is_bot: true, first_name: 'Bot', username: BOT_USERNAME },
        text: message.text,
        reply_markup: message.replyMarkup,
      },
    } as never);
    return button.callback_data;
  }

  /** Everything the bot sent this buyer, oldest first. */
  inbox(): BotMessage[] {
    return this.emu.sent(this.id);
  }

  /** The bot's messages since the last call. */
  news(): BotMessage[] {
    const all = this.inbox();
    const fresh = all.slice(this.#seen);
    this.#seen = all.length;
    return fresh;
  }
}

export class TestGroup {
  constructor(
    private readonly emu: Emulator,
    readonly chatId: number,
    private readonly from: Person,
  ) {}

  /** A member writes in the group; `@TestNameBot` in the text is marked as a mention, like Telegram does. */
  async say(text: string): Promise<void> {
    const entities = [...text.matchAll(/@\w+/g)].map((m) => ({ type: 'mention', offset: m.index, length: m[0].length }));
    await this.emu.server.addUserMessage({
      botToken: this.emu.token,
      from: this.from,
      chat: { id: this.chatId, type: 'group', title: 'Shoppers' },
      date: Math.floor(Date.now() / 1000),
      text,
      ...(entities.length ? { entities } : {}),
    } as never);
  }

  inbox(): BotMessage[] {
    return this.emu.sent(this.chatId);
  }
}

interface FormPart {
  data: Buffer;
  filename: string | null;
  contentType: string;
}

/**
 * A multipart/form-data body by field name. Written here because undici's strict parser
 * (`Request#formData`) rejects the body grammY streams, which Telegram accepts.
 */
function parseMultipart(body: Buffer, contentType: string): Map<string, FormPart> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) throw new Error(`not multipart: ${contentType}`);
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts = new Map<string, FormPart>();
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    const next = body.indexOf(delimiter, start);
    if (next < 0 || body.subarray(start, start + 2).toString() === '--') break;
    const part = body.subarray(start, next);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString();
    // The part ends with the CRLF that comes before the next delimiter.
    const data = part.subarray(split + 4, part.length - (part.subarray(-2).toString() === '\r\n' ? 2 : 0));
    const name = /[;:\s]name="([^"]*)"/i.exec(head)?.[1];
    if (name !== undefined) {
      parts.set(name, {
        data,
        // grammY writes the file name unquoted (`filename=x.pdf`); browsers quote it.
        filename: /filename=(?:"([^"]*)"|([^;\r\n]+))/i.exec(head)?.slice(1).find((x) => x !== undefined)?.trim() ?? null,
        contentType: /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim() ?? 'text/plain',
      });
    }
    at = next;
  }
  return parts;
}

interface ExpressLike {
  post(path: string, handler: (req: NodeJS.ReadableStream & { params: Record<string, string>; headers: Record<string, string | undefined> }, res: { sendResult(data: unknown): void; sendError(err: Error): void }) => void): void;
  _router: { stack: { route?: { path: string } }[] };
}

/**
 * telegram-test-api has no `sendDocument`. This adds the route to its Express app: the upload is
 * parsed as the multipart/form-data body grammY sends for an `InputFile`, the bytes are kept, and
 * a message with a `document` is stored like any bot message. Like Telegram, the emulator takes
 * the MIME type as uploaded (grammY sends `application/octet-stream`; Telegram then goes by the name). The route goes ahead of the
 * emulator's catch-all for unknown methods (Express 4 matches in registration order).
 */
function acceptDocuments(server: TelegramServer, into: SentDocument[]): void {
  const app = (server as unknown as { webServer: ExpressLike }).webServer;
  app.post('/bot:token/sendDocument', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const form = parseMultipart(Buffer.concat(chunks), req.headers['content-type'] ?? '');
        // grammY sends the file as its own part and names it in the field: `document=attach://<part>`.
        const field = form.get('document')?.data.toString() ?? '';
        const file = form.get(field.startsWith('attach://') ? field.slice('attach://'.length) : 'document');
        if (!file?.filename) throw new Error('sendDocument without an uploaded document');
        const bytes = file.data;
        const fileName = file.filename;
        const mimeType = file.contentType;
        const caption = form.get('caption')?.data.toString() ?? '';
        const chatId = Number(form.get('chat_id')?.data.toString());
        const document = { file_id: `doc-${randomBytes(4).toString('hex')}`, file_unique_id: `u${into.length}`, file_name: fileName, mime_type: mimeType, file_size: bytes.length };
        const result = server.addBotMessage({ chat_id: chatId, caption, document } as never, req.params.token!);
        into.push({ messageId: result.message_id, chatId, fileName, mimeType, caption, bytes });
        res.sendResult({ ok: true, result });
      })().catch((err: Error) => res.sendError(err));
    });
  });
  const stack = app._router.stack;
  const route = stack.pop()!;
  stack.splice(stack.findIndex((layer) => layer.route?.path === '/bot:token/:method'), 0, route);
}

/** Start an emulator on a free loopback port. */
export async function startEmulator(): Promise<Emulator> {
  const port = await freePort();
  const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
  const documents: SentDocument[] = [];
  acceptDocuments(server, documents);
  await server.start();
  const token = `${Math.floor(Math.random() * 1e9)}:test-${randomBytes(8).toString('hex')}`;
  const person = (id: number, languageCode?: string, firstName = `Buyer${id}`): Person => ({
    id, is_bot: false, first_name: firstName, username: `buyer${id}`, ...(languageCode ? { language_code: languageCode } : {}),
  });

  const emu: Emulator = {
    server,
    apiRoot: server.config.apiURL,
    token,
    user: (id, opts = {}) => new TestUser(emu, id, person(id, opts.languageCode, opts.firstName)),
    group: (chatId, memberId) => new TestGroup(emu, chatId, person(memberId)),
    sent(chatId) {
      return server.storage.botMessages
        .filter((u) => u.botToken === token && Number(u.message.chat_id) === chatId)
        .sort((a, b) => a.messageId - b.messageId)
        .map((u) => {
          const m = u.message as unknown as Record<string, unknown>;
          return {
            messageId: u.messageId,
            chatId,
            text: String(m.text ?? ''),
            parseMode: m.parse_mode as string | undefined,
            replyMarkup: m.reply_markup as InlineKeyboardMarkup | undefined,
            raw: m,
          };
        });
    },
    documents: (chatId) => documents.filter((d) => d.chatId === chatId),
    async settle(pending, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let quietChecks = 0;
      while (quietChecks < 3) {
        if (Date.now() > deadline) throw new Error('the bot did not finish handling its updates in time');
        const unread = server.storage.userMessages.some((u) => u.botToken === token && !u.isRead);
        quietChecks = !unread && pending() === 0 ? quietChecks + 1 : 0;
        await sleep(10);
      }
    },
    redeliverLast() {
      const last = server.storage.userMessages.filter((u) => u.botToken === token).at(-1);
      if (!last) throw new Error('no update to redeliver');
      server.storage.userMessages.push({ ...last, isRead: false });
    },
    stop: async () => {
      await server.stop();
    },
  };
  return emu;
}
