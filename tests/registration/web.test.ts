// End to end on the web chat API: a worker registers, staff see it, change its status (the worker
// is told on the chat), export it; the worker checks it, erases it; and "delete my data" leaves
// nothing of them in the store.
import { afterEach, describe, expect, it } from 'vitest';
import { RegistrationError } from '../../src/registration/model.ts';
import { buildServer, type Server } from '../../src/server.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { PERSON, REGISTRATION_SCRIPT } from './script.ts';
import { dumpMemoryStore, mentioning } from './store-dump.ts';

let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface WebMessage {
  text: string;
  choices?: { id: string; label: string }[];
}

/** 25/11/2026, 10:00 in Taipei. */
let now = Date.parse('2026-11-25T02:00:00Z');
const clock = { now: () => now };

async function web() {
  const store = new MemoryStore(clock);
  server = await buildServer({ env: { LOG_LEVEL: 'silent' }, clock, store });
  const s = server;
  let n = 0;
  const user = `webuser${Math.random().toString(36).slice(2, 10)}`;
  let last = 0;
  const post = async (part: Record<string, unknown>) => {
    // A person types a message every few seconds (and the flood guard counts per minute).
    now += 5_000;
    const res = await s.app.inject({ method: 'POST', url: `/api/chat/messages?after=${last}`, payload: { user, id: `m${++n}`, ...part } });
    expect(res.statusCode, JSON.stringify(part)).toBe(200);
    const body = res.json() as { messages: WebMessage[]; last: number };
    last = body.last;
    return body.messages;
  };
  const poll = async (after = last) => {
    const res = await s.app.inject({ url: `/api/chat/messages?user=${user}&after=${after}` });
    const body = res.json() as { messages: WebMessage[]; last: number };
    last = body.last;
    return body.messages;
  };
  const shown = (messages: WebMessage[]) => messages.map((m) => [m.text, ...(m.choices ?? []).map((c) => c.label)].join('\n')).join('\n');
  return { store, user, post, poll, shown, server: s };
}

async function registerUntilReview(w: Awaited<ReturnType<typeof web>>) {
  await w.post({ start: true });
  await w.post({ choice: 'lang_vi' });
  await w.post({ text: 'dai loan' });
  for (const turn of REGISTRATION_SCRIPT) {
    const reply = await w.post(turn.text !== undefined ? { text: turn.text } : { choice: turn.choice });
    if (turn.expect) expect(w.shown(reply), JSON.stringify(turn)).toMatch(turn.expect);
  }
}

describe('return registration on the web chat', () => {
  it('is completed, seen and updated by the mission, checked and erased by the user', async () => {
    const w = await web();
    await registerUntilReview(w);
    const confirmed = w.shown(await w.post({ choice: 'reg_confirm' }));
    const ref = /Mã đăng ký của bạn: ([2-9A-Z]{6})/.exec(confirmed)?.[1];
    expect(ref, confirmed).toBeDefined();

    // The mission's staff see it; another mission's are refused.
    const registrations = w.server.registrations;
    const { items, total } = await registrations.list(['tw-taipei']);
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ ref, mission: 'tw-taipei', status: 'received', locale: 'vi', data: { fullName: PERSON.name, province: 'tuyen-quang' } });
    await expect(registrations.get(['jp-tokyo'], ref!)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(registrations.list(['jp-tokyo'], { mission: 'tw-taipei' })).rejects.toBeInstanceOf(RegistrationError);
    expect((await registrations.list(['jp-tokyo'])).total).toBe(0);

    // A status change reaches the user on their chat, in their language.
    now += 3600_000;
    await registrations.setStatus(['tw-taipei'], ref!, 'contacted', { id: 'officer-1', name: 'Trần Hoa' });
    await w.server.outbox.flush({ channel: 'web', account: 'web', user: w.user });
    const notice = w.shown(await w.poll());
    expect(notice).toContain(ref);
    expect(notice).toMatch(/đã ghi nhận việc liên hệ/);

    const csv = await registrations.exportCsv(['tw-taipei'], {}, 'vi');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Nguyễn Thị Lan');
    expect(csv).toContain('Tuyên Quang');
    expect(csv).toContain('Trần Hoa');

    // "kiểm tra đăng ký" shows it with its status.
    const check = w.shown(await w.post({ text: 'kiem tra dang ky' }));
    expect(check).toContain(ref);
    expect(check).toMatch(/cán bộ đã liên hệ/);
    expect(check).toMatch(/Xoá đăng ký/);

    await w.post({ choice: 'reg_erase' });
    const erased = w.shown(await w.post({ choice: 'reg_erase_yes' }));
    expect(erased).toContain(`Đã xoá đăng ký ${ref}`);
    expect((await registrations.list('all')).total).toBe(0);
    expect(w.shown(await w.post({ text: 'kiem tra dang ky' }))).toMatch(/Chưa có đăng ký/);
  });

  it('a second registration from the same chat updates the first (one per person)', async () => {
    const w = await web();
    await registerUntilReview(w);
    const first = /Mã đăng ký của bạn: ([2-9A-Z]{6})/.exec(w.shown(await w.post({ choice: 'reg_confirm' })))?.[1];
    for (const turn of REGISTRATION_SCRIPT) await w.post(turn.text !== undefined ? { text: turn.text } : { choice: turn.choice });
    const again = w.shown(await w.post({ choice: 'reg_confirm' }));
    expect(again).toContain(`Đã cập nhật đăng ký ${first}`);
    const { items } = await w.server.registrations.list('all');
    expect(items).toHaveLength(1);
    expect(items[0]!.history.map((h) => h.event)).toEqual(['received', 'updated']);
  });

  it('"delete my data" erases the registration with the conversation: nothing of the user stays in the store', async () => {
    const w = await web();
    await registerUntilReview(w);
    const ref = /Mã đăng ký của bạn: ([2-9A-Z]{6})/.exec(w.shown(await w.post({ choice: 'reg_confirm' })))![1]!;
    const before = mentioning(dumpMemoryStore(w.store), [PERSON.name, PERSON.passport, ref]);
    expect(before.length).toBeGreaterThan(0);

    await w.post({ text: 'xoa du lieu' });
    await w.post({ choice: 'erase_yes' });
    // The chat's mailbox went with the rest: the confirmation is the first message of a new one.
    expect(w.shown(await w.poll(0))).toMatch(/Đã xoá/);
    const after = dumpMemoryStore(w.store);
    const personal = [PERSON.name, 'Nguyen Thi Lan', PERSON.passport, PERSON.phone, ref, 'Dai Trung', 'Minh Phat', '1995-12-25'];
    expect(mentioning(after, personal)).toEqual([]);
    // The user's id survives only where the erase itself had to write: the mark that this message was
    // handled (so a retry is not run again) and the delivered confirmation, which says nothing else.
    const left = mentioning(after, [w.user]);
    for (const entry of left) {
      expect(entry.key, entry.key).toMatch(/^(seen:|mbox:web:)/);
      if (entry.key.startsWith('mbox:web:')) expect(JSON.parse(entry.value)).toHaveLength(1);
    }
    expect((await w.server.registrations.list('all')).total).toBe(0);
  });
});
