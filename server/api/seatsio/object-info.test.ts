import { describe, expect, it } from 'vitest';
import { float32Distance } from './object-info';

describe('distanceToFocalPoint', () => {
  it('is computed in 32-bit floats and written as the shortest decimal of that float, as a Java float prints', () => {
    expect(float32Distance({ x: 0, y: 0 }, { x: 1, y: 1 })).toBe(1.4142135);
    expect(float32Distance({ x: 10, y: 40 }, { x: 120, y: 0 })).toBe(117.047);
    expect(float32Distance({ x: 3, y: 4 }, { x: 0, y: 0 })).toBe(5);
    // Where double precision gives more digits than a float has.
    expect(Math.hypot(0.1, 0.2)).not.toBe(float32Distance({ x: 0.1, y: 0.2 }, { x: 0, y: 0 }));
    expect(float32Distance({ x: 0.1, y: 0.2 }, { x: 0, y: 0 })).toBe(0.22360681);
  });
});
