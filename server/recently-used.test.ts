import { describe, expect, it } from 'vitest';
import { RecentlyUsed } from './recently-used';

describe('RecentlyUsed', () => {
  it('keeps the entries used most recently, a read counting as a use', () => {
    const kept = new RecentlyUsed<string, number>(2);
    kept.set('a', 1);
    kept.set('b', 2);
    expect(kept.get('a')).toBe(1);
    // b was used least recently: it goes.
    kept.set('c', 3);
    expect([kept.get('a'), kept.get('b'), kept.get('c')]).toEqual([1, undefined, 3]);
    // Setting a kept key again replaces it without pushing another out.
    kept.set('c', 4);
    expect([kept.get('a'), kept.get('c')]).toEqual([1, 4]);
  });
});
