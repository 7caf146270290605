// The terminal chat: the same engine as the platforms, on the "cli" channel.
//   npm run chat -- --country TW --lang vi      talk interactively
//   npm run chat -- --json < script.txt        one user message per line in, one JSON object per bot message out
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { ChannelSender } from '../core/channel.ts';
import { localeSchema, type ConversationKey, type InboundMessage, type OutboundMessage } from '../core/messages.ts';
import { asNumberedText } from '../core/render.ts';
import { buildEngine } from '../server.ts';

const { values } = parseArgs({
  options: {
    country: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean', default: false },
    user: { type: 'string' },
  },
});

const locale = values.lang === undefined ? undefined : localeSchema.parse(values.lang);
const country = values.country?.toUpperCase();
// The terminal is for people and scripts: keep log lines off stdout unless asked for.
const engine = await buildEngine({ env: { LOG_LEVEL: 'silent', ...process.env } });
const key: ConversationKey = { channel: 'cli', account: 'local', user: values.user ?? randomUUID() };

const sender: ChannelSender = {
  channel: 'cli',
  capabilities: { maxTextLength: 100_000, maxButtons: 0, maxButtonLabel: 0 },
  async send(_key, message: OutboundMessage) {
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ text: message.text, choices: message.choices ?? [] })}\n`);
    } else {
      process.stdout.write(`\n${asNumberedText(message)}\n\n`);
    }
    return { ok: true };
  },
};
engine.outbox.register(sender);

if (locale !== undefined || country !== undefined) {
  await engine.conversations.preset(key, { ...(locale ? { locale } : {}), ...(country ? { country } : {}) });
}

let seq = 0;
async function say(payload: InboundMessage['payload']): Promise<void> {
  const msg: InboundMessage = { id: `cli-${++seq}`, key, receivedAt: Date.now(), payload };
  await engine.conversations.receive(msg);
  await engine.outbox.flush(key);
}

await say({ type: 'start' });
// Interactive: a prompt, and what is typed shown back — by the terminal's line editing on a TTY, by
// us when the input is piped, so a transcript reads as a conversation. --json writes bot messages only.
const tty = !values.json && process.stdin.isTTY === true;
const rl = createInterface({ input: process.stdin, ...(values.json ? {} : { output: process.stdout }), terminal: tty });
if (!values.json) {
  rl.setPrompt('> ');
  rl.prompt();
}
for await (const line of rl) {
  if (!values.json && !tty) process.stdout.write(`${line}\n`);
  if (line.trim() === '') {
    if (!values.json) rl.prompt();
    continue;
  }
  await say({ type: 'text', text: line });
  if (!values.json) rl.prompt();
}
if (!values.json) process.stdout.write('\n');
await engine.close();
