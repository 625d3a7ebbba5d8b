/**
 * The small error taxonomy (STYLE.md): callers branch on `kind`, never on `message`.
 */
export type ErrorKind =
  /** The messenger refused the request (429, 400…); `retryAfter` in seconds when given. */
  | 'messenger_refused'
  /** The user blocked the bot / deleted the chat: stop sending, cancel their reminders. */
  | 'blocked'
  /** Network or storage transport failed (Redis down, API unreachable): try again later. */
  | 'transport'
  /** The user's input cannot be used; the message says what to do. */
  | 'invalid_input'
  /** Bad configuration at start. */
  | 'config'
  /** Our own bug. */
  | 'bug';

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly retryAfter?: number;
  constructor(kind: ErrorKind, message: string, opts: { cause?: unknown; retryAfter?: number } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.kind = kind;
    if (opts.retryAfter !== undefined) this.retryAfter = opts.retryAfter;
  }
}

export function errorKind(err: unknown): ErrorKind {
  return err instanceof AppError ? err.kind : 'bug';
}
