// The erase hook for channels: when a user erases their data, the conversation's channel is asked
// to forget it (ChannelSender.forget, through Outbox.forget and EngineDeps.beforeErase) while what
// is kept with the conversation can still be read; a channel that fails does not stop the erase.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../src/core/channel.ts';
import type { ConversationKey } from '../../src/core/messages.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { choice, testEngine, text, type TestEngine } from '../helpers/engine.ts';

let engine: TestEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

const key: ConversationKey = { channel: 'test', account: 'a', user: 'forgetful' };

function forgettingSender(onForget: (key: ConversationKey) => Promise<void>): ChannelSender & { sent: string[] } {
  const sent: string[] = [];
  return {
    channel: 'test',
    capabilities: { maxTextLength: 4000, maxButtons: 0, maxButtonLabel: 0 },
    sent,
    async send(_key, message) {
      sent.push(message.text);
      return { ok: true };
    },
    forget: onForget,
  };
}

describe('channels forget an erased conversation', () => {
  it('asks the channel before the store erases, so it can still read what it kept there', async () => {
    engine = await testEngine(new MemoryStore());
    const store = engine.store;
    const seen: { key: ConversationKey; hadRecord: boolean; kept: number }[] = [];
    const sender = forgettingSender(async (k) => {
      seen.push({ key: k, hadRecord: (await store.getConversation(k)) !== undefined, kept: (await store.mailboxRead('channel-notes', k, 0)).length });
    });
    engine.outbox.register(sender);
    await engine.conversations.preset(key, { locale: 'vi', country: 'JP' });
    await store.mailboxPush('channel-notes', key, { id: 1 }, 60_000);
    await engine.say(key.user, text('xoá dữ liệu'));
    expect(seen).toEqual([]);
    await engine.say(key.user, choice('erase_yes'));
    expect(seen).toEqual([{ key, hadRecord: true, kept: 1 }]);
    expect(await store.getConversation(key)).toBeUndefined();
    expect(await store.mailboxRead('channel-notes', key, 0)).toEqual([]);
  });

  it('erases anyway when the channel fails to forget, and a channel without the hook is left alone', async () => {
    engine = await testEngine(new MemoryStore());
    const sender = forgettingSender(async () => {
      throw new Error('platform unreachable');
    });
    engine.outbox.register(sender);
    await engine.conversations.preset(key, { locale: 'vi', country: 'JP' });
    await engine.say(key.user, text('xoá dữ liệu'));
    await engine.say(key.user, choice('erase_yes'));
    expect(await engine.store.getConversation(key)).toBeUndefined();
    // The confirmation still goes out.
    expect(sender.sent.at(-1)).toContain(engine.translate('vi', 'privacy.erased'));
    await expect(engine.outbox.forget({ channel: 'nobody', account: 'a', user: 'b' })).resolves.toBeUndefined();
  });
});
