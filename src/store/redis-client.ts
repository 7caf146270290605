// One connection type for a single Redis and a Redis Cluster, so the store has one code path.
// node-redis routes a cluster command by its first key, a script by KEYS[1] and a MULTI by the key
// of its first command; the store only ever sends commands, scripts and MULTIs whose keys share
// one hash tag (keys.ts), so the same calls are correct on both.
import { createClient, createCluster, type RedisClientType, type RedisClusterType } from 'redis';

/** The commands the store uses; a single client and a cluster have them with the same signatures. */
export type Commands = Pick<
  RedisClientType,
  | 'get'
  | 'set'
  | 'del'
  | 'exists'
  | 'evalSha'
  | 'eval'
  | 'lRange'
  | 'lLen'
  | 'rPush'
  | 'pExpire'
  | 'sAdd'
  | 'sRem'
  | 'sMembers'
  | 'hSet'
  | 'hGet'
  | 'hDel'
  | 'hVals'
  | 'hGetAll'
  | 'hIncrBy'
  | 'zScore'
  | 'multi'
>;

export interface Subscription {
  /** False while the subscriber is reconnecting (waits then fall back to their timeouts). */
  ready(): boolean;
  close(): Promise<void>;
}

export interface RedisConnection {
  readonly cmd: Commands;
  readonly cluster: boolean;
  /** True when every master answers PING (a cluster with one master down cannot serve its slots). */
  ping(): Promise<boolean>;
  /** Subscribes to one (classic, cluster-wide) pub/sub channel on a connection of its own. */
  subscribe(channel: string, listener: (message: string) => void): Promise<Subscription>;
  /** A client per master (a single Redis: itself), for maintenance that must see every node. */
  masters(): Promise<RedisClientType[]>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A single Redis. */
  url?: string;
  /** Redis Cluster seed nodes (`host:port` or `redis://…` URLs); wins over `url`. */
  clusterNodes?: readonly string[];
  onError?: (e: Error) => void;
}

const clientDefaults = {
  // Keep retrying forever with a capped back-off: the process stays up while Redis is away.
  socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000) },
  // While Redis is away, fail at once (webhooks answer 503 and the platforms retry) instead of
  // queueing commands in memory until requests time out.
  disableOfflineQueue: true,
};

function nodeUrl(node: string): string {
  return /^rediss?:\/\//.test(node) ? node : `redis://${node}`;
}

/** "a:7101, b:7102" → ['a:7101', 'b:7102'] (the REDIS_CLUSTER_NODES form). */
export function parseClusterNodes(spec: string | undefined): string[] {
  return (spec ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

async function pingAll(clients: RedisClientType[]): Promise<boolean> {
  if (clients.length === 0) return false;
  const answers = await Promise.all(clients.map((c) => c.ping().then((r) => r === 'PONG', () => false)));
  return answers.every(Boolean);
}

async function single(url: string, onError: (e: Error) => void): Promise<RedisConnection> {
  const client = createClient({ url, ...clientDefaults }) as RedisClientType;
  client.on('error', onError);
  await client.connect();
  return {
    cmd: client,
    cluster: false,
    ping: () => pingAll([client]),
    async subscribe(channel, listener) {
      const sub = client.duplicate() as RedisClientType;
      let up = false;
      sub.on('error', () => {});
      // The client re-subscribes after a reconnect; meanwhile waits time out.
      sub.on('ready', () => (up = true));
      sub.on('end', () => (up = false));
      await sub.connect();
      await sub.subscribe(channel, listener);
      up = true;
      return { ready: () => up, close: async () => void (sub.isOpen ? await sub.close().catch(() => undefined) : undefined) };
    },
    masters: async () => [client],
    close: async () => void (client.isOpen ? await client.close() : undefined),
  };
}

async function cluster(nodes: readonly string[], onError: (e: Error) => void): Promise<RedisConnection> {
  const c = createCluster({
    rootNodes: nodes.map((n) => ({ url: nodeUrl(n) })),
    defaults: clientDefaults,
  }) as unknown as RedisClusterType;
  c.on('error', onError);
  await c.connect();
  const masters = () => Promise.all(c.masters.map((m) => c.nodeClient(m) as Promise<RedisClientType>));
  return {
    cmd: c as unknown as Commands,
    cluster: true,
    ping: async () => pingAll(await masters().catch(() => [])),
    async subscribe(channel, listener) {
      // A classic PUBLISH reaches every node of the cluster, so one subscription on any node hears
      // every release; node-redis moves it to another node when that one goes away.
      await c.subscribe(channel, listener);
      let open = true;
      return {
        ready: () => open && c.isOpen,
        close: async () => {
          open = false;
          await c.unsubscribe(channel).catch(() => undefined);
        },
      };
    },
    masters,
    close: async () => void (c.isOpen ? await c.close() : undefined),
  };
}

export async function connectRedis(opts: ConnectOptions): Promise<RedisConnection> {
  const onError = opts.onError ?? (() => {});
  if (opts.clusterNodes && opts.clusterNodes.length > 0) return cluster(opts.clusterNodes, onError);
  if (!opts.url) throw new Error('connectRedis: a url or cluster nodes are needed');
  return single(opts.url, onError);
}
