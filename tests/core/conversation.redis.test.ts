import type { RedisStore } from '../../src/store/redis.ts';
import { connectTestStore, dropPrefix, testPrefix } from '../helpers/redis.ts';
import { conversationContract } from './conversation.contract.ts';

conversationContract('Redis', async () => {
  const prefix = testPrefix();
  const opened: RedisStore[] = [await connectTestStore(prefix)];
  return {
    first: opened[0]!,
    second: async () => {
      const s = await connectTestStore(prefix);
      opened.push(s);
      return s;
    },
    done: async () => {
      await dropPrefix(prefix);
      for (const s of opened) await s.close();
    },
  };
});
