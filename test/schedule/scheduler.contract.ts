/**
 * The `Scheduler` contract: every implementation must pass this suite
 * (scheduler.memory.test.ts, scheduler.redis.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DueReminder, Scheduler } from '../../src/schedule/port.ts';

export interface SchedulerHarness {
  scheduler: Scheduler;
  close(): Promise<void>;
}

export type MakeScheduler = () => Promise<SchedulerHarness>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const T0 = Date.parse('2026-11-22T10:00:00+08:00');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const LONG = 60_000;

const ids = (rs: DueReminder[]) => rs.map((r) => `${r.userId}/${r.reminderId}`);

export function schedulerContract(name: string, make: MakeScheduler): void {
  describe(`Scheduler contract: ${name}`, () => {
    const open: SchedulerHarness[] = [];
    const harness = async () => {
      const h = await make();
      open.push(h);
      return h.scheduler;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((h) => h.close()));
    });

    it('hands out nothing before the due time, and the reminder at it', async () => {
      const s = await harness();
      await s.set('u1', 'c1-seller_promise', at(60));
      expect(await s.claimDue(at(59), LONG)).toEqual([]);
      expect(await s.claimDue(at(60), LONG)).toEqual([{ userId: 'u1', reminderId: 'c1-seller_promise', dueAt: at(60) }]);
    });

    it('judges due-ness by the time it is given, not the wall clock', async () => {
      const s = await harness();
      await s.set('u1', 'r', new Date('2030-01-01T00:00:00Z'));
      await s.set('u2', 'r', new Date('2001-01-01T00:00:00Z'));
      expect(ids(await s.claimDue(new Date('2000-06-01T00:00:00Z'), LONG))).toEqual([]);
      expect(ids(await s.claimDue(new Date('2030-01-01T00:00:00Z'), LONG))).toEqual(['u2/r', 'u1/r']);
    });

    it('hands out earliest first, at most `limit` at a time', async () => {
      const s = await harness();
      await s.set('u1', 'c', at(30));
      await s.set('u2', 'a', at(10));
      await s.set('u3', 'b', at(20));
      expect(ids(await s.claimDue(at(100), LONG, 2))).toEqual(['u2/a', 'u3/b']);
      expect(ids(await s.claimDue(at(100), LONG, 2))).toEqual(['u1/c']);
    });

    it('replaces a reminder set again under the same id', async () => {
      const s = await harness();
      await s.set('u1', 'c1-seller_promise', at(10));
      await s.set('u1', 'c1-seller_promise', at(120));
      expect(await s.claimDue(at(60), LONG)).toEqual([]);
      expect(await s.nextDueAt()).toEqual(at(120));
      expect(ids(await s.claimDue(at(120), LONG))).toEqual(['u1/c1-seller_promise']);
    });

    it('keeps the same reminder id of different users apart', async () => {
      const s = await harness();
      await s.set('u1', 'c1-refund_arrival', at(10));
      await s.set('u2', 'c1-refund_arrival', at(10));
      await s.cancel('u1', 'c1-refund_arrival');
      expect(ids(await s.claimDue(at(10), LONG))).toEqual(['u2/c1-refund_arrival']);
    });

    it('cancels one reminder, and ignores unknown ids', async () => {
      const s = await harness();
      await s.set('u1', 'a', at(10));
      await s.set('u1', 'b', at(10));
      await s.cancel('u1', 'a');
      await s.cancel('u1', 'nope');
      await s.cancel('nobody', 'a');
      expect(ids(await s.claimDue(at(10), LONG))).toEqual(['u1/b']);
    });

    it("cancels all of one user's reminders and no one else's", async () => {
      const s = await harness();
      await s.set('u1', 'a', at(10));
      await s.set('u1', 'b', at(20));
      await s.set('u2', 'a', at(15));
      await s.cancelAll('u1');
      await s.cancelAll('nobody');
      expect(ids(await s.claimDue(at(100), LONG))).toEqual(['u2/a']);
    });

    it('cancelAll also drops reminders claimed but not acked', async () => {
      const s = await harness();
      await s.set('u1', 'a', at(10));
      expect(ids(await s.claimDue(at(10), 50))).toEqual(['u1/a']);
      await s.cancelAll('u1');
      await sleep(80);
      expect(await s.claimDue(at(10), LONG)).toEqual([]);
    });

    it('hands a claimed reminder to no one else while the lease lasts', async () => {
      const s = await harness();
      await s.set('u1', 'a', at(10));
      expect(ids(await s.claimDue(at(10), LONG))).toEqual(['u1/a']);
      expect(await s.claimDue(at(1000), LONG)).toEqual([]);
    });

    it('hands an unacked reminder out again, with its original due time, when the lease runs out', async () => {
      const s = await harness();
      await s.set('u1', 'a', at(10));
      expect(ids(await s.claimDue(at(10), 50))).toEqual(['u1/a']);
      await sleep(80);
      expect(await s.claimDue(at(500), LONG)).toEqual([{ userId: 'u1', reminderId: 'a', dueAt: at(10) }]);
    });

    it('forgets an acked reminder for good', async () => {
      const s = await harness();
      await s.set('u1', 'a', at(10));
      await s.claimDue(at(10), 50);
      await s.ack('u1', 'a');
      await sleep(80);
      expect(await s.claimDue(at(1000), LONG)).toEqual([]);
      expect(await s.nextDueAt()).toBeNull();
    });

    it('keeps a reminder re-set while it was being handled (ack does not delete it)', async () => {
      const s = await harness();
      await s.set('u1', 'a', at(10));
      await s.claimDue(at(10), LONG);
      await s.set('u1', 'a', at(200)); // the tick re-armed the same reminder
      await s.ack('u1', 'a');
      expect(await s.claimDue(at(199), LONG)).toEqual([]);
      expect(await s.claimDue(at(200), LONG)).toEqual([{ userId: 'u1', reminderId: 'a', dueAt: at(200) }]);
    });

    it('does not double a re-set reminder whose lease ran out', async () => {
      const s = await harness();
      await s.set('u1', 'a', at(10));
      await s.claimDue(at(10), 50);
      await s.set('u1', 'a', at(200));
      await sleep(80);
      expect(await s.claimDue(at(199), LONG)).toEqual([]);
      expect(ids(await s.claimDue(at(300), LONG))).toEqual(['u1/a']);
      expect(await s.claimDue(at(300), LONG)).toEqual([]);
    });

    it('does not hand out a reminder cancelled while it was claimed', async () => {
      const s = await harness();
      await s.set('u1', 'a', at(10));
      await s.claimDue(at(10), 50);
      await s.cancel('u1', 'a');
      await sleep(80);
      expect(await s.claimDue(at(1000), LONG)).toEqual([]);
    });

    it('acks many at once, keeping those set anew meanwhile', async () => {
      const s = await harness();
      await s.set('u1', 'a', at(1));
      await s.set('u2', 'b', at(2));
      await s.set('u3', 'c', at(3));
      const claimed = await s.claimDue(at(10), 200);
      expect(ids(claimed)).toEqual(['u1/a', 'u2/b', 'u3/c']);
      await s.set('u2', 'b', at(20)); // re-armed while handled
      await s.ackMany(claimed);
      await s.ackMany([]);
      await sleep(300);
      expect(ids(await s.claimDue(at(30), LONG))).toEqual(['u2/b']);
    });

    it('retryLater keeps a failed reminder from everyone for the delay, then hands it out with its due time', async () => {
      const s = await harness();
      await s.set('u1', 'r', at(5));
      const [r] = await s.claimDue(at(10), LONG);
      await s.retryLater('u1', 'r', 250);
      expect(await s.claimDue(at(10), LONG)).toEqual([]);
      const deadline = Date.now() + 5_000;
      let again: DueReminder[] = [];
      while (again.length === 0 && Date.now() < deadline) {
        await sleep(25);
        again = await s.claimDue(at(10), LONG);
      }
      expect(again).toEqual([r]);
      await s.retryLater('u9', 'unknown', 10); // not claimed: nothing happens
    });

    it('hands out thousands of reminders in due order, batch after batch', async () => {
      const s = await harness();
      const n = 2_000;
      // Inserted out of order; due times spread and with ties.
      for (let i = 0; i < n; i++) await s.set(`u${(i * 7919) % n}`, 'r', at(((i * 7919) % n) >> 1));
      const got: DueReminder[] = [];
      for (let batch = await s.claimDue(at(n), LONG, 300); batch.length > 0; batch = await s.claimDue(at(n), LONG, 300)) {
        got.push(...batch);
      }
      expect(got).toHaveLength(n);
      for (let i = 1; i < n; i++) expect(got[i]!.dueAt.getTime()).toBeGreaterThanOrEqual(got[i - 1]!.dueAt.getTime());
      expect(await s.nextDueAt()).toBeNull();
    });

    it('reports the earliest pending due time', async () => {
      const s = await harness();
      expect(await s.nextDueAt()).toBeNull();
      await s.set('u1', 'a', at(30));
      await s.set('u2', 'b', at(20));
      expect(await s.nextDueAt()).toEqual(at(20));
      await s.claimDue(at(25), LONG);
      expect(await s.nextDueAt()).toEqual(at(30));
      await s.cancel('u1', 'a');
      expect(await s.nextDueAt()).toBeNull();
    });

    it('keeps millisecond due times exact', async () => {
      const s = await harness();
      const due = new Date('2026-11-23T01:02:03.456Z');
      await s.set('u1', 'a', due);
      expect(await s.nextDueAt()).toEqual(due);
      expect((await s.claimDue(due, LONG))[0]?.dueAt).toEqual(due);
    });

    it('copes with user and reminder ids that contain separators and braces', async () => {
      const s = await harness();
      const user = 'wx:{o}"6/\u0000"售后';
      await s.set(user, 'c"1}-x', at(10));
      expect(await s.claimDue(at(10), LONG)).toEqual([{ userId: user, reminderId: 'c"1}-x', dueAt: at(10) }]);
      await s.ack(user, 'c"1}-x');
      await s.set(user, 'b', at(11));
      await s.cancelAll(user);
      expect(await s.claimDue(at(100), LONG)).toEqual([]);
    });
  });
}
