/**
 * A Bot API fake that keeps Telegram's delivery semantics, which `telegram-test-api` does not
 * (it drops an update once fetched, so it cannot show a lost one):
 * - long polling: an update stays pending until a `getUpdates` with a higher `offset` confirms
 *   it; `getUpdates` waits up to `timeout` seconds for one; a second poller gets 409;
 * - webhook: pending updates are POSTed to the URL from `setWebhook` (with its secret token),
 *   one at a time in order; an update is confirmed only by a 2xx answer, and sent again after
 *   `webhookRetryMs` otherwise (an error status, a refused or cut connection).
 *
 * Used in-process (`fake.getUpdates` is what grammY's `Api#getUpdates` does) or over HTTP
 * (`await fake.listen()`, then `TELEGRAM_API_ROOT=fake.apiRoot` for a real bot process). The
 * test plays the buyers (`say`) and reads what the bot sent (`sent`, `textsTo`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Update } from 'grammy/types';

export const FAKE_BOT = { id: 7001, is_bot: true, first_name: 'Shouhou', username: 'ShouhouTestBot' } as const;

/** A message the bot sent, in the order the fake accepted them. */
export interface FakeSent {
  messageId: number;
  chatId: number;
  text: string;
  method: string;
}

export interface BotApiFakeOptions {
  /** A bot token of the right shape (any will do); random by default. */
  token?: string;
  /** Longest wait of one `getUpdates`, whatever `timeout` asks. Default: as asked. */
  maxPollMs?: number;
  /** Wait before sending an unconfirmed webhook update again. Default 100 ms. */
  webhookRetryMs?: number;
  /**
   * Webhook updates posted at once, like `max_connections`. Default 1: one at a time, in order.
   * Above 1, every pending update not in flight is posted (oldest first, up to this many), and
   * one not confirmed is posted again after `webhookRetryMs` while later ones go ahead — so a
   * buyer's updates may arrive out of order, which the bot must cope with.
   */
  webhookConnections?: number;
}

type Json = Record<string, unknown>;

export class BotApiFake {
  readonly token: string;
  /** Updates not confirmed yet, oldest first. */
  pending: Update[] = [];
  /** Ids of the updates confirmed, in order of confirmation. */
  readonly confirmed: number[] = [];
  readonly sent: FakeSent[] = [];
  /** Every `offset` a `getUpdates` sent. */
  readonly offsets: number[] = [];
  /** Webhook POSTs: update id and the HTTP status answered (0: no answer). */
  readonly webhookAnswers: Array<{ updateId: number; status: number }> = [];
  /** Calls other than getUpdates and sendMessage, by method. */
  readonly calls: Array<{ method: string; payload: Json }> = [];
  /**
   * Hold a call before it takes effect (e.g. to catch a reply mid-delivery). A call whose
   * client went away while held (the process died) takes no effect: the message is not sent.
   */
  hold: ((method: string, payload: Json) => Promise<void> | undefined) | null = null;
  /** Held calls whose client went away before they were let through (they take no effect). */
  abandoned = 0;
  #nextUpdate = 1;
  readonly #saidIn = new Map<number, number>();
  #nextMessage = 1;
  #webhook: { url: string; secret: string | undefined } | null = null;
  #webhookLoop: Promise<void> | null = null;
  #waiters = new Set<() => void>();
  #confirmWaiters = new Set<() => void>();
  /** The poll currently waiting: a newer one ends it with 409, like Telegram. */
  #poll: { end: (conflict: boolean) => void } | null = null;
  #server: Server | null = null;
  #closing = false;
  readonly #o: BotApiFakeOptions;
  apiRoot = '';

  constructor(opts: BotApiFakeOptions = {}) {
    this.#o = opts;
    this.token = opts.token ?? `${FAKE_BOT.id}:fake-${Math.random().toString(36).slice(2)}-0123456789abcdef`;
  }

  // ── the buyer's side ──────────────────────────────────────────────────────────────────

  /** A buyer writes in a private chat (chat id = user id). Returns the update id. */
  say(chatId: number, text: string, languageCode = 'zh-hans'): number {
    const updateId = this.#nextUpdate++;
    const from = { id: chatId, is_bot: false, first_name: `Buyer${chatId}`, language_code: languageCode };
    const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
    this.#saidIn.set(updateId, chatId);
    this.pending.push({
      update_id: updateId,
      message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private', first_name: from.first_name }, from, text, ...(entities ? { entities } : {}) },
    } as Update);
    this.#wake();
    return updateId;
  }

  /** The ids of the updates a chat's buyer said, in order. */
  updatesOf(chatId: number): number[] {
    return [...this.#saidIn].filter(([, chat]) => chat === chatId).map(([id]) => id);
  }

  /** The texts the bot sent to a chat, in order. */
  textsTo(chatId: number): string[] {
    return this.sent.filter((m) => m.chatId === chatId).map((m) => m.text);
  }

  isConfirmed(updateId: number): boolean {
    return !this.pending.some((u) => u.update_id === updateId) && updateId < this.#nextUpdate;
  }

  /** Resolves once `updateId` is confirmed (by an offset past it, or a 2xx webhook answer). */
  async confirmedOf(updateId: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.isConfirmed(updateId)) {
      if (Date.now() > deadline) throw new Error(`update ${updateId} was not confirmed within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, 200);
        function done() {
          clearTimeout(t);
          resolve();
        }
        this.#confirmWaiters.add(done);
      });
    }
  }

  // ── the Bot API ───────────────────────────────────────────────────────────────────────

  /** `getUpdates` with Telegram's rule: everything below `offset` is confirmed and forgotten. */
  async getUpdates(p: { offset?: number; limit?: number; timeout?: number }, signal?: AbortSignal): Promise<Update[]> {
    if (p.offset !== undefined) {
      this.offsets.push(p.offset);
      this.#confirmBelow(p.offset);
    }
    this.#poll?.end(true);
    if (this.pending.length === 0 && (p.timeout ?? 0) > 0) {
      const ms = Math.min((p.timeout ?? 0) * 1000, this.#o.maxPollMs ?? Number.POSITIVE_INFINITY);
      const conflict = await new Promise<boolean>((resolve) => {
        const poll = { end };
        const wake = () => end(false);
        const timer = setTimeout(wake, ms);
        const waiters = this.#waiters;
        const self = this;
        function end(c: boolean) {
          clearTimeout(timer);
          signal?.removeEventListener('abort', wake);
          waiters.delete(wake);
          if (self.#poll === poll) self.#poll = null;
          resolve(c);
        }
        waiters.add(wake);
        signal?.addEventListener('abort', wake, { once: true });
        this.#poll = poll;
      });
      if (conflict) throw Object.assign(new Error('Conflict: terminated by other getUpdates request'), { error_code: 409 });
    }
    return this.pending.slice(0, p.limit ?? 100);
  }

  #confirmBelow(offset: number): void {
    const before = this.pending.length;
    for (const u of this.pending) if (u.update_id < offset) this.confirmed.push(u.update_id);
    this.pending = this.pending.filter((u) => u.update_id >= offset);
    if (this.pending.length !== before) this.#confirmedChanged();
  }

  #confirmedChanged(): void {
    for (const w of [...this.#confirmWaiters]) w();
    this.#confirmWaiters.clear();
  }

  #wake(): void {
    for (const w of [...this.#waiters]) w();
    this.#waiters.clear();
  }

  // ── HTTP ──────────────────────────────────────────────────────────────────────────────

  /** Serve the Bot API on a free loopback port; `apiRoot` is set. */
  async listen(): Promise<void> {
    const server = createServer((req, res) => void this.#serve(req, res));
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const addr = server.address();
    this.apiRoot = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  }

  async close(): Promise<void> {
    this.#closing = true;
    this.#webhook = null;
    this.#wake();
    this.#poll?.end(false);
    await this.#webhookLoop;
    const s = this.#server;
    if (s) await new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const answer = (status: number, body: Json) => {
      if (!res.writableEnded && !res.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (!m || m[1] !== this.token) return answer(404, { ok: false, error_code: 404, description: 'Not Found' });
    const method = m[2]!;
    let payload: Json = {};
    try {
      payload = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Json) : {};
    } catch {
      return answer(400, { ok: false, error_code: 400, description: 'Bad Request: only JSON bodies in this fake' });
    }
    const gone = new AbortController();
    let holding = false;
    res.on('close', () => {
      if (res.writableEnded) return;
      gone.abort();
      if (holding) this.abandoned += 1;
    });
    try {
      const held = method === 'getUpdates' ? undefined : this.hold?.(method, payload);
      holding = held !== undefined;
      if (held) await held;
      holding = false;
      if (gone.signal.aborted) return; // the caller died while held: nothing happened
      answer(200, { ok: true, result: await this.#call(method, payload, gone.signal) });
    } catch (err) {
      const code = (err as { error_code?: number }).error_code ?? 400;
      answer(code, { ok: false, error_code: code, description: err instanceof Error ? err.message : String(err) });
    }
  }

  async #call(method: string, p: Json, signal: AbortSignal): Promise<unknown> {
    switch (method) {
      case 'getUpdates':
        if (this.#webhook) throw Object.assign(new Error("Conflict: can't use getUpdates method while webhook is active"), { error_code: 409 });
        return this.getUpdates(p as { offset?: number; limit?: number; timeout?: number }, signal);
      case 'getMe':
        return FAKE_BOT;
      case 'sendMessage': {
        const chatId = Number(p.chat_id);
        const msg = { messageId: this.#nextMessage++, chatId, text: String(p.text ?? ''), method };
        this.sent.push(msg);
        return { message_id: msg.messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: FAKE_BOT, text: msg.text };
      }
      case 'setWebhook':
        this.calls.push({ method, payload: p });
        this.#webhook = { url: String(p.url), secret: p.secret_token === undefined ? undefined : String(p.secret_token) };
        this.#webhookLoop ??= this.#pushUpdates();
        return true;
      case 'deleteWebhook':
        this.calls.push({ method, payload: p });
        this.#webhook = null;
        return true;
      default:
        this.calls.push({ method, payload: p });
        return true;
    }
  }

  /** Webhook mode: the oldest pending update, POSTed until answered 2xx, then the next. */
  async #pushUpdates(): Promise<void> {
    if ((this.#o.webhookConnections ?? 1) > 1) return this.#pushUpdatesAtOnce(this.#o.webhookConnections!);
    while (!this.#closing) {
      const hook = this.#webhook;
      const next = this.pending[0];
      if (!hook || !next) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 50);
          this.#waiters.add(() => {
            clearTimeout(t);
            resolve();
          });
        });
        if (!this.#webhook) {
          this.#webhookLoop = null;
          return;
        }
        continue;
      }
      const status = await this.#post(next, hook);
      if (status < 200 || status >= 300) await new Promise((r) => setTimeout(r, this.#o.webhookRetryMs ?? 100));
    }
    this.#webhookLoop = null;
  }

  /** One POST of `update`; its HTTP status (0: no answer). Confirms it on 2xx. */
  async #post(update: Update, hook: { url: string; secret: string | undefined }): Promise<number> {
    let status = 0;
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(hook.secret ? { 'x-telegram-bot-api-secret-token': hook.secret } : {}) },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(30_000),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = 0;
    }
    this.webhookAnswers.push({ updateId: update.update_id, status });
    if (status >= 200 && status < 300) {
      this.pending = this.pending.filter((u) => u !== update);
      this.confirmed.push(update.update_id);
      this.#confirmedChanged();
    }
    return status;
  }

  /** Webhook mode with several connections: see `webhookConnections`. */
  async #pushUpdatesAtOnce(connections: number): Promise<void> {
    const inFlight = new Map<number, Promise<void>>();
    const notBefore = new Map<number, number>();
    while (!this.#closing && this.#webhook) {
      const hook = this.#webhook;
      const now = Date.now();
      for (const u of this.pending) {
        if (inFlight.size >= connections) break;
        if (inFlight.has(u.update_id) || (notBefore.get(u.update_id) ?? 0) > now) continue;
        const p = this.#post(u, hook).then((status) => {
          if (status < 200 || status >= 300) notBefore.set(u.update_id, Date.now() + (this.#o.webhookRetryMs ?? 100));
          inFlight.delete(u.update_id);
        });
        inFlight.set(u.update_id, p);
      }
      await Promise.race([...inFlight.values(), new Promise((r) => setTimeout(r, 20))]);
    }
    await Promise.allSettled([...inFlight.values()]);
    this.#webhookLoop = null;
  }
}
