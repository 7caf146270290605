// The fault tests' judge of a chat against the control run: a lost reply is lost, not a reorder.
import { describe, expect, it } from 'vitest';
import { compare } from './telegram-load.ts';

describe('compare', () => {
  const control = ['start', 'fund', 'menu', 'hotline', 'menu'];

  it('the same chat: nothing lost, doubled or reordered', () => {
    expect(compare(control, control)).toEqual({ lost: 0, doubled: 0, reordered: false });
  });

  it('a lost reply whose text comes again later is lost, not reordered', () => {
    expect(compare(control, ['start', 'fund', 'hotline', 'menu'])).toEqual({ lost: 1, doubled: 0, reordered: false });
    expect(compare(control, ['start', 'fund', 'menu', 'hotline'])).toEqual({ lost: 1, doubled: 0, reordered: false });
  });

  it('a swap is a reorder, a repeat is a double', () => {
    expect(compare(control, ['start', 'hotline', 'fund', 'menu', 'menu']).reordered).toBe(true);
    expect(compare(control, ['start', 'fund', 'fund', 'menu', 'hotline', 'menu'])).toEqual({ lost: 0, doubled: 1, reordered: false });
    expect(compare(control, ['start', 'fund', 'menu', 'menu', 'hotline'])).toEqual({ lost: 0, doubled: 0, reordered: true });
  });
});
