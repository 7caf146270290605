// A player seeking in a worker's voice note asks for parts of it: the console's media route answers
// Range requests (206 with the exact slice and Content-Range, 416 past the end, the whole body for
// what it does not serve in parts), still only to the officer of the mission (another mission's
// gets 404 whatever the range) and audited once for a player's many requests, like the transcript.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseByteRange } from '../../src/console/byte-range.ts';
import { addressed } from '../channels/telegram/fixtures.ts';
import { startTelegram, type Harness } from '../channels/telegram/harness.ts';
import { addStaff, Client } from './helpers.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const VOICE = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

function getRange(c: Client, url: string, range?: string) {
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return h!.server.app.inject({ method: 'GET', url, headers: { cookie, accept: '*/*', ...(range ? { range } : {}) }, remoteAddress: c.address });
}

describe('media downloads in parts', () => {
  it('answers a player’s ranges with the exact bytes, scoped to the mission and audited once', async () => {
    h = await startTelegram();
    const u = h.user();
    const handoff = await u.heldByOfficer('JP');
    await addStaff(h.server, 'lan', 'agent', [handoff.mission!], 'Chị Lan');
    await addStaff(h.server, 'minh', 'agent', ['tw-taipei'], 'Anh Minh');
    h.api.addFile('AwACAgUAAxkBAAIBZGdD', VOICE, 'voice/file_7.oga');
    expect(await u.send(addressed('voice.json', u.chatId))).toEqual([]);
    const note = (await h.server.handoff.transcript(handoff)).flatMap((e) => e.media ?? []).find((m) => m.kind === 'audio')!;
    const url = `/console/chats/${handoff.id}/media/${note.id}`;

    const lan = new Client(h.server);
    expect((await lan.signIn('lan')).statusCode).toBe(303);
    const auditBefore = (await h.server.console.services.audit.latest(100)).filter((a) => a.action === 'media').length;

    const whole = await getRange(lan, url);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.rawPayload.equals(VOICE)).toBe(true);

    const first = await getRange(lan, url, 'bytes=0-99');
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe('bytes 0-99/1000');
    expect(first.headers['content-length']).toBe('100');
    expect(first.headers['content-type']).toBe('audio/ogg');
    expect(first.headers['cache-control']).toBe('private, no-store');
    expect(first.rawPayload.equals(VOICE.subarray(0, 100))).toBe(true);

    const open = await getRange(lan, url, 'bytes=900-');
    expect(open.statusCode).toBe(206);
    expect(open.headers['content-range']).toBe('bytes 900-999/1000');
    expect(open.rawPayload.equals(VOICE.subarray(900))).toBe(true);

    const tail = await getRange(lan, url, 'bytes=-10');
    expect(tail.headers['content-range']).toBe('bytes 990-999/1000');
    expect(tail.rawPayload.equals(VOICE.subarray(990))).toBe(true);

    const past = await getRange(lan, url, 'bytes=1000-');
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */1000');
    expect(past.rawPayload.length).toBe(0);

    // Several ranges at once are not served in parts: the whole body, as the RFC allows.
    const many = await getRange(lan, url, 'bytes=0-1,5-6');
    expect(many.statusCode).toBe(200);
    expect(many.rawPayload.equals(VOICE)).toBe(true);

    // Another mission's officer: 404 for a range as for the whole, and not a byte of it.
    const minh = new Client(h.server);
    expect((await minh.signIn('minh')).statusCode).toBe(303);
    const hidden = await getRange(minh, url, 'bytes=0-99');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-range']).toBeUndefined();
    expect(hidden.rawPayload.includes(VOICE.subarray(0, 16))).toBe(false);

    // Six requests of one player: one line in the audit trail, by the officer, on this chat.
    const opened = (await h.server.console.services.audit.latest(100)).filter((a) => a.action === 'media');
    expect(opened.length - auditBefore).toBe(1);
    expect(opened.at(-1)).toMatchObject({ by: { id: 'lan' }, target: handoff.id });
  });

  it('reads every well-formed single range as a slice inside the body', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(6000), fc.nat(6000), (size, a, b) => {
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        const r = parseByteRange(`bytes=${start}-${end}`, size);
        expect(r).toEqual(start >= size ? 'unsatisfiable' : { start, end: Math.min(end, size - 1) });
      }),
    );
    expect(parseByteRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-50', 10)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('items=0-1', 10)).toBeUndefined();
    expect(parseByteRange('bytes=5-2', 10)).toBeUndefined();
    expect(parseByteRange(undefined, 10)).toBeUndefined();
  });
});
