// Real processes for the fault tests: a Redis of their own (so stopping it disturbs nothing else)
// and the bot as a child process, started the way `npm start` does.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { PROCESS_TIMEOUT_MS } from '../helpers/processes.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export class TestRedis {
  private proc: ChildProcess | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), 'redis-fault-'));
  constructor(readonly port: number) {}
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /**
   * Append-only on, so a restart keeps the data as a production Redis would; `extra`: more settings;
   * `timeoutMs`: how long it may take to answer (a slowed load on a busy machine takes far longer).
   */
  async start(extra: string[] = [], timeoutMs = 10_000): Promise<void> {
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--save', '', ...extra], {
      stdio: 'ignore',
    });
    await waitFor(() => this.ping(), timeoutMs, `redis on ${this.port}`);
  }

  async ping(): Promise<boolean> {
    const c = createClient({ url: this.url, socket: { reconnectStrategy: false, connectTimeout: 300 } });
    c.on('error', () => {});
    try {
      await c.connect();
      return (await c.ping()) === 'PONG';
    } finally {
      if (c.isOpen) await c.close();
    }
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class BotProcess {
  private proc: ChildProcess | undefined;
  output = '';
  /** Set when the test killed it (so a death it did not cause reads as a crash). */
  killed = false;
  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    /** Node's own flags (a heap limit). */
    private readonly nodeArgs: string[] = [],
  ) {}
  get pid(): number | undefined {
    return this.proc?.pid;
  }
  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.output = '';
    this.killed = false;
    this.proc = spawn(process.execPath, [...this.nodeArgs, '--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(this.port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc.stdout?.on('data', (d) => (this.output += String(d)));
    this.proc.stderr?.on('data', (d) => (this.output += String(d)));
    await waitFor(async () => (await fetch(`${this.base}/healthz`)).ok, PROCESS_TIMEOUT_MS, `the bot on ${this.port}:\n${this.output}`);
  }

  get alive(): boolean {
    return this.proc !== undefined && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const p = this.proc;
    if (!p || !this.alive) return;
    this.killed = true;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await exited;
  }
}

export interface WebReply {
  status: number;
  texts: string[];
}

/** Posts one web chat message; returns the HTTP status and the replies it carried. */
export async function post(base: string, user: string, id: string, part: Record<string, unknown>): Promise<WebReply> {
  const res = await fetch(`${base}/api/chat/messages?after=0`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, id, locale: 'vi', ...part }),
  });
  const body = (await res.json().catch(() => ({}))) as { messages?: { text: string }[] };
  return { status: res.status, texts: (body.messages ?? []).map((m) => m.text) };
}

/** Everything the user's chat window holds, in order. */
export async function mailbox(base: string, user: string): Promise<string[]> {
  const res = await fetch(`${base}/api/chat/messages?user=${encodeURIComponent(user)}&after=0`);
  const body = (await res.json()) as { messages: { text: string }[] };
  return body.messages.map((m) => m.text);
}
