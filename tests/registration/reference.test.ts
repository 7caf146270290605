import { describe, expect, it } from 'vitest';
import { REFERENCE_ALPHABET, REFERENCE_PATTERN } from '../../src/core/registration.ts';
import { newReference } from '../../src/registration/reference.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { draft, service, testClock, userKey } from './fixtures.ts';

describe('reference numbers', () => {
  it('use no look-alike characters and always mix letters and digits', () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OILSUV5]/);
    for (let i = 0; i < 5000; i++) {
      const ref = newReference();
      expect(ref).toMatch(REFERENCE_PATTERN);
      expect(ref).toMatch(/\d/);
      expect(ref).toMatch(/[A-Z]/);
    }
  });

  it('mix even when the random draw is all letters or all digits', () => {
    const letters = newReference(() => REFERENCE_ALPHABET.indexOf('A'));
    expect(letters).toMatch(/\d/);
    const digits = newReference(() => 0);
    expect(digits).toMatch(/[A-Z]/);
  });

  it('are never issued twice, even when the draw repeats', async () => {
    const clock = testClock();
    const store = new MemoryStore(clock);
    // A generator that repeats itself: the first two draws give the same reference.
    const seq = [...'K7M3QX', ...'K7M3QX', ...'K7M3QY'].map((c) => REFERENCE_ALPHABET.indexOf(c));
    let i = 0;
    const { service: s } = await service(store, clock);
    (s as unknown as { deps: { random: (n: number) => number } }).deps.random = () => seq[i++ % seq.length]!;
    const refs: string[] = [];
    for (let n = 0; n < 2; n++) {
      const out = await s.carry({ type: 'registration.submit', draft: draft() }, { key: userKey(), locale: 'vi', messageId: `m${n}`, at: 0 });
      refs.push(String((out[0] as unknown as { vars: { ref: string } }).vars.ref));
    }
    expect(refs).toEqual(['K7M3QX', 'K7M3QY']);
  });
});
