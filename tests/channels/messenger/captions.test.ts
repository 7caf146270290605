// Danger written with a photo or into an edit is danger: through the signed webhook, a photo sent
// with words asking for help and an edited message (`message_edits`) that does both answer with the
// emergency lines and put an emergency in front of the officers.
import { afterEach, describe, expect, it } from 'vitest';
import { watchConsole, type AlertWatch } from '../../helpers/alerts.ts';
import { asSent, messengerServer, textOf, USER_A, type MessengerTestServer } from './harness.ts';

let server: MessengerTestServer | undefined;
let watch: AlertWatch | undefined;
afterEach(async () => {
  watch?.stop();
  await server?.shutdown();
  server = undefined;
  watch = undefined;
});

async function expectEmergency(s: MessengerTestServer, fixture: string): Promise<void> {
  const before = s.graph.sent().length;
  expect((await s.postFixture(fixture)).status).toBe(200);
  const said = s.graph.sent().slice(before).map((b) => textOf(asSent(b))).join('\n');
  expect(said).toContain(s.translate('vi', 'emergency.text'));
  expect(said).not.toContain(s.translate('vi', 'unsupported.edited'));
  const mine = (await s.handoff.list()).find((x) => x.key.user === USER_A);
  expect(mine).toMatchObject({ priority: 'emergency' });
  expect(watch!.alerts().map((n) => n.id)).toContain(mine!.id);
}

describe('Messenger: text with attachments and edits are read for danger', () => {
  it('a photo sent with words asking for help raises the emergency and alerts the console', async () => {
    server = await messengerServer();
    watch = watchConsole(server);
    await expectEmergency(server, 'image-with-text.json');
  });

  it('an edited message asking for help raises the emergency and alerts the console; its redelivery sends nothing', async () => {
    server = await messengerServer();
    watch = watchConsole(server);
    await expectEmergency(server, 'message-edit.json');
    const sent = server.graph.sent().length;
    expect((await server.postFixture('message-edit.json')).status).toBe(200);
    expect(server.graph.sent().length).toBe(sent);
  });
});
