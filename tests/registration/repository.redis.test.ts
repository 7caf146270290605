import { connectTestStore, dropPrefix, testPrefix } from '../helpers/redis.ts';
import { repositoryContract } from './repository.contract.ts';

repositoryContract('Redis', async () => {
  const prefix = testPrefix();
  const store = await connectTestStore(prefix);
  return {
    store,
    async done() {
      await store.close();
      await dropPrefix(prefix);
    },
  };
});
