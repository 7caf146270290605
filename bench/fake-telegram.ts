// A local stand-in for the Telegram Bot API: answers every method as Telegram does and tells the
// benchmark when a chat receives a message. Both bots under test send their replies here.
import { createServer, type Server } from 'node:http';

export interface FakeTelegram {
  url: string;
  /** Called with the chat id and the arrival time of every sendMessage. */
  onMessage: (chatId: number, at: number) => void;
  calls: Map<string, number>;
  close(): Promise<void>;
}

export async function startFakeTelegram(): Promise<FakeTelegram> {
  let messageId = 1;
  const fake: FakeTelegram = {
    url: '',
    onMessage: () => {},
    calls: new Map(),
    close: () => new Promise((r) => server.close(() => r())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const method = (req.url ?? '').split('/').at(-1) ?? '';
      fake.calls.set(method, (fake.calls.get(method) ?? 0) + 1);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        // multipart or empty: not something the bots send here
      }
      let result: unknown = true;
      if (method === 'sendMessage') {
        const chatId = Number(body.chat_id);
        fake.onMessage(chatId, at);
        result = { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, text: body.text };
      } else if (method === 'getMe') {
        result = { id: 1, is_bot: true, first_name: 'Bench', username: 'bench_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  fake.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return fake;
}
