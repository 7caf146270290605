// The erase promise with media in it, proven by reading every key of the store (not the keys the
// code knows it wrote): a worker sends a voice note and a photo while an officer holds the chat,
// the officer sends back a PDF, a refused PDF is dropped; then the worker erases. Afterwards no key
// holds the bytes (as the store keeps them, base64), the platform references, the file names or
// the user — on the memory store and on a real Redis alike.
import { afterAll, describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../src/core/channel.ts';
import type { ConversationKey, InboundMessage } from '../../src/core/messages.ts';
import type { Store } from '../../src/core/ports.ts';
import type { Staff } from '../../src/handoff/model.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { choice, start, testEngine, text } from '../helpers/engine.ts';
import { connectTestStore, dropPrefix, testPrefix } from '../helpers/redis.ts';
import { ManualClock } from '../handoff/fixtures.ts';
import { dumpMemoryStore, dumpRedis, mentioning, type Dumped } from '../registration/store-dump.ts';

const prefix = testPrefix();
afterAll(() => dropPrefix(prefix));

const START = Date.parse('2026-11-25T02:00:00Z');
const officer: Staff = { id: 'officer-9', name: 'Trần Hoa', role: 'agent', missions: ['tw-taipei'] };
const VOICE = Buffer.from('OggS voice of worker 5b1e: em bi chu danh');
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from('photo of an injury 77c2')]);
const PDF = Buffer.from('%PDF-1.4 form for the worker 3f9a %%EOF');
const REFUSED = Buffer.from('%PDF-1.4 refused form 8d41 %%EOF');
const REFS = { 'voice-ref-5b1e': VOICE, 'photo-ref-77c2': PHOTO } as Record<string, Buffer>;

async function storyThenErase(store: Store, clock: ManualClock, dump: () => Promise<Dumped[]>): Promise<void> {
  const e = await testEngine(store, { clock });
  const channel = 'vault-test';
  let refuseNext = false;
  const sender: ChannelSender = {
    channel,
    capabilities: { maxTextLength: 4000, maxButtons: 0, maxButtonLabel: 0, maxAttachmentBytes: { image: 1 << 20, file: 1 << 20 } },
    async send(_key, message) {
      if (message.attachment && refuseNext) {
        refuseNext = false;
        return { ok: false, retryable: false, reason: 'the platform refused the file' };
      }
      return { ok: true };
    },
    async fetchMedia(_key, item) {
      const bytes = REFS[item.ref ?? ''];
      return bytes ? { ok: true, bytes } : { ok: false, reason: 'unavailable' };
    },
  };
  e.outbox.register(sender);
  const user = `worker-v-${Math.random().toString(36).slice(2, 8)}`;
  const key: ConversationKey = { channel, account: 'a', user };
  let n = 0;
  const say = async (payload: InboundMessage['payload'], media?: InboundMessage['media']) => {
    clock.advance(5_000);
    await e.conversations.receive({ id: `${user}-${++n}`, key, receivedAt: clock.now(), payload, ...(media ? { media } : {}) });
    await e.outbox.flush(key);
  };
  try {
    await say(start);
    await say(choice('lang_vi'));
    await say(text('dai loan'));
    await say(text('cho em gap can bo'));
    const [h] = await e.handoff.list(['tw-taipei']);
    expect(h?.key).toEqual(key);
    await e.handoff.claim(h!.id, officer);
    await say({ type: 'unsupported', kind: 'audio' }, [{ kind: 'audio', voice: true, ref: 'voice-ref-5b1e', mime: 'audio/ogg', size: VOICE.length }]);
    await say({ type: 'unsupported', kind: 'image' }, [{ kind: 'image', ref: 'photo-ref-77c2', mime: 'image/jpeg' }]);
    // The officer's PDF, kept in the vault and sent; then one the platform refuses.
    for (const [id, bytes, name] of [['a1'.repeat(12), PDF, 'mau-don-3f9a.pdf'], ['b2'.repeat(12), REFUSED, 'refused-8d41.pdf']] as const) {
      refuseNext = bytes === REFUSED;
      await e.media.put(key, { id, kind: 'file', mime: 'application/pdf', name, bytes });
      await e.handoff.reply(h!.id, officer, 'Mẫu đơn', { id, kind: 'file', mime: 'application/pdf', name, size: bytes.length });
      await e.outbox.flush(key);
    }
    expect((await e.media.kept(key)).size).toBe(3);

    const needles = [VOICE, PHOTO, PDF, REFUSED].map((b) => b.toString('base64')).concat(['voice-ref-5b1e', 'photo-ref-77c2', 'mau-don-3f9a.pdf']);
    const before = mentioning(await dump(), needles);
    // The bytes of three items, the transcript's references and the officer's file name, the refused file's dead letter.
    expect(before.length).toBeGreaterThanOrEqual(4);
    // The refused file's bytes are gone already; only its dead letter names it.
    expect(mentioning(await dump(), [REFUSED.toString('base64')])).toEqual([]);

    await e.handoff.close(h!.id, officer);
    await say(text('xoá dữ liệu'));
    await say(choice('erase_yes'));

    const after = await dump();
    expect(mentioning(after, needles)).toEqual([]);
    expect(mentioning(after, ['refused-8d41.pdf'])).toEqual([]);
    expect(after.filter((d) => /media/.test(d.key) && d.key.includes(user))).toEqual([]);
    // Only the mark that the erase message was handled names the user.
    expect(mentioning(after, [user]).map((d) => d.key.slice(d.key.indexOf('seen')).split(':')[0])).toEqual(['seen']);
    expect((await e.media.kept(key)).size).toBe(0);
  } finally {
    await e.close();
  }
}

describe('erasing a conversation with media', () => {
  it('leaves no media in any key of the memory store', async () => {
    const clock = new ManualClock(START);
    const store = new MemoryStore(clock);
    await storyThenErase(store, clock, async () => dumpMemoryStore(store));
  });

  it('leaves no media in any key of a real Redis', async () => {
    const clock = new ManualClock(START);
    const store = await connectTestStore(prefix);
    await storyThenErase(store, clock, () => dumpRedis(prefix));
  });
});
