// The Bot API client's connections: an idle kept-alive connection is closed by us before the server
// closes it, so a send never goes out on a connection the server is closing (it would fail as a cut
// connection, "maybe sent", for a message the server never received).
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/channels/telegram/bot.ts';
import type { TelegramConfig } from '../../../src/channels/telegram/config.ts';
import { BOT_INFO, TOKEN } from './fixtures.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

interface Connection {
  /** The client half-closed it (FIN) before it went away: the client gave the idle socket up. */
  endedByClient: boolean;
  closed: Promise<unknown>;
}

/** A Bot API shaped server that announces `Keep-Alive: timeout=2` (Node's own header) and notes who closes each connection. */
async function botApi(): Promise<{ url: string; connections: Connection[]; sends: number[] }> {
  const connections: Connection[] = [];
  const sends: number[] = [];
  let id = 100;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += String(d)));
    req.on('end', () => {
      const { chat_id } = JSON.parse(body || '{}') as { chat_id?: number };
      sends.push(chat_id ?? 0);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, result: { message_id: ++id, date: 1_764_000_000, chat: { id: chat_id, type: 'private' }, text: 'ok' } }));
    });
  });
  server.keepAliveTimeout = 2_000;
  server.on('connection', (socket: Socket) => {
    const c: Connection = { endedByClient: false, closed: once(socket, 'close') };
    socket.on('end', () => (c.endedByClient = true));
    connections.push(c);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections, sends };
}

describe('Bot API connections', () => {
  it('closes an idle connection before the server’s announced keep-alive limit, and the next send opens a new one', async () => {
    const api = await botApi();
    const config: TelegramConfig = { token: TOKEN, botId: '7000000001', apiRoot: api.url, mode: 'webhook', maxRetryDelaySeconds: 0, apiTimeoutSeconds: 20, webhookTimeoutMs: 10_000 };
    const bot = createBot(config, BOT_INFO as never);
    await bot.api.sendMessage(5012345678, 'một');
    expect(api.connections).toHaveLength(1);
    await api.connections[0]!.closed;
    // grammY's default agent keeps it until the server's timer closes it (endedByClient false).
    expect(api.connections[0]!.endedByClient).toBe(true);
    await bot.api.sendMessage(5012345678, 'hai');
    expect(api.connections).toHaveLength(2);
    expect(api.sends).toEqual([5012345678, 5012345678]);
  });
});
