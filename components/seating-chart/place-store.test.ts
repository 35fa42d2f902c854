import { describe, expect, it } from 'vitest';
import { fromSnapshot } from './live-state';
import { PlaceStore } from './place-store';

describe('PlaceStore', () => {
  it('reports only the places whose view changed', () => {
    const store = new PlaceStore();
    expect([...store.update(fromSnapshot(1, [{ label: 'A-1', status: 'booked' }]), new Map(), undefined)]).toEqual(['A-1']);
    const touched = store.update(
      fromSnapshot(2, [
        { label: 'A-1', status: 'booked' },
        { label: 'A-2', status: 'reservedByToken' },
      ]),
      new Map([['A-3', 1]]),
      'A-3',
    );
    expect([...touched]).toEqual(['A-2', 'A-3']);
    expect(store.view('A-3')).toEqual({ status: 'free', numFree: undefined, selected: 1, tabbable: true });
  });

  it('forgets places that are plainly free again', () => {
    const store = new PlaceStore();
    store.update(fromSnapshot(1, [{ label: 'A-1', status: 'booked' }]), new Map(), undefined);
    expect([...store.update(fromSnapshot(2, []), new Map(), undefined)]).toEqual(['A-1']);
    expect(store.view('A-1')).toEqual({ status: 'free', numFree: undefined, selected: undefined, tabbable: false });
  });
});
