import { MemoryStore } from '../../src/store/memory.ts';
import { queueContract } from './queue.contract.ts';

queueContract('memory', async () => {
  const store = new MemoryStore();
  return { store, second: async () => store, done: async () => {} };
});
