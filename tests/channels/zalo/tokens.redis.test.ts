import { describe } from 'vitest';
import { connectTestStore, dropPrefix, testPrefix } from '../../helpers/redis.ts';
import { tokenContract } from './tokens.contract.ts';

describe('zalo-oa tokens (Redis, two connections as two instances)', () => {
  tokenContract(async () => {
    const prefix = testPrefix();
    const store = await connectTestStore(prefix);
    const peer = await connectTestStore(prefix);
    return {
      store,
      peer,
      async dispose() {
        await store.close();
        await peer.close();
        await dropPrefix(prefix);
      },
    };
  });
});
