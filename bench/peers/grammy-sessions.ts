// The peer: what a TypeScript developer would build with grammY for the same service, written the
// way grammY's documentation shows it — `session()` with `@grammyjs/storage-redis` (on ioredis),
// `bot.command`, `bot.hears`, `bot.on('message:text')`, `webhookCallback` on Fastify. It serves the
// same menu (the same locale strings and content files) and answers free text with the same
// MiniSearch retriever over the same articles, so the answers a user gets on the bench script are
// the same work. What it does not do is what keeps a conversation correct: no per-chat lock (two
// updates of one chat race on the session), no duplicate check, no outbox (a crash after the
// session write loses the reply), no send-rate budget, no danger reading, no hand-off.
// Started as a child process by bench/run.ts, on the same webhook route, secret and Bot API stand-in.
import { readFileSync } from 'node:fs';
import { RedisAdapter } from '@grammyjs/storage-redis';
import Fastify from 'fastify';
import { Bot, session, webhookCallback, type Context, type SessionFlavor } from 'grammy';
import { Redis } from 'ioredis';
import { loadContent, sourceText, type Article } from '../../src/core/content/index.ts';
import { createRetriever } from '../../src/core/nlu/retrieval.ts';
import { analyze } from '../../src/core/nlu/normalize.ts';

type Lang = 'vi' | 'en';
type Step = 'country' | 'menu' | 'topic' | 'next';

interface SessionData {
  lang: Lang;
  step: Step;
  country?: string;
  /** The articles listed under the topic picked last, by number. */
  listed: string[];
}
type MyContext = Context & SessionFlavor<SessionData>;

const content = loadContent();
const retriever = createRetriever(content.articles);
const strings: Record<Lang, Record<string, Record<string, string>>> = {
  vi: JSON.parse(readFileSync(new URL('../../locales/vi/translation.json', import.meta.url), 'utf8')),
  en: JSON.parse(readFileSync(new URL('../../locales/en/translation.json', import.meta.url), 'utf8')),
};
const t = (lang: Lang, group: string, key: string, vars: Record<string, string | number> = {}) =>
  (strings[lang][group]?.[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(vars[v] ?? ''));

const TOPICS = ['contract_liquidation', 'return_registration', 'support_fund', 'hotline', 'staff'] as const;
const offered = content.countries.filter((c) => c.offered);

function numbered(lang: Lang, prompt: string, options: string[]): string {
  return `${prompt}\n\n${options.map((o, i) => `${i + 1}. ${o}`).join('\n')}\n\n${t(lang, 'choices', 'hint', { n: options.length })}`;
}
const countryPrompt = (lang: Lang) => numbered(lang, t(lang, 'country', 'prompt'), [...offered.map((c) => c.name[lang]), t(lang, 'country', 'other')]);
const menu = (lang: Lang) => numbered(lang, t(lang, 'menu', 'prompt'), TOPICS.map((k) => t(lang, 'menu', k)));
const next = (lang: Lang) => numbered(lang, t(lang, 'next', 'prompt'), [t(lang, 'choices', 'menu'), t(lang, 'choices', 'staff')]);

function answer(a: Article, lang: Lang, country?: string): string {
  const local = country ? a.byCountry?.[country]?.[lang] : undefined;
  const body = a.answer[lang].replace(/\{\{hotline:([\w-]+)\}\}/g, (_, id: string) => {
    const h = content.hotlineById.get(id);
    return h?.phone ?? h?.local ?? '';
  });
  return [body, local, `📖 ${sourceText(a.source, lang)} · ${a.reviewed}`].filter(Boolean).join('\n');
}

function hotlines(lang: Lang, country?: string): string {
  const book = country ? content.hotlines.countries[country] : undefined;
  const lines = [...(book?.emergency ?? []), ...(book?.mission ?? []), ...(book?.labour ?? []), ...content.hotlines.global];
  return lines.map((h) => `• ${h.label[lang]}: ${[h.phone ?? h.local, h.email].filter(Boolean).join(' · ')}`).join('\n');
}

const bot = new Bot<MyContext>(process.env.TELEGRAM_BOT_TOKEN ?? '', {
  client: { apiRoot: process.env.TELEGRAM_API_ROOT ?? 'https://api.telegram.org' },
});
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: process.env.REDIS_PREFIX ?? '' });
bot.use(
  session({
    initial: (): SessionData => ({ lang: 'vi', step: 'country', listed: [] }),
    // Kept as long as ours keeps a conversation (30 days).
    storage: new RedisAdapter<SessionData>({ instance: redis, ttl: 30 * 24 * 3600 }),
  }),
);

bot.command('start', async (ctx) => {
  ctx.session.lang = ctx.from?.language_code === 'en' ? 'en' : 'vi';
  ctx.session.step = 'country';
  await ctx.reply(`${t(ctx.session.lang, 'welcome', 'text', { retentionDays: 30 })}\n\n${countryPrompt(ctx.session.lang)}`);
});

bot.hears(/^\s*menu\s*$/i, async (ctx) => {
  ctx.session.step = 'menu';
  await ctx.reply(menu(ctx.session.lang));
});

bot.hears(/^\s*(\d)\s*$/, async (ctx) => {
  const { lang } = ctx.session;
  const n = Number(ctx.match[1]) - 1;
  switch (ctx.session.step) {
    case 'country':
      ctx.session.country = offered[n]?.code;
      ctx.session.step = 'menu';
      return void (await ctx.reply(menu(lang)));
    case 'menu': {
      const topic = TOPICS[n];
      if (topic === 'hotline') {
        ctx.session.step = 'next';
        return void (await ctx.reply(`${hotlines(lang, ctx.session.country)}\n\n${next(lang)}`));
      }
      const listed = content.articles.filter((a) => a.topic === topic);
      if (listed.length === 0) return void (await ctx.reply(menu(lang)));
      ctx.session.listed = listed.map((a) => a.id);
      ctx.session.step = 'topic';
      return void (await ctx.reply(numbered(lang, t(lang, 'menu', topic!), listed.map((a) => a.title[lang]))));
    }
    case 'topic': {
      const a = content.articleById.get(ctx.session.listed[n] ?? '');
      if (!a) return void (await ctx.reply(menu(lang)));
      ctx.session.step = 'next';
      return void (await ctx.reply(`${answer(a, lang, ctx.session.country)}\n\n${next(lang)}`));
    }
    case 'next':
      ctx.session.step = 'menu';
      return void (await ctx.reply(menu(lang)));
  }
});

bot.on('message:text', async (ctx) => {
  const { lang } = ctx.session;
  const hit = retriever.search(analyze(ctx.message.text)).best();
  const a = hit ? content.articleById.get(hit.id) : undefined;
  if (!a) {
    if (/dien thoai|điện thoại|hotline|phone/i.test(ctx.message.text)) {
      ctx.session.step = 'next';
      return void (await ctx.reply(`${hotlines(lang, ctx.session.country)}\n\n${next(lang)}`));
    }
    return void (await ctx.reply(`${t(lang, 'fallback', 'notUnderstood')}\n\n${menu(lang)}`));
  }
  ctx.session.step = 'next';
  await ctx.reply(`${answer(a, lang, ctx.session.country)}\n\n${next(lang)}`);
});

await bot.init(); // getMe, answered by the stand-in API

const app = Fastify({ logger: false });
app.post('/webhooks/telegram', webhookCallback(bot, 'fastify', { secretToken: process.env.TELEGRAM_WEBHOOK_SECRET ?? '' }));
app.get('/healthz', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => redis.quit()).finally(() => process.exit(0)));
