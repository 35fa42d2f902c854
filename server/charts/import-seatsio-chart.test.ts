import { describe, expect, it } from 'vitest';
import { smallVenue } from '../testing/test-server';
import { bowlVenue, demoHall, venueWithSeats } from './generate-venue';
import { importSeatsioChart } from './import-seatsio-chart';

describe('importSeatsioChart', () => {
  it('labels row seats, tables, booths and GA areas as seats.io does', () => {
    const result = importSeatsioChart(smallVenue());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const labels = result.chart.objects.map((o) => o.label);
    expect(labels).toEqual(expect.arrayContaining(['A-1', 'B-10', 'T1', 'T1-1', 'T2', 'T2-2', 'B1', 'GA1']));
    const byLabel = new Map(result.chart.objects.map((o) => [o.label, o]));
    // T1 is sold per seat, T2 as a whole.
    expect([byLabel.get('T1')!.bookable, byLabel.get('T1-1')!.bookable]).toEqual([false, true]);
    expect([byLabel.get('T2')!.bookable, byLabel.get('T2-1')!.bookable]).toEqual([true, false]);
    expect(byLabel.get('GA1')).toMatchObject({ type: 'generalAdmission', capacity: 10, categoryKey: 'back' });
  });

  it('derives left and right neighbours from the order of each row', () => {
    const result = importSeatsioChart(smallVenue());
    if (!result.ok) throw new Error('invalid');
    const a5 = result.chart.objects.find((o) => o.label === 'A-5')!;
    expect([a5.leftNeighbour, a5.rightNeighbour]).toEqual(['A-4', 'A-6']);
    expect(result.chart.objects.find((o) => o.label === 'A-10')!.rightNeighbour).toBeUndefined();
  });

  it('prefixes labels with the section, offsets by its top-left corner and inherits its category', () => {
    const result = importSeatsioChart({
      name: 'With sections',
      categories: { list: [{ key: 4, label: 'Balcony', color: '#000', accessible: false }] },
      subChart: {
        sections: [
          {
            label: 'Section A',
            categoryKey: 4,
            topLeft: { x: 100, y: 200 },
            entrance: 'Gate 2',
            subChart: { rows: [{ label: 'C', seats: [{ label: '11', x: 5, y: 6, categoryKey: null }] }] },
          },
        ],
      },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.chart.objects[0]).toMatchObject({
      label: 'Section A-C-11',
      section: 'Section A',
      categoryKey: '4',
      x: 105,
      y: 206,
      entrance: 'Gate 2',
      parent: { label: 'Section A-C', type: 'row' },
    });
  });

  it('reads the floors of subChartFloors', () => {
    const floor = (label: string) => ({ subChart: { rows: [{ label, seats: [{ label: '1', x: 0, y: 0 }] }] } });
    const result = importSeatsioChart({ subChart: {}, subChartFloors: [floor('A'), floor('B')] });
    expect(result.ok && result.chart.objects.map((o) => o.label)).toEqual(['A-1', 'B-1']);
  });

  it('rejects duplicate labels and unknown categories with the path of the offending field', () => {
    const result = importSeatsioChart({
      subChart: {
        rows: [
          {
            label: 'A',
            seats: [
              { label: '1', x: 0, y: 0 },
              { label: '1', x: 1, y: 0, categoryKey: 9 },
            ],
          },
        ],
      },
    });
    expect(result).toEqual({ ok: false, errors: [{ path: 'subChart.rows[0].seats[1].label', message: 'Duplicate label: A-1' }] });
    const unknownCategory = importSeatsioChart({ subChart: { rows: [{ label: 'A', seats: [{ label: '1', x: 0, y: 0, categoryKey: 9 }] }] } });
    expect(unknownCategory).toEqual({ ok: false, errors: [{ path: 'subChart.rows[0].seats[0].categoryKey', message: 'Unknown category key: 9' }] });
  });

  it('rejects a GA area without a sensible capacity', () => {
    const result = importSeatsioChart({ subChart: { generalAdmissionAreas: [{ label: 'GA1', capacity: -3 }] } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]!.path).toBe('subChart.generalAdmissionAreas[0].capacity');
  });
});

describe('generated venues', () => {
  it('the demo hall has about 2,000 places of every kind and 3 price categories', () => {
    const result = importSeatsioChart(demoHall());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { objects, categories } = result.chart;
    const places = objects.filter((o) => o.bookable).reduce((n, o) => n + (o.capacity ?? 1), 0);
    expect(places).toBeGreaterThan(1900);
    expect(categories.length).toBeGreaterThanOrEqual(3);
    expect(new Set(objects.map((o) => o.type))).toEqual(new Set(['seat', 'table', 'booth', 'generalAdmission']));
    expect(objects.some((o) => o.accessible) && objects.some((o) => o.companionSeat)).toBe(true);
  });

  it('generates a venue with the requested number of seats', () => {
    const result = importSeatsioChart(venueWithSeats(10_000));
    expect(result.ok && result.chart.objects.length).toBe(10_000);
  });

  it('generates an arena: a bowl of sections around the stage, the seats asked for, inside its own bounds', () => {
    const result = importSeatsioChart(bowlVenue(100_000));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { chart } = result;
    expect(chart.objects.length).toBe(100_000);
    expect(new Set(chart.objects.map((o) => o.section)).size).toBe(chart.sections.length);
    const outside = chart.objects.filter((o) => o.x <= 0 || o.x >= chart.width || o.y <= 0 || o.y >= chart.height);
    expect(outside).toEqual([]);
    // No seat is behind the stage (the bowl is open there): each is at most 30 degrees above the stage's level.
    const stage = chart.focalPoint!;
    const behind = chart.objects.filter((o) => stage.y - o.y > Math.abs(o.x - stage.x) * Math.tan(Math.PI / 6) + 1);
    expect(behind).toEqual([]);
  });

  it('accepts only CSS colours for categories: a colour that smuggles in more CSS is refused, naming the field', () => {
    const withColour = (color: string) => importSeatsioChart({ categories: { list: [{ key: 1, label: 'Cat', color }] }, subChart: {} });
    for (const color of ['#f00', '#ff000080', 'rgb(255, 0, 0)', 'rgba(255 0 0 / 50%)', 'hsl(120, 50%, 40%)', 'RebeccaPurple', 'transparent']) {
      expect(withColour(color).ok, color).toBe(true);
    }
    for (const color of ['red;background:url(https://evil.example/x)', 'url(x)', 'expression(alert(1))', '#ff0000f', 'rgb(1,2)', 'notacolour']) {
      expect(withColour(color), color).toEqual({
        ok: false,
        errors: [{ path: 'categories.list[0].color', message: 'a CSS colour: #rrggbb, rgb(), hsl() or a colour name' }],
      });
    }
  });
});
