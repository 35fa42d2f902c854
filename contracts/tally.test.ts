import { describe, expect, it } from 'vitest';
import type { ChartDefinition, ChartObject } from './chart';
import { Tally } from './tally';

const place = (label: string, categoryKey: string, section: string, extra: Partial<ChartObject> = {}): ChartObject => ({
  label,
  type: 'seat',
  own: label,
  categoryKey,
  section,
  x: 0,
  y: 0,
  bookable: true,
  ...extra,
});

const chart: ChartDefinition = {
  name: 'Hall',
  categories: [
    { key: 1, label: 'Stalls', color: '#111', accessible: false },
    { key: 2, label: 'Floor', color: '#222', accessible: false },
    { key: 3, label: 'Unused', color: '#333', accessible: false },
  ],
  width: 100,
  height: 100,
  objects: [
    place('A-1', '1', 'A'),
    place('A-2', '1', 'A'),
    place('B-1', '1', 'B'),
    place('GA1', '2', 'B', { type: 'generalAdmission', capacity: 10 }),
    place('T1-1', '1', 'B', { bookable: false }),
  ],
  rows: [],
  sections: [],
  decorations: [],
};
const pricing = { currency: 'EUR', prices: { '1': 40, '2': 15 } };

describe('Tally', () => {
  it('counts a snapshot by status, category and section, with the booked places at their prices', () => {
    const view = Tally.of(chart, pricing, [
      { label: 'A-1', status: 'booked' },
      { label: 'A-2', status: 'free', forSale: false },
      { label: 'GA1', status: 'free', numFree: 4, places: { booked: 3, reservedByToken: 2, blocked: 1 } },
    ]).view();
    expect(view.total).toBe(13);
    expect(view.byStatus).toEqual({ booked: 4, notForSale: 1, free: 5, reservedByToken: 2, blocked: 1 });
    expect(view.categories).toEqual([
      { key: '1', label: 'Stalls', total: 3, byStatus: { booked: 1, notForSale: 1, free: 1 } },
      { key: '2', label: 'Floor', total: 10, byStatus: { free: 4, booked: 3, reservedByToken: 2, blocked: 1 } },
    ]);
    expect(view.sections).toEqual([
      { key: 'A', label: 'A', total: 2, byStatus: { booked: 1, notForSale: 1 } },
      { key: 'B', label: 'B', total: 11, byStatus: { free: 5, booked: 3, reservedByToken: 2, blocked: 1 } },
    ]);
    expect(view.revenue).toBe(40 + 3 * 15);
  });

  it('follows changes one by one to the same counts as a fresh snapshot', () => {
    const tally = Tally.of(chart, pricing, []);
    tally.change(undefined, { label: 'B-1', status: 'reservedByToken' });
    tally.change({ label: 'B-1', status: 'reservedByToken' }, { label: 'B-1', status: 'booked' });
    tally.change(undefined, { label: 'GA1', status: 'free', numFree: 8, places: { reservedByToken: 2 } });
    tally.change({ label: 'GA1', status: 'free', numFree: 8, places: { reservedByToken: 2 } }, { label: 'GA1', status: 'free', numFree: 10, places: {} });
    tally.change({ label: 'B-1', status: 'booked' }, { label: 'B-1', status: 'free' });
    tally.change(undefined, { label: 'A-1', status: 'blocked' });
    expect(tally.view()).toEqual(Tally.of(chart, pricing, [{ label: 'A-1', status: 'blocked' }]).view());
    expect(tally.view().revenue).toBe(0);
  });
});
