import { describe, expect, it } from 'vitest';
import { insidePolygon, nameInside, nearestInDirection, seatPitch, zoomBox } from './geometry';

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

describe('nameInside', () => {
  const square = (side: number) => [
    { x: 0, y: 0 },
    { x: side, y: 0 },
    { x: side, y: side },
    { x: 0, y: side },
  ];
  /** Whether the name's box (0.65 em a character, 1.2 em a line) lies within the polygon, but for its corners. */
  const within = (name: ReturnType<typeof nameInside>, polygon: { x: number; y: number }[]) => {
    const [w, h] = [(0.65 * name.fontSize * Math.max(...name.lines.map((l) => l.length))) / 2, (1.2 * name.fontSize * name.lines.length) / 2];
    const edges = [
      [-w, 0],
      [w, 0],
      [0, -h],
      [0, h],
      [-w / 2, -h],
      [w / 2, h],
    ];
    return edges.every(([dx, dy]) => insidePolygon({ x: name.x + dx!, y: name.y + dy! }, polygon));
  };

  it('writes the name in the middle of the section, as large as fits inside it', () => {
    const name = nameInside('Floor', square(100));
    expect(name).toMatchObject({ x: 50, y: 50, lines: ['Floor'] });
    expect(within(name, square(100))).toBe(true);
    // Not much smaller than the width allows: five characters of 0.65 em and a margin in 100 units.
    expect(name.fontSize).toBeGreaterThan(100 / (5 * 0.65 + 0.6) - 1);
  });

  it('splits a long name at its last space when two lines fit larger', () => {
    const name = nameInside('Section M', square(100));
    expect(name.lines).toEqual(['Section', 'M']);
    expect(name.fontSize).toBeGreaterThan(nameInside('SectionM', square(100)).fontSize);
  });

  it('keeps to the outline of a slanted section, not its bounding box', () => {
    // A thin band at 45 degrees: its bounding box is a 100-unit square, the band itself 14 units across.
    const band = [
      { x: 0, y: 10 },
      { x: 10, y: 0 },
      { x: 100, y: 90 },
      { x: 90, y: 100 },
    ];
    const name = nameInside('Section M', band);
    expect(within(name, band)).toBe(true);
    expect(name.fontSize).toBeLessThan(10);
  });

  it('finds no size for a crescent, whose middle lies outside it', () => {
    const crescent = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 10 },
      { x: 10, y: 10 },
      { x: 10, y: 90 },
      { x: 100, y: 90 },
      { x: 100, y: 100 },
      { x: 0, y: 100 },
    ];
    expect(nameInside('C', crescent).fontSize).toBe(0);
  });
});

describe('seatPitch', () => {
  it('is the median distance between the first two seats of the rows', () => {
    const seats = new Map([
      ['a1', { x: 0, y: 0 }],
      ['a2', { x: 20, y: 0 }],
      ['b1', { x: 0, y: 30 }],
      ['b2', { x: 24, y: 30 }],
      ['c1', { x: 0, y: 60 }],
      ['c2', { x: 0, y: 100 }],
    ]);
    const rows = [{ seats: ['a1', 'a2'] }, { seats: ['b1', 'b2'] }, { seats: ['c1', 'c2'] }, { seats: ['lonely'] }];
    expect(seatPitch(rows, (label) => seats.get(label))).toBe(24);
    expect(seatPitch([], (label) => seats.get(label))).toBeUndefined();
  });
});
