import type { Category, ChartDefinition, ChartObject } from './chart';

/*
 * What an event changes of its chart, as seats.io's events do: how tables are booked (whole or seat by seat), extra
 * categories, and other categories for some objects. The chart stays as it was stored; every reader of an event —
 * the booking layer, the buyer page, chart.js, the box office — applies the event's config with `eventChart`, so
 * they all see the same venue. (The schema is in event-chart-schema.ts, apart, so browser bundles carry no zod.)
 */

export type TableBookingConfig = { mode: 'INHERIT' | 'ALL_BY_TABLE' | 'ALL_BY_SEAT' } | { mode: 'CUSTOM'; tables: Record<string, 'BY_TABLE' | 'BY_SEAT'> };

export type EventChartConfig = {
  tableBookingConfig?: TableBookingConfig;
  /** Categories beside the chart's. */
  categories?: (Omit<Category, 'accessible'> & { accessible?: boolean })[];
  /** Another category (by key) for some objects, by label. */
  objectCategories?: Record<string, string | number>;
};

/** Whether a table is booked as a whole at an event. */
function tableWhole(table: ChartObject, config: TableBookingConfig | undefined): boolean {
  switch (config?.mode) {
    case 'ALL_BY_TABLE':
      return true;
    case 'ALL_BY_SEAT':
      return false;
    case 'CUSTOM': {
      const mode = Object.hasOwn(config.tables, table.label) ? config.tables[table.label] : undefined;
      return mode ? mode === 'BY_TABLE' : table.bookAsAWhole === true;
    }
    default:
      return table.bookAsAWhole === true;
  }
}

/** The event's categories: the chart's, then the event's own. */
export function eventCategories(chart: ChartDefinition, config: EventChartConfig | undefined): Category[] {
  return [...chart.categories, ...(config?.categories ?? []).map((c) => ({ ...c, accessible: c.accessible ?? false }))];
}

/** What does not hold together in a config for this chart, as [path, message]; empty when it is fine. */
export function eventChartProblems(chart: ChartDefinition, config: EventChartConfig): [string, string][] {
  const problems: [string, string][] = [];
  const byLabel = new Map(chart.objects.map((o) => [o.label, o]));
  if (config.tableBookingConfig?.mode === 'CUSTOM') {
    for (const label of Object.keys(config.tableBookingConfig.tables))
      if (byLabel.get(label)?.type !== 'table') problems.push([`tableBookingConfig.tables.${label}`, 'no such table on the chart']);
  }
  const chartKeys = new Set(chart.categories.map((c) => String(c.key)));
  const own = (config.categories ?? []).map((c) => String(c.key));
  own.forEach((key, i) => {
    if (chartKeys.has(key) || own.indexOf(key) !== i) problems.push([`categories[${i}].key`, `category ${key} exists already`]);
  });
  const keys = new Set([...chartKeys, ...own]);
  for (const [label, key] of Object.entries(config.objectCategories ?? {})) {
    if (!byLabel.has(label)) problems.push([`objectCategories.${label}`, 'no such object on the chart']);
    else if (!keys.has(String(key))) problems.push([`objectCategories.${label}`, `no category ${key}`]);
  }
  return problems;
}

/** The chart as the event has it: tables booked as its config says, its categories, its objects' categories. */
export function eventChart(chart: ChartDefinition, config: EventChartConfig | undefined): ChartDefinition {
  if (!config || (!config.tableBookingConfig && !config.categories?.length && !config.objectCategories)) return chart;
  const tables = new Map(chart.objects.filter((o) => o.type === 'table').map((t) => [t.label, tableWhole(t, config.tableBookingConfig)]));
  const objectCategories = new Map(Object.entries(config.objectCategories ?? {}).map(([label, key]) => [label, String(key)]));
  const objects = chart.objects.map((o): ChartObject => {
    const categoryKey = objectCategories.get(o.label) ?? o.categoryKey;
    let object: ChartObject = categoryKey === o.categoryKey ? o : { ...o, categoryKey: categoryKey! };
    if (o.type === 'table') {
      const whole = tables.get(o.label)!;
      const { bookAsAWhole: _, ...rest } = object;
      object = { ...rest, ...(whole ? { bookAsAWhole: true as const } : {}), bookable: whole };
    } else if (o.parent?.type === 'table') {
      object = { ...object, bookable: !tables.get(o.parent.label) };
    }
    return object;
  });
  return { ...chart, categories: eventCategories(chart, config), objects };
}
