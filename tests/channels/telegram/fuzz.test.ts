// Whatever arrives with the right secret — any JSON, or a real update with any field replaced by
// anything — the webhook answers 200 or 400, never 5xx, and the server keeps answering.
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, nextUpdateId, type Json } from './fixtures.ts';
import { SECRET, SECRET_HEADER, startTelegram, type Harness } from './harness.ts';

const NAMES = readdirSync(new URL('../../fixtures/telegram/', import.meta.url)).filter((n) => n.endsWith('.json') && n !== 'get-me.json');

let h: Harness;
beforeAll(async () => {
  h = await startTelegram();
});
afterAll(async () => {
  await h.close();
});

/** Every path to a value inside a JSON object, e.g. ['message', 'chat', 'id']. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const own = Object.entries(value as Json).flatMap(([k, v]) => paths(v, [...prefix, k]));
  return prefix.length > 0 ? [prefix, ...own] : own;
}

function replaced(u: Json, path: string[], v: unknown): Json {
  const copy = structuredClone(u);
  let at = copy as Json;
  for (const p of path.slice(0, -1)) at = at[p] as Json;
  at[path.at(-1)!] = v;
  return copy;
}

async function post(payload: string): Promise<number> {
  const res = await h.server.app.inject({
    method: 'POST',
    url: '/webhooks/telegram',
    headers: { [SECRET_HEADER]: SECRET, 'content-type': 'application/json' },
    payload,
  });
  return res.statusCode;
}

describe('Telegram webhook under random input', () => {
  it('answers any JSON body with 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        expect([200, 400]).toContain(await post(JSON.stringify(body)));
      }),
      { numRuns: 150 },
    );
  });

  it('answers a real update with one field replaced by anything with 200 or 400', async () => {
    const cases = fc
      .constantFrom(...NAMES)
      .chain((name) => {
        const u = fixture(name);
        return fc.tuple(fc.constant(u), fc.constantFrom(...paths(u)), fc.jsonValue());
      });
    await fc.assert(
      fc.asyncProperty(cases, async ([u, path, value]) => {
        const mutated = replaced({ ...u, update_id: nextUpdateId() }, path, value);
        expect([200, 400]).toContain(await post(JSON.stringify(mutated)));
      }),
      { numRuns: 300 },
    );
    await h.settle();
    expect(await post(JSON.stringify({ update_id: nextUpdateId() }))).toBe(200);
  });
});
