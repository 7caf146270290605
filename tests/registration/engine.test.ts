// The registration desk inside the engine's turn: what the user is told comes from it, a failure
// there fails the turn (nothing saved, an apology, the same question can be answered again), and
// the configuration that feeds the form is checked at start-up.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildEngine } from '../../src/server.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { choice, start, testEngine, text } from '../helpers/engine.ts';
import { REGISTRATION_SCRIPT } from './script.ts';

async function atReview() {
  let now = Date.parse('2026-11-25T02:00:00Z');
  const clock = { now: () => (now += 5_000) };
  const e = await testEngine(new MemoryStore(clock), { clock });
  const user = `u${Math.random().toString(36).slice(2, 8)}`;
  await e.conversations.preset({ channel: 'test', account: 'a', user }, { locale: 'vi', country: 'TW' });
  await e.say(user, start);
  for (const turn of REGISTRATION_SCRIPT) await e.say(user, turn.text !== undefined ? text(turn.text) : choice(turn.choice!));
  return { e, user, key: { channel: 'test', account: 'a', user } };
}

describe('the registration desk in a turn', () => {
  it('a failure there fails the turn: an apology, nothing saved, and confirming again works once', async () => {
    const { e, user, key } = await atReview();
    const carry = e.registrations.carry.bind(e.registrations);
    e.registrations.carry = async () => {
      throw new Error('store hiccup');
    };
    const failed = await e.say(user, choice('reg_confirm'));
    expect(failed.map((m) => m.text).join('\n')).toMatch(/có lỗi|gửi lại/i);
    expect(((await e.store.getConversation(key))?.snapshot as { value: unknown }).value).toEqual({ registration: 'review' });
    e.registrations.carry = carry;
    const ok = await e.say(user, choice('reg_confirm'));
    expect(ok.map((m) => m.text).join('\n')).toMatch(/Mã đăng ký của bạn: [2-9A-Z]{6}/);
    expect((await e.registrations.list('all')).total).toBe(1);
    await e.close();
  });

  it('without a desk the form says registrations cannot be taken here', async () => {
    const { e, user } = await atReview();
    // The engine as a deployment without the registrations part would build it.
    (e.conversations as unknown as { deps: { registrations?: unknown } }).deps.registrations = undefined;
    const out = await e.say(user, choice('reg_confirm'));
    expect(out.map((m) => m.text).join('\n')).toMatch(/chưa nhận được đăng ký qua đây/);
    expect((await e.registrations.list('all')).total).toBe(0);
    await e.close();
  });
});

describe('registration configuration', () => {
  it('tells the user the configured retention in the consent notice', async () => {
    const e = await buildEngine({ env: { LOG_LEVEL: 'silent', REGISTRATION_RETENTION_DAYS: '90' } });
    expect(e.translate('vi', 'registration.consent.prompt')).toContain('90 ngày');
    expect(e.translate('en', 'registration.consent.details')).toContain('90 days');
    await e.close();
  });

  it('refuses an article id the content does not have, and a retention out of range', async () => {
    await expect(buildEngine({ env: { LOG_LEVEL: 'silent', REGISTRATION_INFO_ARTICLES: 'return-register,no-such-article' } })).rejects.toThrow(
      /REGISTRATION_INFO_ARTICLES: no article no-such-article/,
    );
    expect(() => loadConfig({ REGISTRATION_RETENTION_DAYS: '0' })).toThrow(/REGISTRATION_RETENTION_DAYS/);
    expect(() => loadConfig({ REGISTRATION_RETENTION_DAYS: '1000' })).toThrow(/REGISTRATION_RETENTION_DAYS/);
    expect(loadConfig({}).REGISTRATION_INFO_ARTICLES).toEqual(['return-register']);
  });
});
