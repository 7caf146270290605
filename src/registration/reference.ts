// Reference numbers: short enough to read out on the phone, drawn from letters and digits that
// cannot be mistaken for one another (src/core/registration.ts), and always mixing both, so a
// six-letter word typed in a message is never taken for one.
import { randomInt } from 'node:crypto';
import { REFERENCE_ALPHABET, REFERENCE_LENGTH } from '../core/registration.ts';

export type RandomInt = (max: number) => number;

const DIGITS = [...REFERENCE_ALPHABET].filter((c) => /\d/.test(c));

export function newReference(random: RandomInt = randomInt): string {
  // Kept in range whatever the source gives, so a faulty one cannot make this loop forever.
  const pick = (n: number) => ((Math.trunc(random(n)) % n) + n) % n;
  for (;;) {
    let ref = '';
    for (let i = 0; i < REFERENCE_LENGTH; i++) ref += REFERENCE_ALPHABET[pick(REFERENCE_ALPHABET.length)];
    if (/\d/.test(ref) && /[A-Z]/.test(ref)) return ref;
    // All letters or all digits: replace one place with the other kind rather than draw forever.
    const at = pick(REFERENCE_LENGTH);
    const fix = /\d/.test(ref) ? REFERENCE_ALPHABET.replace(/\d/g, '') : DIGITS.join('');
    const mixed = ref.slice(0, at) + fix[pick(fix.length)] + ref.slice(at + 1);
    if (/\d/.test(mixed) && /[A-Z]/.test(mixed)) return mixed;
  }
}
