import { describe, expect, it } from 'vitest';
import type { ChartDefinition, ChartObject } from './chart';
import { eventChart, eventChartProblems } from './event-chart';

const object = (label: string, extra: Partial<ChartObject>): ChartObject => ({ label, type: 'seat', own: label, x: 0, y: 0, bookable: true, ...extra });
const table = (label: string, whole: boolean): ChartObject[] => [
  object(label, { type: 'table', seats: [`${label}-1`], ...(whole ? { bookAsAWhole: true } : {}), bookable: whole, categoryKey: '1' }),
  object(`${label}-1`, { parent: { label, type: 'table' }, bookable: !whole, categoryKey: '1' }),
];
const chart: ChartDefinition = {
  name: 'c',
  categories: [{ key: 1, label: 'Front', color: '#f00', accessible: false }],
  width: 10,
  height: 10,
  objects: [object('A-1', { categoryKey: '1' }), ...table('T1', false), ...table('T2', true)],
  rows: [],
  sections: [],
  decorations: [],
};
const bookable = (c: ChartDefinition) => c.objects.filter((o) => o.bookable).map((o) => o.label);

describe('eventChart', () => {
  it('leaves the chart as it is without a config', () => {
    expect(eventChart(chart, undefined)).toBe(chart);
    expect(eventChart(chart, { tableBookingConfig: { mode: 'INHERIT' } })).toEqual(chart);
  });

  it('books tables whole, by seat, or each as told, and a whole table alone is bookable, not its seats', () => {
    expect(bookable(eventChart(chart, { tableBookingConfig: { mode: 'ALL_BY_TABLE' } }))).toEqual(['A-1', 'T1', 'T2']);
    expect(bookable(eventChart(chart, { tableBookingConfig: { mode: 'ALL_BY_SEAT' } }))).toEqual(['A-1', 'T1-1', 'T2-1']);
    const custom = eventChart(chart, { tableBookingConfig: { mode: 'CUSTOM', tables: { T1: 'BY_TABLE' } } });
    expect(bookable(custom)).toEqual(['A-1', 'T1', 'T2']);
    expect(custom.objects.find((o) => o.label === 'T1')?.bookAsAWhole).toBe(true);
    expect(eventChart(chart, { tableBookingConfig: { mode: 'ALL_BY_SEAT' } }).objects.find((o) => o.label === 'T2')).not.toHaveProperty('bookAsAWhole');
  });

  it("adds the event's categories after the chart's and gives the objects named theirs", () => {
    const own = eventChart(chart, { categories: [{ key: 'vip', label: 'VIP', color: '#000' }], objectCategories: { 'A-1': 'vip' } });
    expect(own.categories.map((c) => c.key)).toEqual([1, 'vip']);
    expect(own.objects.find((o) => o.label === 'A-1')?.categoryKey).toBe('vip');
    expect(chart.objects[0]!.categoryKey).toBe('1');
  });
});

describe('eventChartProblems', () => {
  it('names what does not fit the chart', () => {
    expect(
      eventChartProblems(chart, {
        tableBookingConfig: { mode: 'CUSTOM', tables: { 'A-1': 'BY_TABLE' } },
        categories: [{ key: 1, label: 'Again', color: '#000' }],
        objectCategories: { 'Z-9': 1, 'A-1': 'none' },
      }),
    ).toEqual([
      ['tableBookingConfig.tables.A-1', 'no such table on the chart'],
      ['categories[0].key', 'category 1 exists already'],
      ['objectCategories.Z-9', 'no such object on the chart'],
      ['objectCategories.A-1', 'no category none'],
    ]);
  });
});
