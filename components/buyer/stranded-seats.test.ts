import { describe, expect, it } from 'vitest';
import { strandedSeats } from './stranded-seats';

const row = { label: 'A', seats: ['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6'] };
const check = (taken: string[], selected: string[]) =>
  strandedSeats(
    [row],
    (l) => !taken.includes(l),
    (l) => selected.includes(l),
  );

describe('strandedSeats', () => {
  it('finds a single free seat between a selected seat and a taken one', () => {
    expect(check(['A-1'], ['A-3'])).toEqual(['A-2']);
  });

  it('finds a single free seat between two selected seats', () => {
    expect(check([], ['A-3', 'A-5'])).toEqual(['A-4']);
  });

  it('leaves alone gaps of two seats and gaps not caused by this buyer', () => {
    expect(check(['A-1'], ['A-4'])).toEqual([]);
    expect(check(['A-1', 'A-3'], [])).toEqual([]);
  });
});
