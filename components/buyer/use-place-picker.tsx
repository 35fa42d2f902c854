'use client';

import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { ChartDefinition, ChartObject } from '../../contracts/chart';
import { placeName } from '../seating-chart/describe-object';
import { capitalised } from '../seating-chart/messages';
import { useMessages } from '../seating-chart/messages-context';
import { statusOf, type LiveState } from '../seating-chart/live-state';
import type { PriceBook } from './format';
import { QuantityDialog } from './QuantityDialog';
import { strandedSeats } from './stranded-seats';
import type { useHoldSession } from './use-hold-session';

/** A chart's places by label, their names for messages, and how many places one of them is. */
export function useChartPlaces(chart: ChartDefinition) {
  const byLabel = useMemo(() => new Map(chart.objects.map((o) => [o.label, o])), [chart]);
  const messages = useMessages();
  const describe = useCallback(
    (label: string) => {
      const object = byLabel.get(label);
      return object ? capitalised(placeName(object, messages)) : label;
    },
    [byLabel, messages],
  );
  // A table booked whole holds all its seats: the server counts them as places, and so does the page.
  const placesOf = useCallback((label: string) => (byLabel.get(label)?.bookAsAWhole ? (byLabel.get(label)?.seats?.length ?? 1) : 1), [byLabel]);
  return { byLabel, describe, placesOf };
}

type PickerOptions = {
  state: LiveState | null;
  session: ReturnType<typeof useHoldSession>;
  describe: (label: string) => string;
  maxPlaces: number;
  prices: PriceBook;
  /** Whether the buyer may choose the place at all (its category, its sales channel); any place when absent. */
  selectable?: ((object: ChartObject) => boolean) | undefined;
};

/**
 * What a click or Enter on a place does, on every host of the chart: a place nobody can have is explained, a standing
 * area asks how many places, anything else is held or let go. `dialog` is the question, when one is open.
 */
export function usePlacePicker({ state, session, describe, maxPlaces, prices, selectable }: PickerOptions): {
  onActivate: (object: ChartObject) => void;
  dialog: ReactNode;
} {
  const [askQuantity, setAskQuantity] = useState<ChartObject | null>(null);
  const onActivate = useCallback(
    (object: ChartObject) => {
      const selected = session.selection.has(object.label);
      const available =
        (selectable?.(object) ?? true) &&
        (state ? (object.type === 'generalAdmission' ? (state.objects.get(object.label)?.numFree ?? 0) > 0 : statusOf(state, object.label) === 'free') : false);
      if (!selected && !available) {
        session.setNotice({ tone: 'warning', text: `${describe(object.label)} is not available. Please choose another place.` });
        return;
      }
      if (object.type === 'generalAdmission' && !selected) return setAskQuantity(object);
      void session.toggle(object.label);
    },
    [describe, session, state, selectable],
  );
  const dialog = askQuantity && (
    <QuantityDialog
      name={describe(askQuantity.label)}
      max={Math.min(state?.objects.get(askQuantity.label)?.numFree ?? 0, maxPlaces - session.placesTaken)}
      price={prices.placePrice(askQuantity)}
      onConfirm={(quantity) => {
        setAskQuantity(null);
        void session.toggle(askQuantity.label, quantity);
      }}
      onCancel={() => setAskQuantity(null)}
    />
  );
  return { onActivate, dialog };
}

/** Free seats the selection would leave alone between taken ones (the buyer is warned; chart.js's noOrphanSeats). */
export function useStrandedSeats(chart: ChartDefinition, state: LiveState | null, selection: ReadonlyMap<string, number>): string[] {
  return useMemo(() => {
    if (!state) return [];
    return strandedSeats(
      chart.rows,
      (l) => statusOf(state, l) === 'free' || selection.has(l),
      (l) => selection.has(l),
    );
  }, [chart.rows, selection, state]);
}
