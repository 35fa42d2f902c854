/**
 * Tessera's own chart model: what the booking layer and the renderer need from a venue, framework-free.
 * Built once from a seats.io chart file (see import-seatsio-chart.ts) and stored as JSON.
 */

export type ObjectType = 'seat' | 'table' | 'booth' | 'generalAdmission';

export type Point = { x: number; y: number };

export type Category = {
  /** As in the source file: seats.io allows numbers and strings. */
  key: string | number;
  label: string;
  color: string;
  accessible: boolean;
};

export type Shape =
  | { kind: 'circle'; radius: number }
  | { kind: 'ellipse'; rx: number; ry: number }
  | { kind: 'rect'; width: number; height: number; rotation: number }
  | { kind: 'polygon'; points: Point[] };

export type ChartObject = {
  /** Full label, unique in the chart: `A-1`, `Section A-A-1`, `T1`, `T1-1`, `B1`, `GA1`. */
  label: string;
  type: ObjectType;
  /** The object's own part of the label (`1` for seat `A-1`). */
  own: string;
  parent?: { label: string; type: 'row' | 'table' };
  section?: string;
  /** Category key as a string; compare category keys as strings everywhere. */
  categoryKey?: string;
  x: number;
  y: number;
  accessible?: true;
  companionSeat?: true;
  restrictedView?: true;
  entrance?: string;
  leftNeighbour?: string;
  rightNeighbour?: string;
  /** General-admission areas: how many people fit. */
  capacity?: number;
  /** Tables: booked as one object instead of seat by seat. */
  bookAsAWhole?: true;
  /** Tables: labels of their seats. */
  seats?: string[];
  shape?: Shape;
  /** False for what cannot be booked on its own: a table sold per seat, a seat of a table sold whole. */
  bookable: boolean;
};

export type Row = { label: string; section?: string; seats: string[] };

export type SectionOutline = { label: string; points: Point[]; categoryKey?: string };

export type Decoration = { label: string; kind: 'stage' | 'shape'; center: Point; width: number; height: number };

export type ChartDefinition = {
  name: string;
  categories: Category[];
  focalPoint?: Point;
  width: number;
  height: number;
  objects: ChartObject[];
  rows: Row[];
  sections: SectionOutline[];
  decorations: Decoration[];
};

/** The keys of the categories `names` names, by key or by label (seats.io accepts either). */
export function categoryKeysNamed(categories: readonly Category[], names: readonly (string | number)[]): Set<string> {
  return new Set(categories.filter((c) => names.some((name) => String(name) === String(c.key) || name === c.label)).map((c) => String(c.key)));
}

/** The bookable objects of a chart: what an event keeps a status for. */
export function bookableObjects(chart: ChartDefinition): ChartObject[] {
  return chart.objects.filter((o) => o.bookable);
}

export function distanceToFocalPoint(chart: ChartDefinition, object: ChartObject): number | undefined {
  if (!chart.focalPoint) return undefined;
  return Math.hypot(object.x - chart.focalPoint.x, object.y - chart.focalPoint.y);
}
