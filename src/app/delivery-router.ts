/**
 * Routes a delivery to the messenger a user belongs to, by the user id's prefix
 * (`tg:` Telegram, `wx:` WeChat). With both bots in one process, a reminder or an
 * outbox batch claimed by either bot's loop reaches the right messenger.
 */
import type { Deliver } from './assistant.ts';
import { AppError } from '../domain/errors.ts';

export class DeliveryRouter {
  readonly #routes: [prefix: string, deliver: Deliver][] = [];

  /** Messages for user ids starting with `prefix` go through `deliver`. */
  register(prefix: string, deliver: Deliver): void {
    this.#routes.push([prefix, deliver]);
  }

  /**
   * A `Deliver` for the Assistant. A user of a messenger this process does not run is a
   * transport failure: the batch stays in the outbox for a process that runs it.
   */
  readonly deliver: Deliver = async (userId, messages, meta) => {
    const route = this.#routes.find(([prefix]) => userId.startsWith(prefix));
    if (!route) throw new AppError('transport', `no messenger for user ${userId} in this process`);
    await route[1](userId, messages, meta);
  };
}
