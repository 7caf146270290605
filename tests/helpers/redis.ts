// Integration tests talk to a real Redis: REDIS_URL, or the one on 127.0.0.1:6379. Each test run
// uses its own key prefix and removes its keys afterwards.
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { RedisStore } from '../../src/store/redis.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function testPrefix(): string {
  return `test:${randomUUID().slice(0, 8)}:`;
}

export async function connectTestStore(prefix = testPrefix()): Promise<RedisStore> {
  return RedisStore.connect({ url: REDIS_URL, prefix });
}

export async function dropPrefix(prefix: string): Promise<void> {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  const found: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) found.push(...(batch as unknown as string[]));
  if (found.length > 0) await client.del(found);
  await client.close();
}
