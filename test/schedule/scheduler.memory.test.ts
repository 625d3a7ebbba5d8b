import { MemoryScheduler } from '../../src/schedule/memory-scheduler.ts';
import { schedulerContract } from './scheduler.contract.ts';

schedulerContract('memory', async () => {
  const scheduler = new MemoryScheduler();
  return { scheduler, close: () => scheduler.close() };
});
