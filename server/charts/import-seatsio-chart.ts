import { z } from 'zod';
import { fieldIssues, type FieldIssue } from '../field-issues';
import { cssColourSchema } from '../../contracts/css-colour';
import type { Category, ChartDefinition, ChartObject, Decoration, Point, Row, SectionOutline, Shape } from '../../contracts/chart';

/*
 * The seats.io chart file, as far as Tessera reads it. Unknown fields are ignored (the format has many
 * drawing settings we do not use); the fields we do use are checked, and an error names their path.
 */

const finite = z.number().finite();
const point = z.object({ x: finite, y: finite });
const label = z.string().trim().min(1).max(100);
const categoryKey = z.union([z.number().int(), z.string().min(1).max(100)]);
const optionalCategoryKey = categoryKey.nullish();

const seat = z.object({
  label,
  x: finite,
  y: finite,
  categoryKey: optionalCategoryKey,
  accessible: z.boolean().nullish(),
  companionSeat: z.boolean().nullish(),
  restrictedView: z.boolean().nullish(),
});

const row = z.object({
  label,
  categoryKey: optionalCategoryKey,
  seats: z.array(seat).max(1000),
});

const table = z.object({
  label,
  center: point,
  radius: finite.positive().nullish(),
  width: finite.positive().nullish(),
  height: finite.positive().nullish(),
  rotationAngle: finite.nullish(),
  type: z.string().nullish(),
  bookAsAWhole: z.boolean().nullish(),
  categoryKey: optionalCategoryKey,
  seats: z.array(seat).max(1000),
});

const booth = z.object({
  label,
  center: point,
  width: finite.positive().nullish(),
  height: finite.positive().nullish(),
  rotationAngle: finite.nullish(),
  categoryKey: optionalCategoryKey,
});

const generalAdmissionArea = z.object({
  label,
  capacity: z.number().int().min(1).max(1_000_000),
  categoryKey: optionalCategoryKey,
  type: z.string().nullish(),
  center: point.nullish(),
  radius1: finite.positive().nullish(),
  radius2: finite.positive().nullish(),
  width: finite.positive().nullish(),
  height: finite.positive().nullish(),
  rotationAngle: finite.nullish(),
  points: z.array(point).nullish(),
});

const shape = z.object({
  label: z.string().nullish(),
  smartType: z.string().nullish(),
  center: point.nullish(),
  width: finite.nullish(),
  height: finite.nullish(),
});

type SubChartInput = {
  rows?: z.infer<typeof row>[] | null;
  tables?: z.infer<typeof table>[] | null;
  booths?: z.infer<typeof booth>[] | null;
  generalAdmissionAreas?: z.infer<typeof generalAdmissionArea>[] | null;
  shapes?: z.infer<typeof shape>[] | null;
  sections?: SectionInput[] | null;
  focalPoint?: Point | null;
  width?: number | null;
  height?: number | null;
};
type SectionInput = {
  label: string;
  categoryKey?: string | number | null;
  entrance?: string | null;
  points?: Point[] | null;
  topLeft?: Point | null;
  subChart: SubChartInput;
};

const subChartFields = {
  rows: z.array(row).nullish(),
  tables: z.array(table).nullish(),
  booths: z.array(booth).nullish(),
  generalAdmissionAreas: z.array(generalAdmissionArea).nullish(),
  shapes: z.array(shape).nullish(),
  focalPoint: point.nullish(),
  width: finite.nullish(),
  height: finite.nullish(),
};

const section: z.ZodType<SectionInput> = z.lazy(() =>
  z.object({
    label,
    categoryKey: optionalCategoryKey,
    entrance: z.string().nullish(),
    points: z.array(point).nullish(),
    topLeft: point.nullish(),
    subChart: z.object(subChartFields),
  }),
);

const subChart: z.ZodType<SubChartInput> = z.object({ ...subChartFields, sections: z.array(section).nullish() });

const seatsioChartFile = z
  .object({
    name: z.string().max(200).nullish(),
    categories: z
      .object({
        list: z
          .array(
            z.object({
              key: categoryKey,
              label: z.string().max(200),
              color: cssColourSchema,
              accessible: z.boolean().nullish(),
            }),
          )
          .max(1000),
      })
      .nullish(),
    // A multi-floor file may carry its floors alone.
    subChart: subChart.optional(),
    subChartFloors: z.array(z.object({ name: z.string().nullish(), subChart })).nullish(),
  })
  .refine((file) => file.subChart !== undefined || (file.subChartFloors?.length ?? 0) > 0, {
    message: 'a chart file has a subChart or subChartFloors',
    path: ['subChart'],
  });

export type ChartImportResult = { ok: true; chart: ChartDefinition } | { ok: false; errors: FieldIssue[] };

/** Validates a seats.io chart file and turns it into Tessera's chart model. Nothing partial comes out. */
export function importSeatsioChart(input: unknown, fallbackName = 'Untitled chart'): ChartImportResult {
  const parsed = seatsioChartFile.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: fieldIssues(parsed.error) };
  }
  const file = parsed.data;
  const categories: Category[] = (file.categories?.list ?? []).map((c) => ({
    key: c.key,
    label: c.label,
    color: c.color,
    accessible: c.accessible ?? false,
  }));
  const builder = new ChartBuilder(new Set(categories.map((c) => String(c.key))));
  const floors = file.subChartFloors?.length
    ? file.subChartFloors.map((f, i) => ({ subChart: f.subChart, path: `subChartFloors[${i}].subChart` }))
    : [{ subChart: file.subChart!, path: 'subChart' }];
  for (const floor of floors) builder.addSubChart(floor.subChart, floor.path, { offset: { x: 0, y: 0 } });
  if (builder.errors.length) return { ok: false, errors: builder.errors.slice(0, 20) };
  const focal = (file.subChart ?? file.subChartFloors![0]!.subChart).focalPoint ?? undefined;
  return {
    ok: true,
    chart: {
      name: file.name ?? fallbackName,
      categories,
      ...(focal ? { focalPoint: { x: focal.x, y: focal.y } } : {}),
      width: file.subChart?.width ?? builder.extent().width,
      height: file.subChart?.height ?? builder.extent().height,
      objects: builder.objects,
      rows: builder.rows,
      sections: builder.sections,
      decorations: builder.decorations,
    },
  };
}

type Scope = { offset: Point; section?: string; categoryKey?: string | number | null; entrance?: string | null };

class ChartBuilder {
  objects: ChartObject[] = [];
  rows: Row[] = [];
  sections: SectionOutline[] = [];
  decorations: Decoration[] = [];
  errors: FieldIssue[] = [];
  private labels = new Set<string>();

  constructor(private categoryKeys: Set<string>) {}

  extent(): { width: number; height: number } {
    let width = 0;
    let height = 0;
    for (const o of this.objects) {
      width = Math.max(width, o.x + 20);
      height = Math.max(height, o.y + 20);
    }
    return { width, height };
  }

  addSubChart(sub: SubChartInput, path: string, scope: Scope): void {
    const { offset } = scope;
    (sub.rows ?? []).forEach((r, i) => this.addRow(r, `${path}.rows[${i}]`, scope));
    (sub.tables ?? []).forEach((t, i) => this.addTable(t, `${path}.tables[${i}]`, scope));
    (sub.booths ?? []).forEach((b, i) => {
      this.add(
        {
          label: this.fullLabel(scope, b.label),
          type: 'booth',
          own: b.label,
          x: b.center.x + offset.x,
          y: b.center.y + offset.y,
          shape: { kind: 'rect', width: b.width ?? 20, height: b.height ?? 20, rotation: b.rotationAngle ?? 0 },
          bookable: true,
        },
        `${path}.booths[${i}]`,
        b.categoryKey,
        scope,
      );
    });
    (sub.generalAdmissionAreas ?? []).forEach((ga, i) => this.addGeneralAdmission(ga, `${path}.generalAdmissionAreas[${i}]`, scope));
    for (const s of sub.shapes ?? []) {
      if (!s.center || !s.width || !s.height) continue;
      this.decorations.push({
        label: s.label ?? '',
        kind: s.smartType === 'stage' ? 'stage' : 'shape',
        center: { x: s.center.x + offset.x, y: s.center.y + offset.y },
        width: s.width,
        height: s.height,
      });
    }
    (sub.sections ?? []).forEach((s, i) => {
      const sectionPath = `${path}.sections[${i}]`;
      const topLeft = s.topLeft ?? { x: 0, y: 0 };
      const inherited = s.categoryKey ?? scope.categoryKey;
      if (inherited != null) this.checkCategory(inherited, `${sectionPath}.categoryKey`);
      this.sections.push({
        label: s.label,
        points: (s.points ?? []).map((p) => ({ x: p.x + offset.x, y: p.y + offset.y })),
        ...(inherited != null ? { categoryKey: String(inherited) } : {}),
      });
      this.addSubChart(s.subChart, `${sectionPath}.subChart`, {
        offset: { x: offset.x + topLeft.x, y: offset.y + topLeft.y },
        section: s.label,
        categoryKey: inherited,
        entrance: s.entrance,
      });
    });
  }

  private fullLabel(scope: Scope, own: string): string {
    return scope.section ? `${scope.section}-${own}` : own;
  }

  private checkCategory(key: string | number, path: string): boolean {
    if (this.categoryKeys.has(String(key))) return true;
    this.errors.push({ path, message: `Unknown category key: ${key}` });
    return false;
  }

  private add(object: ChartObject, path: string, categoryKey: string | number | null | undefined, scope: Scope): void {
    if (this.labels.has(object.label)) {
      this.errors.push({ path: `${path}.label`, message: `Duplicate label: ${object.label}` });
      return;
    }
    this.labels.add(object.label);
    const key = categoryKey ?? scope.categoryKey;
    if (key != null && this.checkCategory(key, `${path}.categoryKey`)) object.categoryKey = String(key);
    if (scope.section) object.section = scope.section;
    if (scope.entrance) object.entrance = scope.entrance;
    this.objects.push(object);
  }

  private seatObject(s: z.infer<typeof seat>, parent: { label: string; type: 'row' | 'table' }, offset: Point, bookable: boolean): ChartObject {
    return {
      label: `${parent.label}-${s.label}`,
      type: 'seat',
      own: s.label,
      parent,
      x: s.x + offset.x,
      y: s.y + offset.y,
      ...(s.accessible ? { accessible: true as const } : {}),
      ...(s.companionSeat ? { companionSeat: true as const } : {}),
      ...(s.restrictedView ? { restrictedView: true as const } : {}),
      bookable,
    };
  }

  private addRow(r: z.infer<typeof row>, path: string, scope: Scope): void {
    const rowLabel = this.fullLabel(scope, r.label);
    const seatLabels = r.seats.map((s) => `${rowLabel}-${s.label}`);
    r.seats.forEach((s, i) => {
      const object = this.seatObject(s, { label: rowLabel, type: 'row' }, scope.offset, true);
      // Neighbours follow the order of the row in the file, which is the seat order on the floor.
      if (i > 0) object.leftNeighbour = seatLabels[i - 1];
      if (i < seatLabels.length - 1) object.rightNeighbour = seatLabels[i + 1];
      this.add(object, `${path}.seats[${i}]`, s.categoryKey ?? r.categoryKey, scope);
    });
    this.rows.push({ label: rowLabel, ...(scope.section ? { section: scope.section } : {}), seats: seatLabels });
  }

  private addTable(t: z.infer<typeof table>, path: string, scope: Scope): void {
    const tableLabel = this.fullLabel(scope, t.label);
    const whole = t.bookAsAWhole === true;
    const shape: Shape =
      t.radius != null ? { kind: 'circle', radius: t.radius } : { kind: 'rect', width: t.width ?? 40, height: t.height ?? 20, rotation: t.rotationAngle ?? 0 };
    const seats = t.seats.map((s) => `${tableLabel}-${s.label}`);
    this.add(
      {
        label: tableLabel,
        type: 'table',
        own: t.label,
        x: t.center.x + scope.offset.x,
        y: t.center.y + scope.offset.y,
        shape,
        seats,
        ...(whole ? { bookAsAWhole: true as const } : {}),
        bookable: whole,
      },
      path,
      t.categoryKey ?? t.seats[0]?.categoryKey,
      scope,
    );
    t.seats.forEach((s, i) => {
      this.add(this.seatObject(s, { label: tableLabel, type: 'table' }, scope.offset, !whole), `${path}.seats[${i}]`, s.categoryKey ?? t.categoryKey, scope);
    });
  }

  private addGeneralAdmission(ga: z.infer<typeof generalAdmissionArea>, path: string, scope: Scope): void {
    const { offset } = scope;
    const points = (ga.points ?? []).map((p) => ({ x: p.x + offset.x, y: p.y + offset.y }));
    const center = ga.center ?? centroid(ga.points ?? []) ?? { x: 0, y: 0 };
    let shape: Shape;
    if (points.length >= 3) shape = { kind: 'polygon', points };
    else if (ga.radius1 != null) shape = { kind: 'ellipse', rx: ga.radius1, ry: ga.radius2 ?? ga.radius1 };
    else shape = { kind: 'rect', width: ga.width ?? 100, height: ga.height ?? 60, rotation: ga.rotationAngle ?? 0 };
    this.add(
      {
        label: this.fullLabel(scope, ga.label),
        type: 'generalAdmission',
        own: ga.label,
        x: center.x + offset.x,
        y: center.y + offset.y,
        capacity: ga.capacity,
        shape,
        bookable: true,
      },
      path,
      ga.categoryKey,
      scope,
    );
  }
}

function centroid(points: Point[]): Point | undefined {
  if (!points.length) return undefined;
  return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
}
