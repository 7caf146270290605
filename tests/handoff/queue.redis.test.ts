import { connectTestStore, dropPrefix, testPrefix } from '../helpers/redis.ts';
import { queueContract } from './queue.contract.ts';

queueContract('redis', async () => {
  const prefix = testPrefix();
  const store = await connectTestStore(prefix);
  const others: { close(): Promise<void> }[] = [];
  return {
    store,
    // A second connection stands for a second server instance.
    second: async () => {
      const s = await connectTestStore(prefix);
      others.push(s);
      return s;
    },
    done: async () => {
      for (const s of others) await s.close();
      await store.close();
      await dropPrefix(prefix);
    },
  };
});
