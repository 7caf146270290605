// What a shift at the console needs beyond claim and reply, through HTTP on a real server: the
// transcript reads as the worker's choices (in the officer's language), closing records an outcome
// and an emergency is closed only when confirmed, a chat erased by its user leaves an anonymous
// line in the queue, and canned replies are edited per mission by a supervisor, audited.
import { afterEach, describe, expect, it } from 'vitest';
import type { Server } from '../../src/server.ts';
import { addStaff, Client, consoleServer, request } from './helpers.ts';

let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A worker on the web chat who has opened it in Vietnamese and picked Japan. */
async function webChatInJapan(s: Server, user: string) {
  let n = 0;
  const web = (body: Record<string, unknown>) => s.app.inject({ method: 'POST', url: '/api/chat/messages', payload: { user, id: `${user}-${++n}`, ...body } });
  await web({ start: true });
  await web({ choice: 'lang_vi' });
  await web({ choice: 'country_JP' });
  return web;
}

describe('the console through a shift', () => {
  it('shows what the worker chose and what they were offered, never the ids, in the officer’s language', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
    const web = await webChatInJapan(server, 'chooser-0001');
    await web({ text: 'cho em gặp cán bộ' });
    const [h] = await server.handoff.list(['jp-tokyo']);
    const lan = new Client(server);
    await lan.signIn('lan');
    const vi = (await lan.get(`/console/chats/${h!.id}`)).body;
    expect(vi).toContain('đã chọn: Nhật Bản');
    expect(vi).toContain('<ol class="offered"');
    expect(vi).not.toMatch(/\[(country|lang|topic)_[A-Za-z_]+\]/);
    const en = (await lan.get(`/console/chats/${h!.id}?lang=en`)).body;
    expect(en).toContain('chose: Japan');
    const exported = (await lan.get(`/console/chats/${h!.id}/export`)).body;
    expect(exported).toContain('chose: Japan');
    // The transcript pane can be reached and scrolled from the keyboard, and is named.
    expect(vi).toMatch(/id="transcript" tabindex="0" role="log" aria-labelledby="h-transcript"/);
  }, 20_000);

  it('closing asks for an outcome; an emergency also for a confirmation; the outcome is kept', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
    await server.handoff.open(request({ user: 'calm-user' }));
    await server.handoff.open(request({ user: 'danger-user', priority: 'emergency', reason: 'emergency' }));
    const list = await server.handoff.list();
    const emergency = list.find((h) => h.priority === 'emergency')!;
    const calm = list.find((h) => h.priority === 'normal')!;
    const lan = new Client(server);
    await lan.signIn('lan');
    for (const h of [calm, emergency]) await lan.post(`/console/chats/${h.id}/claim`);

    expect((await lan.post(`/console/chats/${calm.id}/close`)).statusCode).toBe(400);
    expect((await lan.post(`/console/chats/${calm.id}/close`, { outcome: 'whatever' })).statusCode).toBe(400);
    expect((await lan.post(`/console/chats/${calm.id}/close`, { outcome: 'referred' })).headers.location).toContain('ok=chatClosed');
    expect((await server.handoff.get(calm.id))).toMatchObject({ status: 'closed', outcome: 'referred' });

    const page = (await lan.get(`/console/chats/${emergency.id}`)).body;
    expect(page).toContain('name="confirm" value="yes" required');
    const unconfirmed = await lan.post(`/console/chats/${emergency.id}/close`, { outcome: 'false_alarm' });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('hãy đánh dấu xác nhận');
    expect((await server.handoff.get(emergency.id))?.status).toBe('assigned');
    const confirmed = await lan.post(`/console/chats/${emergency.id}/close`, { outcome: 'false_alarm', confirm: 'yes' });
    expect(confirmed.headers.location).toContain('ok=chatClosed');
    const closed = await server.handoff.get(emergency.id);
    expect(closed?.outcome).toBe('false_alarm');
    expect(closed?.history.at(-1)).toMatchObject({ event: 'closed', detail: 'false_alarm' });
  }, 20_000);

  it('a worker who erases their data while their emergency waits leaves an anonymous line for the shift', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
    const web = await webChatInJapan(server, 'eraser-0001');
    await web({ text: 'cứu em, chủ nhà đánh em' });
    const [h] = await server.handoff.list(['jp-tokyo']);
    expect(h?.priority).toBe('emergency');
    await web({ text: 'xoá dữ liệu' });
    await web({ choice: 'erase_yes' });
    expect(await server.handoff.list()).toEqual([]);

    const lan = new Client(server);
    await lan.signIn('lan');
    const queue = (await lan.get('/console/queue')).body;
    expect(queue).toMatch(/Một tình huống khẩn cấp đang chờ từ Nhật Bản đã được người dùng rút lại lúc \d\d:\d\d/);
    const rows = (await lan.get('/console/queue/rows')).body;
    expect(rows).toContain('class="withdrawn"');
    // Nothing of the person: no id of theirs, no words of theirs, and the chat itself is gone.
    for (const body of [queue, rows]) {
      expect(body).not.toContain('eraser-0001');
      expect(body).not.toContain('chủ nhà đánh em');
    }
    expect((await lan.get(`/console/chats/${h!.id}`)).statusCode).toBe(404);
    const stored = JSON.stringify(await server.handoff.withdrawn());
    expect(stored).not.toContain('eraser-0001');
    expect(Object.keys((await server.handoff.withdrawn())[0]!).sort()).toEqual(['at', 'country', 'id', 'mission', 'priority', 'status']);
  }, 20_000);

  it('canned replies: a supervisor edits the mission’s list, officers get it with the placeholders filled, audited', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
    await addStaff(server, 'hoa', 'supervisor', ['jp-tokyo'], 'Chị Hoa');
    await addStaff(server, 'boss', 'admin', []);
    await server.handoff.open(request({ user: 'canned-user' }));
    const [h] = await server.handoff.list();

    const lan = new Client(server);
    await lan.signIn('lan');
    expect((await lan.get('/console/canned')).statusCode).toBe(403);
    expect((await lan.post('/console/canned?mission=jp-tokyo', { title_vi_0: 'x', text_vi_0: 'y' })).statusCode).toBe(403);

    const hoa = new Client(server);
    await hoa.signIn('hoa');
    const editor = await hoa.get('/console/canned?mission=jp-tokyo');
    expect(editor.statusCode).toBe(200);
    // A mission outside the supervisor's countries is refused.
    expect((await hoa.get('/console/canned?mission=tw-taipei')).statusCode).toBe(403);
    const incomplete = await hoa.post('/console/canned?mission=jp-tokyo', { title_vi_0: 'Chỉ có tiêu đề' });
    expect(incomplete.statusCode).toBe(400);
    const saved = await hoa.post('/console/canned?mission=jp-tokyo', {
      title_vi_0: 'Chào và số của cơ quan',
      title_en_0: 'Greeting and our lines',
      text_vi_0: 'Chào bạn, tôi là {{officer}} ở {{mission}}. Số của chúng tôi:\n{{missionLines}}',
      text_en_0: 'Hello, I am {{officer}} at {{mission}}.',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toContain('ok=cannedSaved');

    await lan.post(`/console/chats/${h!.id}/claim`);
    const chat = (await lan.get(`/console/chats/${h!.id}`)).body;
    expect(chat).toContain('>Chào và số của cơ quan</option>');
    expect(chat).toContain('Chào bạn, tôi là Chị Lan ở Đại sứ quán Việt Nam tại Tokyo. Số của chúng tôi:');
    expect(chat).toMatch(/\+8180\d+/);
    expect(chat).not.toContain('{{officer}}');
    // Other missions keep the content's replies.
    const osakaList = await server.console.services.canned.forMission('jp-osaka');
    expect(osakaList.edited).toBeUndefined();

    const admin = new Client(server);
    await admin.signIn('boss');
    const audit = (await admin.get('/console/audit')).body;
    expect(audit).toContain('sửa câu trả lời mẫu');
    expect(audit).not.toContain('Chào bạn, tôi là');
  }, 30_000);
});
