import type { LiveState } from './live-state';

/** What one place shows: its status, places left (GA), whether this buyer selected it, whether it takes Tab. */
export type PlaceView = { status: string; numFree: number | undefined; selected: number | undefined; tabbable: boolean };

const FREE_VIEW: PlaceView = { status: 'free', numFree: undefined, selected: undefined, tabbable: false };

/**
 * What each place shows, and which places a new state touches: the renderer repaints only those, so a status
 * change costs in proportion to what changed, not to the size of the venue. Framework-free.
 */
export class PlaceStore {
  private state: LiveState | null = null;
  private selected: ReadonlyMap<string, number> = new Map();
  private tabbable: string | undefined;
  private views = new Map<string, PlaceView>();

  view(label: string): PlaceView {
    return this.views.get(label) ?? FREE_VIEW;
  }

  /** Takes the new state and returns the labels whose view changed. */
  update(state: LiveState | null, selected: ReadonlyMap<string, number>, tabbable: string | undefined): Set<string> {
    const touched = new Set<string>();
    const previous = this.state;
    if (state !== previous) {
      const differs = (label: string) => {
        const [a, b] = [previous?.objects.get(label), state?.objects.get(label)];
        return a?.status !== b?.status || a?.numFree !== b?.numFree;
      };
      for (const label of previous?.objects.keys() ?? []) if (differs(label)) touched.add(label);
      for (const label of state?.objects.keys() ?? []) if (differs(label)) touched.add(label);
    }
    if (selected !== this.selected) {
      for (const [label, q] of this.selected) if (selected.get(label) !== q) touched.add(label);
      for (const [label, q] of selected) if (this.selected.get(label) !== q) touched.add(label);
    }
    if (tabbable !== this.tabbable) {
      if (this.tabbable) touched.add(this.tabbable);
      if (tabbable) touched.add(tabbable);
    }
    this.state = state;
    this.selected = selected;
    this.tabbable = tabbable;
    for (const label of touched) {
      const entry = state?.objects.get(label);
      const view: PlaceView = { status: entry?.status ?? 'free', numFree: entry?.numFree, selected: selected.get(label), tabbable: label === tabbable };
      if (view.status === 'free' && view.numFree === undefined && view.selected === undefined && !view.tabbable) this.views.delete(label);
      else this.views.set(label, view);
    }
    return touched;
  }
}
