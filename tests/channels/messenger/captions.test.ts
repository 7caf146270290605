// Danger written with a photo or into an edit is danger: through the signed webhook, a photo sent
// with words asking for help and an edited message (`message_edits`) that does both answer with the
// emergency lines and put an emergency in front of the officers.
import { afterEach, describe, expect, it } from 'vitest';
import { expectEmergencyRaised, watchConsole, type AlertWatch } from '../../helpers/alerts.ts';
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
  const said = s.graph.sent().slice(before).map((b) => textOf(asSent(b)));
  await expectEmergencyRaised(s, watch!, said, USER_A, ['unsupported.edited', 'media.offer.image']);
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
