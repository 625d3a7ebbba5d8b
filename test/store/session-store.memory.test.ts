import { MemorySessionStore } from '../../src/store/memory-session-store.ts';
import { sessionStoreContract } from './session-store.contract.ts';

sessionStoreContract('memory', async (opts = {}) => {
  const store = new MemorySessionStore(opts);
  return {
    store,
    putRaw: async (userId, doc) => store.putRaw(userId, doc),
    close: () => store.close(),
  };
});
