import { MemoryStore } from '../../src/store/memory.ts';
import { conversationContract } from './conversation.contract.ts';

conversationContract('memory', async () => {
  const store = new MemoryStore();
  return { first: store, second: async () => store, done: async () => {} };
});
