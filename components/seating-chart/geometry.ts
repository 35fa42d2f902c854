import type { ChartDefinition, ChartObject, Point } from '../../contracts/chart';

/** Plain geometry for the chart renderer: bounds, zoom rectangles, directions. Framework-free. */

export type Box = { x: number; y: number; width: number; height: number };

export const SEAT_RADIUS = 9;

/** How far an object reaches from its centre (x, y). */
function extent(object: ChartObject): { rx: number; ry: number } {
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
