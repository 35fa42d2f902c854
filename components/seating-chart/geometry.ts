import type { ChartDefinition, ChartObject, Point } from '../../contracts/chart';

/** Plain geometry for the chart renderer: bounds, zoom rectangles, directions. Framework-free. */

export type Box = { x: number; y: number; width: number; height: number };

export const SEAT_RADIUS = 9;

/** How far an object reaches from its centre (x, y). */
export function extent(object: ChartObject): { rx: number; ry: number } {
  const shape = object.shape;
  if (!shape) return { rx: SEAT_RADIUS, ry: SEAT_RADIUS };
  switch (shape.kind) {
    case 'circle':
      return { rx: shape.radius, ry: shape.radius };
    case 'ellipse':
      return { rx: shape.rx, ry: shape.ry };
    case 'rect':
      return { rx: shape.width / 2, ry: shape.height / 2 };
    case 'polygon': {
      const xs = shape.points.map((p) => Math.abs(p.x - object.x));
      const ys = shape.points.map((p) => Math.abs(p.y - object.y));
      return { rx: Math.max(...xs), ry: Math.max(...ys) };
    }
  }
}

export function boundsOfPoints(points: Point[], margin = 0): Box {
  // A loop, not Math.min(...xs): a 100,000-seat venue has more points than a call may have arguments.
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { x: minX - margin, y: minY - margin, width: maxX - minX + 2 * margin, height: maxY - minY + 2 * margin };
}

/** Everything drawn: objects, sections and decorations, with a margin. */
export function chartBounds(chart: ChartDefinition, margin = 24): Box {
  const points: Point[] = [];
  for (const o of chart.objects) {
    const { rx, ry } = extent(o);
    points.push({ x: o.x - rx, y: o.y - ry }, { x: o.x + rx, y: o.y + ry });
  }
  for (const s of chart.sections) points.push(...s.points);
  for (const d of chart.decorations)
    points.push({ x: d.center.x - d.width / 2, y: d.center.y - d.height / 2 }, { x: d.center.x + d.width / 2, y: d.center.y + d.height / 2 });
  if (!points.length) return { x: 0, y: 0, width: chart.width || 100, height: chart.height || 100 };
  return boundsOfPoints(points, margin);
}

/** Zooms `box` by `factor` (> 1 zooms in) keeping `anchor` where it is on screen. */
export function zoomBox(box: Box, factor: number, anchor: Point): Box {
  const width = box.width / factor;
  const height = box.height / factor;
  return { x: anchor.x - (anchor.x - box.x) / factor, y: anchor.y - (anchor.y - box.y) / factor, width, height };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export type Direction = 'up' | 'down' | 'left' | 'right';

const unit: Record<Direction, Point> = { up: { x: 0, y: -1 }, down: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };

/**
 * The nearest place in a direction, for arrow-key navigation: among places ahead of `from` (within 60° of the
 * direction), the one with the smallest distance, where sideways offset counts double.
 */
export function nearestInDirection<T extends Point>(from: T, candidates: readonly T[], direction: Direction): T | undefined {
  const d = unit[direction];
  let best: T | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === from) continue;
    const dx = c.x - from.x;
    const dy = c.y - from.y;
    const along = dx * d.x + dy * d.y;
    const across = Math.abs(dx * d.y - dy * d.x);
    if (along <= 0 || across > along * Math.tan(Math.PI / 3)) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** The place nearest the top left, where reading (and Tab) starts: a linear scan, as sorting 100,000 is not free. */
export function topLeftOf<T extends Point>(places: readonly T[]): T | undefined {
  return places.reduce<T | undefined>((best, o) => (!best || o.y < best.y || (o.y === best.y && o.x < best.x) ? o : best), undefined);
}

/** A section's name written inside it: where, on which lines, and the largest font (chart units) that fits. */
export type NameInside = { x: number; y: number; lines: string[]; fontSize: number };

/** The width of a character of the chart's bold names, in ems: DejaVu Sans Bold's capitals and digits average less. */
const CHAR_EM = 0.65;

/**
 * A name in the middle of a section, as large as fits inside its outline (the text's box within the polygon but for
 * its corners): on one line, or on two split at the last space ("Section" / "M") when that fits larger.
 * 0 when the middle of the section is outside it (a crescent), where no size fits.
 */
export function nameInside(name: string, points: Point[]): NameInside {
  const centre = points.reduce((c, p) => ({ x: c.x + p.x / points.length, y: c.y + p.y / points.length }), { x: 0, y: 0 });
  const fits = (lines: string[], size: number) => {
    const [w, h] = [(CHAR_EM * size * Math.max(...lines.map((l) => l.length))) / 2 + size * 0.2, (1.2 * size * lines.length) / 2];
    // The ends of the text's middle lines: its corners may touch a slanted edge, as glyphs rarely fill them.
    const cross = [
      [0, 0],
      [-w, 0],
      [w, 0],
      [0, -h],
      [0, h],
      [-w / 2, -h],
      [w / 2, -h],
      [-w / 2, h],
      [w / 2, h],
    ];
    return cross.every(([dx, dy]) => insidePolygon({ x: centre.x + dx!, y: centre.y + dy! }, points));
  };
  // The largest size that fits, by halving the interval between one that fits and one that does not.
  const largest = (lines: string[]) => {
    const box = boundsOfPoints(points);
    let [low, high] = [0, Math.max(box.width, box.height)];
    if (!fits(lines, low)) return 0;
    for (let step = 0; step < 24; step++) {
      const middle = (low + high) / 2;
      if (fits(lines, middle)) low = middle;
      else high = middle;
    }
    return low;
  };
  const space = name.lastIndexOf(' ');
  const options = [[name], ...(space > 0 ? [[name.slice(0, space), name.slice(space + 1)]] : [])].map((lines) => ({ lines, fontSize: largest(lines) }));
  const best = options.reduce((a, b) => (b.fontSize > a.fontSize ? b : a));
  return { ...centre, ...best };
}

/** Whether a point lies inside a polygon (even-odd rule). */
export function insidePolygon(point: Point, polygon: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [a, b] = [polygon[i]!, polygon[j]!];
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/**
 * The usual distance between neighbouring seats of a row (the median over rows of the first two seats' distance),
 * in chart units: rows are about as far apart, so a row's name fits beside it when this is a line of text.
 */
export function seatPitch(rows: readonly { seats: readonly string[] }[], at: (label: string) => Point | undefined): number | undefined {
  const distances: number[] = [];
  for (const row of rows) {
    const [a, b] = [at(row.seats[0] ?? ''), at(row.seats[1] ?? '')];
    if (a && b) distances.push(Math.hypot(a.x - b.x, a.y - b.y));
  }
  distances.sort((x, y) => x - y);
  return distances[Math.floor(distances.length / 2)];
}
