/**
 * What the composition root needs from a messenger adapter (Telegram, WeChat, the
 * terminal): a translator with `start(handle)`, `deliver` and `stop`. Adapters make no
 * dialogue decisions and build no Assistant of their own.
 */
import type { Deliver } from './assistant.ts';
import type { GroupMessage } from './group-chat.ts';
import type { Inbound } from '../domain/index.ts';

/**
 * Hands one buyer event to the app; resolves once the turn is handled (committed and delivered).
 * With `updateId` (a messenger that re-delivers what it was not told succeeded: Telegram, polling
 * or webhook), the id is recorded in the same commit as the turn, a repeat is ignored, and a turn
 * that storage could not commit rejects with `AppError('transport')`, so the messenger does not
 * confirm it and hands it over again (the buyer was told it will be processed).
 */
export type Handle = (userId: string, inbound: Inbound, opts?: { updateId?: string }) => Promise<void>;

/** The app's side of an adapter: buyer events, and the group-chat policy. */
export interface AppPort {
  handle: Handle;
  /** The line to post for a group message, or null (src/app/group-chat.ts). */
  groupReply(msg: GroupMessage): string | null;
  /**
   * The messenger gave up handing over an update whose turn was never stored (it held back
   * every other buyer): the buyer is told it was not processed and to send it again.
   */
  gaveUp(userId: string, opts: { updateId: string }): Promise<void>;
}

export interface Messenger {
  /** For logs, metrics and /healthz: `telegram`, `wechat`, `console`. */
  readonly name: string;
  /** User ids of this messenger start with it (`tg:`, `wx:`); the delivery router routes by it. */
  readonly userPrefix: string;
  /** Connect and start taking updates. Resolves once updates flow (or, for WeChat, the puppet started). */
  start(app: AppPort): Promise<void>;
  /** Sends engine messages to one of this messenger's users. */
  deliver: Deliver;
  /**
   * Stop taking updates and wait for the turns already taken (their `handle` calls) to
   * finish. `signal` aborts the wait (and pending network calls) when shutdown runs out of time.
   */
  stop(signal?: AbortSignal): Promise<void>;
  /** Whether it is connected and able to deliver right now (for /healthz). */
  connected(): boolean;
}
