import { describe, expect, it } from 'vitest';
import { MESSAGE_LOG } from '../../../src/channels/telegram/capabilities.ts';
import { MessageLog, decodeLogged, encodeLogged } from '../../../src/channels/telegram/message-log.ts';
import { MemoryStore } from '../../../src/store/memory.ts';

const key = { channel: 'telegram', account: '7000000001', user: '5012345678' };

describe('the Telegram message-id log', () => {
  it('stores an entry as one short string and reads back the same entry', () => {
    const entries = [
      { id: 1275, at: 1796296144481, item: 'ead3a1e9-075f-43fa-a56e-a4a2ac84edb3' },
      { id: 7, at: 0 },
      { id: 2147483647, at: 1796296144481, item: 'r1 not a uuid' },
    ];
    for (const e of entries) expect(decodeLogged(encodeLogged(e))).toEqual(e);
    // The 36-character UUID takes 22; the whole entry well under half the old JSON object.
    expect(encodeLogged(entries[0]!).length).toBeLessThan(JSON.stringify(entries[0]).length / 2);
  });

  it('reads entries written as objects (before) next to today’s', async () => {
    const store = new MemoryStore();
    const log = new MessageLog(store);
    const item = '5416aa5a-3633-46e1-8cc9-8be951191977';
    await store.mailboxPush(MESSAGE_LOG, key, { id: 40, at: 1000, item }, 60_000);
    await store.mailboxPush(MESSAGE_LOG, key, { id: 41, at: 1001 }, 60_000);
    await log.record(key, { id: 42, at: 1002, item });
    await log.record(key, { id: 41, at: 1003 });
    expect(await log.entries(key)).toEqual([{ id: 40, at: 1000, item }, { id: 41, at: 1001 }, { id: 42, at: 1002, item }, { id: 41, at: 1003 }]);
    expect(await log.confirmedParts(key, item)).toBe(2);
    expect(await log.confirmedParts(key, 'ead3a1e9-075f-43fa-a56e-a4a2ac84edb3')).toBe(0);
  });
});
