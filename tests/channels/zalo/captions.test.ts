// Danger written under a photo is danger, on both Zalo APIs: through the webhooks, a Bot Platform
// photo whose caption asks for help and an OA image sent with such words answer with the emergency
// lines and put an emergency in front of the officers. (Neither API sends edits.)
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer, type Server } from '../../../src/server.ts';
import { expectEmergencyRaised, watchConsole, type AlertWatch } from '../../helpers/alerts.ts';
import { startFakeZalo, type FakeZalo } from './fake-zalo.ts';
import { botEnv, fixture, oaEnv, postBot, postOa } from './harness.ts';

let server: Server | undefined;
let fake: FakeZalo | undefined;
let watch: AlertWatch | undefined;
afterEach(async () => {
  watch?.stop();
  await server?.close();
  await fake?.close();
  server = undefined;
  fake = undefined;
  watch = undefined;
});

const expectEmergency = (s: Server, said: string[], user: string) => expectEmergencyRaised(s, watch!, said, user, ['unsupported.image', 'media.offer.image']);

describe('Zalo: captions are read for danger', () => {
  it('Bot Platform: a photo whose caption asks for help raises the emergency and alerts the console', async () => {
    fake = await startFakeZalo();
    server = await buildServer({ env: botEnv(fake) });
    watch = watchConsole(server);
    expect((await postBot(server, fixture('bot/image-caption-danger.json'))).statusCode).toBe(200);
    await server.outbox.idle();
    const user = '6ede9afa66b88fe6d6a9';
    const said = fake.botCalls('sendMessage').filter((c) => c.body.chat_id === user).map((c) => String(c.body.text));
    await expectEmergency(server, said, user);
  });

  it('Official Account: an image sent with words asking for help raises the emergency and alerts the console', async () => {
    fake = await startFakeZalo();
    server = await buildServer({ env: oaEnv(fake) });
    watch = watchConsole(server);
    expect((await postOa(server, fixture('oa/user_send_image_text.json'))).statusCode).toBe(200);
    await server.outbox.idle();
    const said = fake.oaSends().map((r) => String((r.body.message as { text: string }).text));
    await expectEmergency(server, said, '4143066041574136869');
  });
});
