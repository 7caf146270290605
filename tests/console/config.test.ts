// Production refuses to start the console on a missing, short or copied-from-an-example secret,
// and the cookies follow TLS.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

const base = { NODE_ENV: 'production', LOG_SALT: 'a-long-random-secret-value' };
const good = 'q7Vw2LmZ9xR4tB8nK3pH6sJ1cF5gD0yA';

describe('console configuration', () => {
  it('refuses production without a strong CONSOLE_SESSION_SECRET, naming it', () => {
    expect(() => loadConfig(base)).toThrow(/CONSOLE_SESSION_SECRET/);
    for (const bad of ['short-secret', 'change-me-change-me-change-me-change-me', 'your-secret-here-0123456789abcdefghij', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'secret0123456789abcdefghijklmnopqrstuv']) {
      expect(() => loadConfig({ ...base, CONSOLE_SESSION_SECRET: bad }), bad).toThrow(/CONSOLE_SESSION_SECRET/);
    }
    expect(loadConfig({ ...base, CONSOLE_SESSION_SECRET: good }).CONSOLE_SESSION_SECRET).toBe(good);
  });

  it('runs in development without one (a per-process secret), with the documented defaults', () => {
    const c = loadConfig({});
    expect(c.CONSOLE_SESSION_SECRET).toBeUndefined();
    expect(c).toMatchObject({ CONSOLE_SESSION_HOURS: 12, CONSOLE_IDLE_MINUTES: 30, CONSOLE_LOCKOUT_FAILURES: 5, CONSOLE_LOCKOUT_MINUTES: 15, CONSOLE_SECURE_COOKIES: 'auto' });
    expect(() => loadConfig({ CONSOLE_SECURE_COOKIES: 'maybe' })).toThrow(/CONSOLE_SECURE_COOKIES/);
  });
});
