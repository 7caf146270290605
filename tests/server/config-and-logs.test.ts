import { describe, expect, it } from 'vitest';
import { EMBEDDED_STAFF_FILE, loadConfig, redisTarget, withEmbeddedDefaults } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { captureLogs as capture } from '../helpers/log-capture.ts';

describe('configuration', () => {
  it('starts on the embedded defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info', RETENTION_DAYS: 30 });
    expect(c.REDIS_URL).toBeUndefined();
  });

  it('runs the store on a Redis Cluster when REDIS_CLUSTER_NODES names its nodes (over REDIS_URL)', () => {
    expect(redisTarget(loadConfig({}))).toBeUndefined();
    expect(redisTarget(loadConfig({ REDIS_URL: 'redis://r:6379' }))).toEqual({ url: 'redis://r:6379' });
    expect(redisTarget(loadConfig({ REDIS_URL: 'redis://r:6379', REDIS_CLUSTER_NODES: 'a:7101, b:7102' }))).toEqual({ clusterNodes: ['a:7101', 'b:7102'] });
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'a:7101,b' })).toThrow(/REDIS_CLUSTER_NODES: "b" is not host:port/);
  });

  it('refuses to start in production without a log salt, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/LOG_SALT/);
    expect(() => loadConfig({ NODE_ENV: 'production', LOG_SALT: 'short' })).toThrow(/LOG_SALT/);
    // The console's secret is required there too (tests/console/config.test.ts covers it).
    expect(loadConfig({ NODE_ENV: 'production', LOG_SALT: 'a-long-random-secret-value', CONSOLE_SESSION_SECRET: 'q7Vw2LmZ9xR4tB8nK3pH6sJ1cF5gD0yA' }).NODE_ENV).toBe('production');
  });

  it('rejects a bad value with the variable and the reason', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});

describe('logs', () => {
  it('never carry message text or raw user ids, even at debug level', () => {
    const { lines, stream } = capture();
    const log = createLogger(loadConfig({ LOG_LEVEL: 'debug', LOG_SALT: 'test-salt-test-salt' }), stream);
    log.debug({ conversation: 'telegram:bot1:987654321', text: 'em bị chủ đánh, sdt 0901234567' }, 'turn');
    log.info({ payload: { text: 'hộ chiếu B1234567' }, key: { user: '987654321' } }, 'inbound');
    const out = lines.join('\n');
    expect(out).not.toContain('987654321');
    expect(out).not.toContain('0901234567');
    expect(out).not.toContain('B1234567');
    expect(out).not.toContain('đánh');
    // The same conversation gets the same pseudonym, so a log can still be followed.
    const first = JSON.parse(lines[0]!).conversation as string;
    log.debug({ conversation: 'telegram:bot1:987654321' }, 'again');
    expect(JSON.parse(lines[2]!).conversation).toBe(first);
  });
});

describe('the checkout stays out of tests', () => {
  it('a server built in-process has no staff file unless told; npm start and npm run staff name .data/staff.json', () => {
    expect(loadConfig({}).CONSOLE_STAFF_FILE).toBeUndefined();
    expect(loadConfig(withEmbeddedDefaults({})).CONSOLE_STAFF_FILE).toBe(EMBEDDED_STAFF_FILE);
    expect(loadConfig(withEmbeddedDefaults({ CONSOLE_STAFF_FILE: '/srv/staff.json' })).CONSOLE_STAFF_FILE).toBe('/srv/staff.json');
    // Set but empty: no file at all.
    expect(loadConfig(withEmbeddedDefaults({ CONSOLE_STAFF_FILE: '' })).CONSOLE_STAFF_FILE).toBeUndefined();
  });
});
