// A registration made on Messenger (the platform faked at its HTTP boundary), as the officer sees
// it: inside 24 hours of the user's last message the record says the notice will reach them and a
// status change is sent as a RESPONSE; past 24 hours Messenger allows the bot nothing, so the record
// says the notice will not arrive (with Messenger's reason, in the officer's words), the change is
// still made, the officer is told to reach the user another way, and the platform hears nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_LIST, type AuditEntry } from '../../src/console/audit.ts';
import { createTranslate } from '../../src/i18n/index.ts';
import { asSent, envelope, messengerServer, PAGE, quickReplyEvent, textEvent, textOf, USER_A, type MessengerTestServer } from '../channels/messenger/harness.ts';
import { REGISTRATION_SCRIPT } from '../registration/script.ts';
import { addStaff, Client } from './helpers.ts';

const HOUR = 3600_000;
let s: MessengerTestServer | undefined;
afterEach(async () => {
  await s?.shutdown();
  s = undefined;
});

function escape(x: string): string {
  return x.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

describe('a Messenger registration in the console', () => {
  it('says whether the status notice can still reach the user, and allows the change either way', async () => {
    s = await messengerServer();
    const server = s;
    const bot = await createTranslate();
    await addStaff(server, 'minh', 'agent', ['tw-taipei'], 'Anh Minh');
    const key = { channel: 'messenger', account: PAGE, user: USER_A };
    await server.conversations.preset(key, { locale: 'vi', country: 'TW' });
    const texts = () => server.graph.sent().map((b) => textOf(asSent(b)));

    // The worker registers on Messenger, typing and tapping quick replies.
    for (const turn of REGISTRATION_SCRIPT) {
      server.clock.advance(5_000);
      const at = server.clock.now();
      await server.post(envelope(turn.text !== undefined ? textEvent(USER_A, turn.text, at) : quickReplyEvent(USER_A, turn.choice!, turn.choice!, at)));
      await server.settle();
    }
    server.clock.advance(5_000);
    await server.post(envelope(quickReplyEvent(USER_A, 'reg_confirm', 'Xác nhận', server.clock.now())));
    await server.settle();
    const ref = /Mã đăng ký của bạn: ([2-9A-Z]{6})/.exec(texts().join('\n'))?.[1];
    expect(ref, texts().slice(-3).join('\n')).toBeDefined();
    expect((await server.registrations.get(['tw-taipei'], ref!)).key).toEqual(key);

    // Within 24 hours: the notice will arrive, and does, as a RESPONSE.
    server.clock.advance(2 * HOUR);
    let minh = new Client(server);
    await minh.signIn('minh');
    const url = `/console/registrations/${ref}`;
    const open = await minh.get(url);
    expect(open.body).toMatch(/<div class="window" id="notice-window">Người dùng sẽ nhận thông báo\. Messenger: còn 22 giờ trong khung 24 giờ \(RESPONSE, đến [^)]+\); sau đó không gửi được nữa/);
    expect(open.body).not.toContain('id="notice-advice"');
    const before = server.graph.requests.length;
    const moved = await minh.post(`${url}/status`, { status: 'contacted', from: 'received' });
    expect(moved.headers.location).toBe(`${url}?ok=registrationStatus`);
    await server.settle();
    expect(server.graph.requests.length).toBe(before + 1);
    expect(asSent(server.graph.sent().at(-1)!)).toMatchObject({ recipient: { id: USER_A }, messaging_type: 'RESPONSE' });
    expect(texts().at(-1)).toContain(`Đăng ký về nước ${ref}: cán bộ cơ quan đại diện đã ghi nhận việc liên hệ với bạn.`);

    // 30 hours after the user's last message: Messenger lets no bot message through.
    server.clock.advance(28 * HOUR);
    minh = new Client(server);
    await minh.signIn('minh');
    const late = await minh.get(url);
    expect(late.body).toContain(
      `<div class="window closed" id="notice-window" role="status">Thông báo sẽ KHÔNG đến được người dùng: Messenger không cho gửi lúc này — ${escape(bot('vi', 'messenger.window.botClosed'))}</div>`,
    );
    expect(late.body).toContain('Bạn vẫn có thể đổi tình trạng; hãy báo cho người dùng theo cách liên hệ họ đã cho.');
    expect(late.body).toContain('href="tel:0912345678"');
    // The buttons are still there, and the change is made.
    expect(late.body).toContain('name="status" value="travel_arranged"');
    const refused = server.graph.requests.length;
    const changed = await minh.post(`${url}/status`, { status: 'travel_arranged', from: 'contacted' });
    expect(changed.headers.location).toBe(`${url}?ok=registrationStatusUnreachable`);
    expect((await minh.get(changed.headers.location as string)).body).toContain('Đã đổi tình trạng, nhưng kênh không cho gửi thông báo lúc này');
    await server.settle();
    expect(server.graph.requests.length).toBe(refused);
    const record = await server.registrations.get('all', ref!);
    expect(record.status).toBe('travel_arranged');
    expect(record.history.at(-1)).toMatchObject({ event: 'travel_arranged', by: { id: 'minh', name: 'Anh Minh' } });
    const audit = (await server.store.listRead<AuditEntry>(AUDIT_LIST, 100)).filter((e) => e.action === 'status');
    expect(audit.map((e) => e.detail)).toEqual([
      { registration: ref, from: 'received', to: 'contacted', notified: true },
      { registration: ref, from: 'contacted', to: 'travel_arranged', notified: false },
    ]);
    // The refused notice is kept where supervisors look for failed messages, not lost.
    const letters = await server.store.deadLetters(10);
    expect(letters.map((l) => l.message.text)).toEqual([expect.stringContaining(`Đăng ký về nước ${ref}: chuyến về của bạn đã được sắp xếp`)]);
  }, 60_000);
});
