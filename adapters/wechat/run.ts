/**
 * The WeChat messenger for the composition root (src/app/service.ts), on a Wechaty puppet:
 * every private message goes to the app (one at a time per contact, in arrival order),
 * engine messages go back as text. Group chats follow the app's group policy.
 *
 * Login is by QR code: its URL is logged at `scan`. Until login, deliveries fail as
 * `transport` and stay in the outbox; the reminder loop's recovery delivers them after login.
 *
 * @example
 * const wechat = createWechatMessenger({ puppet: 'wechaty-puppet-service', token, name: 'shouhou', logger });
 * const svc = await startService({ storage, messengers: [wechat], logger, timezone });
 */
import { WechatyBuilder, ScanStatus, qrcodeValueToImageUrl, types, type Wechaty, type Message } from 'wechaty';
import type { Logger } from 'pino';
import { FileBox } from 'file-box';
import { renderFile } from '../../src/casefile/index.ts';
import type { Deliver } from '../../src/app/assistant.ts';
import type { AppPort, Messenger } from '../../src/app/messenger.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { Locale, OutboundFile } from '../../src/domain/index.ts';
import { contactIdOf, messageToInbound, renderOutbound, userIdFor, USER_PREFIX } from './translate.ts';

export interface WechatMessengerOptions {
  /** WECHATY_PUPPET: the puppet's npm name (e.g. `wechaty-puppet-service`). */
  puppet: string;
  /** WECHATY_PUPPET_SERVICE_TOKEN. */
  token?: string;
  /** Wechaty instance name (its login session file is `<name>.memory-card.json`). */
  name: string;
  logger: Logger;
  /** A ready puppet object instead of `puppet`/`token` (tests pass a `PuppetMock`). */
  puppetInstance?: unknown;
  /**
   * Pause between two messages to the same contact. WeChat's risk control flags
   * accounts that fire bursts of messages; a short gap keeps a multi-part reply human-paced.
   * Default 300 ms.
   */
  sendGapMs?: number;
  /** Wall clock for "a message from before the start" (puppets replay old messages). Default `Date.now`. */
  wallMs?: () => number;
}

export interface WechatMessenger extends Messenger {
  bot: Wechaty;
}

/**
 * Puppets may replay recent messages at login, and their clock may differ from ours by a
 * little: messages stamped earlier than the start (minus this tolerance) are not answered.
 */
const START_TOLERANCE_MS = 5_000;
/** How many recent message ids are remembered to drop a puppet's duplicate events. */
const RECENT_IDS = 2_000;
/** How many contacts' last locale is remembered for adapter-side wording. */
const LOCALE_MEMORY = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A Map that forgets its oldest entries beyond `capacity`. */
class Recent<K, V> {
  readonly #map = new Map<K, V>();
  constructor(readonly capacity: number) {}
  get(key: K): V | undefined {
    return this.#map.get(key);
  }
  has(key: K): boolean {
    return this.#map.has(key);
  }
  set(key: K, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.capacity) this.#map.delete(this.#map.keys().next().value as K);
  }
}

/** The messenger; `start` resolves once the puppet is started (not logged in: scan the logged QR code). */
export function createWechatMessenger(opts: WechatMessengerOptions): WechatMessenger {
  const log = opts.logger.child({ adapter: 'wechat' });
  const sendGapMs = opts.sendGapMs ?? 300;
  const wallMs = opts.wallMs ?? Date.now;
  let app: AppPort | null = null;

  const bot = WechatyBuilder.build({
    name: opts.name,
    ...(opts.puppetInstance
      ? { puppet: opts.puppetInstance as never }
      : { puppet: opts.puppet as never, ...(opts.token ? { puppetOptions: { token: opts.token } } : {}) }),
  });

  /**
   * The locale each contact was last written to in (from `DeliveryMeta`): adapter-side
   * wording (the "unsupported" word, the group pointer) follows the buyer's language.
   * WeChat buyers we have not written to yet get Chinese.
   */
  const locales = new Recent<string, Locale>(LOCALE_MEMORY);
  const localeOf = (contactId: string): Locale => locales.get(contactId) ?? 'zh-CN';

  /**
   * A document as a FileBox, rendered now (after the turn was committed). Base64, not a Buffer box:
   * a puppet passes the box on as JSON, and FileBox serialises only base64, URL and UUID boxes.
   */
  const fileBox = async (file: OutboundFile) => {
    const doc = await renderFile(file);
    return FileBox.fromBase64(doc.bytes.toString('base64'), doc.name);
  };

  const deliver: Deliver = async (userId, messages, meta) => {
    const contactId = contactIdOf(userId);
    if (contactId === null) throw new AppError('bug', `not a WeChat user id: ${userId}`);
    if (!bot.isLoggedIn) throw new AppError('transport', 'wechat: not logged in');
    if (meta.locale) locales.set(contactId, meta.locale);
    const contact = await bot.Contact.find({ id: contactId });
    // `friend()` is undefined when the puppet cannot tell; only a clear "no" counts.
    if (!contact || contact.friend() === false) {
      throw new AppError('blocked', `wechat: contact ${contactId} is gone or no longer a friend`);
    }
    let first = true;
    for (const out of messages) {
      for (const text of renderOutbound(out, meta.locale ?? localeOf(contactId))) {
        if (!first && sendGapMs > 0) await sleep(sendGapMs);
        first = false;
        try {
          await contact.say(text);
        } catch (err) {
          throw new AppError('transport', `wechat: sending to ${contactId} failed`, { cause: err });
        }
      }
      // A file follows its caption, sent above as text: WeChat shows no caption on a file.
      if (out.file) {
        const box = await fileBox(out.file);
        await contact.say(box).catch((err: unknown) => {
          throw new AppError('transport', `wechat: sending a file to ${contactId} failed`, { cause: err });
        });
      }
    }
  };

  /** Per contact, the tail of its chain of turns: one turn at a time, in arrival order. */
  const chains = new Map<string, Promise<void>>();
  const enqueue = (contactId: string, work: () => Promise<void>): void => {
    const tail = (chains.get(contactId) ?? Promise.resolve())
      .then(work)
      .catch((err: unknown) => log.error({ err, contactId }, 'turn failed'));
    chains.set(contactId, tail);
    void tail.then(() => {
      if (chains.get(contactId) === tail) chains.delete(contactId);
    });
  };

  let startedAt = wallMs();
  const seen = new Recent<string, true>(RECENT_IDS);

  const onMessage = async (msg: Message): Promise<void> => {
    if (msg.self()) return;
    if (seen.has(msg.id)) return;
    seen.set(msg.id, true);
    if (msg.date().getTime() < startedAt - START_TOLERANCE_MS) {
      log.debug({ messageId: msg.id }, 'ignoring a message from before the start');
      return;
    }
    const talker = msg.talker();
    const room = msg.room();
    if (room) {
      // The app's group policy decides; only a text can address the bot.
      const addressed = msg.type() === types.Message.Text && (await msg.mentionSelf());
      const line = app?.groupReply({ messenger: 'wechat', addressed, locale: localeOf(talker.id), botAddress: bot.currentUser.name() }) ?? null;
      if (line !== null) enqueue(room.id, () => room.say(line, talker).then(() => undefined));
      return;
    }
    // Official accounts push news and ads; they are not buyers.
    if (talker.type() === types.Contact.Official) return;
    const inbound = messageToInbound({ id: msg.id, type: msg.type(), text: msg.text() }, localeOf(talker.id));
    if (!inbound) return;
    const port = app;
    if (!port || stopping) return;
    enqueue(talker.id, () => port.handle(userIdFor(talker.id), inbound));
  };

  let stopping = false;

  bot.on('scan', (qrcode, status) => {
    if (qrcode && (status === ScanStatus.Waiting || status === ScanStatus.Timeout)) {
      log.info({ url: qrcodeValueToImageUrl(qrcode), status: ScanStatus[status] }, 'scan this QR code with WeChat to log in');
    } else {
      log.info({ status: ScanStatus[status] }, 'login scan status');
    }
  });
  bot.on('login', (user) => log.info({ user: user.name() }, 'logged in to WeChat'));
  bot.on('logout', (user) => log.warn({ user: user.name() }, 'logged out of WeChat; replies and reminders wait in the outbox until the next login'));
  bot.on('message', (msg) => {
    onMessage(msg).catch((err: unknown) => log.error({ err, messageId: msg.id }, 'message handling failed'));
  });
  // Wechaty reports lookups of unknown contacts here too; never let it crash the process.
  bot.on('error', (err) => log.warn({ err }, 'wechaty error'));

  return {
    name: 'wechat',
    userPrefix: USER_PREFIX,
    bot,
    deliver,
    connected: () => bot.isLoggedIn,
    async start(port: AppPort) {
      app = port;
      startedAt = wallMs();
      // Do not await `bot.ready()`: it waits for login, which needs a human with a phone.
      await bot.start();
      log.info({ puppet: opts.puppetInstance ? 'instance' : opts.puppet }, 'wechaty started');
    },
    async stop(signal) {
      stopping = true;
      const turns = Promise.allSettled([...chains.values()]);
      await (signal ? Promise.race([turns, new Promise((r) => signal.addEventListener('abort', r, { once: true }))]) : turns);
      await bot.stop();
      log.info('wechat stopped');
    },
  };
}
