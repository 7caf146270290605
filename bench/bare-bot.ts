// The baseline: a bare grammY bot that echoes each text, on the same HTTP server (Fastify) and
// the same webhook route and secret as ours. Started as a child process by bench/run.ts.
import Fastify from 'fastify';
import { Bot, webhookCallback } from 'grammy';

const token = process.env.TELEGRAM_BOT_TOKEN ?? '';
const secret = process.env.TELEGRAM_WEBHOOK_SECRET ?? '';
const bot = new Bot(token, { client: { apiRoot: process.env.TELEGRAM_API_ROOT ?? 'https://api.telegram.org' } });
bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
await bot.init(); // getMe, answered by the stand-in API

const app = Fastify({ logger: false });
app.post('/webhooks/telegram', webhookCallback(bot, 'fastify', { secretToken: secret }));
app.get('/healthz', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
