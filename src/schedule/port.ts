/**
 * When reminders fall due. Two implementations: `MemoryScheduler` and the Redis one.
 * The scheduler only knows *when*; what to say is decided by the engine when the
 * reminder is handed back to it as a `tick`, against the state of that moment, so a
 * stale or duplicated reminder can never produce a second nudge.
 */
export interface DueReminder {
  userId: string;
  reminderId: string;
  dueAt: Date;
}

export interface Scheduler {
  readonly kind: 'memory' | 'redis';
  /** Schedule (or move) the reminder with this id. Ids are deterministic per case and reason. */
  set(userId: string, reminderId: string, dueAt: Date): Promise<void>;
  /** Cancel one reminder; unknown ids are ignored. */
  cancel(userId: string, reminderId: string): Promise<void>;
  /** Cancel every reminder of the user (blocked the bot, /forget). */
  cancelAll(userId: string): Promise<void>;
  /**
   * Claim reminders due at or before `now`, earliest first, at most `limit`. A claimed
   * reminder is handed to no one else for `leaseMs`; unacked, it becomes claimable again
   * (a crash mid-delivery delivers it later rather than never).
   */
  claimDue(now: Date, leaseMs: number, limit?: number): Promise<DueReminder[]>;
  /** The reminder was handled: forget it. */
  ack(userId: string, reminderId: string): Promise<void>;
  /** `ack` for many at once (one or two round trips, whatever the number). */
  ackMany(reminders: ReadonlyArray<Pick<DueReminder, 'userId' | 'reminderId'>>): Promise<void>;
  /**
   * Handling a claimed reminder failed (its turn was not committed): hand it to no one for
   * `delayMs` (real time), then it is claimable again with its original due time.
   * Does nothing for a reminder that is no longer claimed.
   */
  retryLater(userId: string, reminderId: string, delayMs: number): Promise<void>;
  /** The earliest pending due time, or null (for console/CLI sleeping). */
  nextDueAt(): Promise<Date | null>;
  close(): Promise<void>;
}
