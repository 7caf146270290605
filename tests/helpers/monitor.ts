// Records every command a Redis (every master of a cluster) executes, with MONITOR, including the
// commands run inside scripts (MONITOR shows them as `[0 lua]`), so a test sees the keys a turn
// really writes, not what the code says it writes. Only commands naming a key under the test's
// prefix are kept: other tests may share the Redis.
import { createClient, type RedisClientType } from 'redis';
import { CLUSTER_NODES, ON_CLUSTER, REDIS_URL } from './redis.ts';

export interface Command {
  node: string;
  name: string;
  args: string[];
}

/** Commands that change a key (the first argument, or every argument that names a key of ours). */
const WRITES = new Set(
  'set setnx setex psetex getset getdel getex append incr incrby incrbyfloat decr decrby del unlink expire pexpire expireat pexpireat persist rename renamenx copy hset hsetnx hmset hdel hincrby hincrbyfloat sadd srem spop smove zadd zincrby zrem zremrangebyscore zremrangebyrank zremrangebylex zpopmin zpopmax rpush lpush rpushx lpushx rpop lpop lset lrem ltrim linsert lmove rpoplpush mset msetnx'.split(' '),
);

/** A MONITOR line's quoted arguments: `1.2 [0 127.0.0.1:5] "set" "k" "v"` → ['set', 'k', 'v']. */
export function parseMonitorLine(line: string): string[] {
  const out: string[] = [];
  let i = line.indexOf(']') + 1;
  while (i < line.length) {
    if (line[i] !== '"') {
      i++;
      continue;
    }
    let s = '';
    for (i++; i < line.length && line[i] !== '"'; i++) {
      if (line[i] !== '\\') {
        s += line[i];
        continue;
      }
      const c = line[++i];
      if (c === 'x') {
        s += String.fromCharCode(parseInt(line.slice(i + 1, i + 3), 16));
        i += 2;
      } else s += c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : (c ?? '');
    }
    i++;
    out.push(s);
  }
  return out;
}

/** The masters' addresses: the one Redis, or what CLUSTER NODES says on the first seed. */
async function masterUrls(): Promise<string[]> {
  if (!ON_CLUSTER) return [REDIS_URL];
  const seed = createClient({ url: `redis://${CLUSTER_NODES[0]}` });
  await seed.connect();
  try {
    const nodes = String(await seed.sendCommand(['CLUSTER', 'NODES']));
    return nodes
      .split('\n')
      .map((l) => l.split(' '))
      .filter((f) => f[2]?.split(',').includes('master') && !f[2].includes('fail'))
      .map((f) => `redis://${f[1]!.split('@')[0]}`);
  } finally {
    await seed.close();
  }
}

export class CommandRecorder {
  private readonly seen: Command[] = [];
  private marks = 0;
  private constructor(
    private readonly prefix: string,
    private readonly monitors: { url: string; client: RedisClientType; marks: Set<string> }[],
    private readonly pokers: RedisClientType[],
  ) {}

  static async start(prefix: string): Promise<CommandRecorder> {
    const urls = await masterUrls();
    const monitors: { url: string; client: RedisClientType; marks: Set<string> }[] = [];
    const pokers: RedisClientType[] = [];
    const rec = new CommandRecorder(prefix, monitors, pokers);
    for (const url of urls) {
      const client = createClient({ url }) as RedisClientType;
      const poker = createClient({ url }) as RedisClientType;
      for (const c of [client, poker]) c.on('error', () => {});
      await Promise.all([client.connect(), poker.connect()]);
      const m = { url, client, marks: new Set<string>() };
      await client.monitor((line: string) => rec.record(m, String(line)));
      monitors.push(m);
      pokers.push(poker);
    }
    return rec;
  }

  private record(m: { url: string; marks: Set<string> }, line: string): void {
    const [name, ...args] = parseMonitorLine(line);
    if (name === undefined) return;
    if (name.toLowerCase() === 'echo' && args[0]?.startsWith(`${this.prefix}mark:`)) {
      m.marks.add(args[0]);
      return;
    }
    if (args.some((a) => a.startsWith(this.prefix))) this.seen.push({ node: m.url, name: name.toLowerCase(), args });
  }

  /**
   * Everything recorded since the last call: waits until every master has shown a marker sent
   * after the caller's work, so nothing of it is still on its way through MONITOR.
   */
  async take(): Promise<Command[]> {
    const mark = `${this.prefix}mark:${++this.marks}`;
    await Promise.all(this.pokers.map((p) => p.echo(mark)));
    // A bound for a stuck MONITOR only: on a busy shared Redis its stream may lag well behind.
    for (let i = 0; i < 3000 && !this.monitors.every((m) => m.marks.has(mark)); i++) await new Promise((r) => setTimeout(r, 10));
    if (!this.monitors.every((m) => m.marks.has(mark))) throw new Error(`MONITOR did not show ${mark} on every master`);
    return this.seen.splice(0);
  }

  /** The keys (without the prefix) that the commands changed. */
  written(commands: readonly Command[]): string[] {
    return commands
      .filter((c) => WRITES.has(c.name))
      .flatMap((c) => c.args.filter((a) => a.startsWith(this.prefix)))
      .map((k) => k.slice(this.prefix.length));
  }

  async close(): Promise<void> {
    for (const m of this.monitors) m.client.destroy();
    for (const p of this.pokers) await p.close();
  }
}
