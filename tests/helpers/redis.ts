// Integration tests talk to a real Redis: REDIS_URL, or the one on 127.0.0.1:6379; the
// `redis-cluster` test project sets TEST_REDIS_CLUSTER_NODES and runs the same files against a
// Redis Cluster. Each test run uses its own key prefix and removes its keys afterwards.
import { randomUUID } from 'node:crypto';
import type { RedisClientType } from 'redis';
import { connectRedis, parseClusterNodes, type RedisConnection } from '../../src/store/redis-client.ts';
import { RedisStore } from '../../src/store/redis.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Set by the cluster test project: the store under test is then a Redis Cluster. */
export const CLUSTER_NODES = parseClusterNodes(process.env.TEST_REDIS_CLUSTER_NODES);
export const ON_CLUSTER = CLUSTER_NODES.length > 0;

/** Where the store under test lives, as RedisStore.connect takes it. */
export function testTarget(): { url: string } | { clusterNodes: string[] } {
  return ON_CLUSTER ? { clusterNodes: CLUSTER_NODES } : { url: REDIS_URL };
}

export function testPrefix(): string {
  return `test:${randomUUID().slice(0, 8)}:`;
}

export async function connectTestStore(prefix = testPrefix()): Promise<RedisStore> {
  return RedisStore.connect({ ...testTarget(), prefix });
}

/** A connection for the test's own reads and writes (routed by key on a cluster). */
export async function withAdmin<T>(fn: (c: RedisClientType, conn: RedisConnection) => Promise<T>): Promise<T> {
  const conn = await connectRedis(testTarget());
  try {
    // A cluster routes every key command to its node: to the test it reads as one client.
    return await fn(conn.cmd as unknown as RedisClientType, conn);
  } finally {
    await conn.close();
  }
}

/** Every key under the prefix, node by node (SCAN sees one node's keys on a cluster). */
export async function keysUnder(conn: RedisConnection, prefix: string): Promise<{ node: RedisClientType; keys: string[] }[]> {
  const out: { node: RedisClientType; keys: string[] }[] = [];
  for (const node of await conn.masters()) {
    const found: string[] = [];
    for await (const batch of node.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) found.push(...(batch as unknown as string[]));
    out.push({ node, keys: found });
  }
  return out;
}

export async function dropPrefix(prefix: string): Promise<void> {
  await withAdmin(async (_c, conn) => {
    // One key per DEL: on a cluster the keys of one node still span many slots.
    for (const { node, keys } of await keysUnder(conn, prefix)) await Promise.all(keys.map((k) => node.del(k)));
  });
}

/** Forgets every loaded script on every master (what a restart does). */
export async function flushScripts(): Promise<void> {
  await withAdmin(async (_c, conn) => {
    for (const node of await conn.masters()) await node.scriptFlush();
  });
}
