import { describe } from 'vitest';
import { MemoryStore } from '../../../src/store/memory.ts';
import { tokenContract } from './tokens.contract.ts';

describe('zalo-oa tokens (memory store)', () => {
  tokenContract(async () => {
    const store = new MemoryStore();
    return { store, peer: store, dispose: async () => {} };
  });
});
