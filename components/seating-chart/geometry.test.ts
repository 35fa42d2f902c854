import { describe, expect, it } from 'vitest';
import { nearestInDirection, zoomBox } from './geometry';

describe('nearestInDirection', () => {
  // A 3×3 grid of seats 24 apart, like three rows of three.
  const grid = [0, 1, 2].flatMap((row) => [0, 1, 2].map((col) => ({ x: col * 24, y: row * 26, id: `${row}${col}` })));
  const at = (id: string) => grid.find((p) => p.id === id)!;

  it('moves to the neighbour in the same row or column', () => {
    expect(nearestInDirection(at('11'), grid, 'right')!.id).toBe('12');
    expect(nearestInDirection(at('11'), grid, 'left')!.id).toBe('10');
    expect(nearestInDirection(at('11'), grid, 'up')!.id).toBe('01');
    expect(nearestInDirection(at('11'), grid, 'down')!.id).toBe('21');
  });

  it('stays put at the edge', () => {
    expect(nearestInDirection(at('12'), grid, 'right')).toBeUndefined();
  });

  it('follows a curved row rather than jumping to the next row', () => {
    const curved = [
      { x: 0, y: 0 },
      { x: 24, y: 6 },
      { x: 10, y: 26 },
    ];
    // The next seat of the row is 24 along and 6 across (score 36); the seat below-right is 10 along, 26 across (62).
    expect(nearestInDirection(curved[0]!, curved, 'right')).toBe(curved[1]);
  });
});

describe('zoomBox', () => {
  it('keeps the anchor at the same place on screen', () => {
    const box = { x: 0, y: 0, width: 100, height: 50 };
    const zoomed = zoomBox(box, 2, { x: 80, y: 10 });
    expect(zoomed).toEqual({ x: 40, y: 5, width: 50, height: 25 });
    // The anchor sat 80% across and 20% down before, and still does.
    expect((80 - zoomed.x) / zoomed.width).toBeCloseTo(0.8);
    expect((10 - zoomed.y) / zoomed.height).toBeCloseTo(0.2);
  });
});
