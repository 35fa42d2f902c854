import { describe, expect, it } from 'vitest';
import { importSeatsioChart } from '../charts/import-seatsio-chart';
import { smallVenue } from '../testing/test-server';
import { pickBestAvailable } from './best-available';

const imported = importSeatsioChart(smallVenue());
if (!imported.ok) throw new Error('invalid test venue');
const chart = imported.chart;
const byLabel = new Map(chart.objects.map((o) => [o.label, o]));
const freeExcept =
  (...taken: string[]) =>
  (label: string) =>
    !taken.includes(label);

describe('pickBestAvailable', () => {
  // The focal point is at x=120, y=0: above seat 5 of row A (x=106) and 6 (x=130).
  it('picks adjacent seats in the row nearest the stage, centred on it', () => {
    expect(pickBestAvailable(chart, byLabel, freeExcept(), { number: 2 })).toEqual({ labels: ['A-5', 'A-6'], nextToEachOther: true });
  });

  it('avoids leaving a single free seat stranded next to a taken one', () => {
    // taken: would strand would strand would strand A-1
    // (accessible, so not offered, but still a seat left alone). strands nothing but is 102 away on
    // average; B-5/B-6 (x=106 and 130, y=70) strands nothing and is 71 away, so it wins over the front row.
    expect(pickBestAvailable(chart, byLabel, freeExcept('A-4', 'A-8'), { number: 2 })).toEqual({ labels: ['B-5', 'B-6'], nextToEachOther: true });
    // With row B gone, the only run that strands nothing is.
    const rowB = Array.from({ length: 10 }, (_, i) => `B-${i + 1}`);
    expect(pickBestAvailable(chart, byLabel, freeExcept('A-4', 'A-8', ...rowB), { number: 2 })).toEqual({ labels: ['A-9', 'A-10'], nextToEachOther: true });
  });

  it('prefers clear seats to restricted-view and companion seats at the same price', () => {
    // the best pair, have a restricted view: the next clear pair, A-7/A-8, is taken instead.
    const compromised = new Map([...byLabel].map(([label, o]) => [label, label === 'A-5' || label === 'A-6' ? { ...o, restrictedView: true as const } : o]));
    expect(pickBestAvailable(chart, compromised, freeExcept(), { number: 2 })!.labels).toEqual(['A-7', 'A-8']);
    const companions = new Map([...byLabel].map(([label, o]) => [label, label === 'B-5' ? { ...o, companionSeat: true as const } : o]));
    expect(pickBestAvailable(chart, companions, freeExcept(...Array.from({ length: 10 }, (_, i) => `A-${i + 1}`)), { number: 2 })!.labels).not.toContain('B-5');
    // With nothing clear left, a restricted seat is still offered.
    const onlyRestricted = new Map([...byLabel].map(([label, o]) => [label, { ...o, restrictedView: true as const }]));
    expect(pickBestAvailable(chart, onlyRestricted, freeExcept(), { number: 2 })!.labels).toEqual(['A-5', 'A-6']);
  });

  it('keeps to the requested categories', () => {
    expect(pickBestAvailable(chart, byLabel, freeExcept(), { number: 3, categories: ['back'] })!.labels.every((l) => l.startsWith('B-'))).toBe(true);
  });

  it('offers the accessible seat only when asked for one', () => {
    expect(pickBestAvailable(chart, byLabel, freeExcept(), { number: 10, categories: ['1'] })).toEqual({
      labels: expect.not.arrayContaining(['A-1']),
      nextToEachOther: false,
    });
    expect(pickBestAvailable(chart, byLabel, freeExcept(), { number: 2, accessibleSeats: 1 })!.labels).toEqual(['A-1', 'A-2']);
  });

  it('falls back to the nearest scattered seats, and gives up when there are not enough', () => {
    const taken = ['A-2', 'A-4', 'A-6', 'A-8', 'A-10', 'B-2', 'B-4', 'B-6', 'B-8', 'B-10'];
    expect(pickBestAvailable(chart, byLabel, freeExcept(...taken), { number: 2, categories: ['back'] })!.nextToEachOther).toBe(false);
    expect(pickBestAvailable(chart, byLabel, freeExcept(...taken), { number: 6, categories: ['back'] })).toBeUndefined();
  });
});
