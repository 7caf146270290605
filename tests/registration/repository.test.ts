import { MemoryStore } from '../../src/store/memory.ts';
import { repositoryContract } from './repository.contract.ts';

repositoryContract('the memory store', async () => ({ store: new MemoryStore(), done: async () => {} }));
