'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import type { Pricing } from '../../contracts/pricing';
import type { SalesSettings } from '../../contracts/sales';
import type { ChartDefinition, ChartObject } from '../../contracts/chart';
import { placeName } from '../seating-chart/describe-object';
import { statusOf } from '../seating-chart/live-state';
import { SeatingChart } from '../seating-chart/SeatingChart';
import { useLiveEvent } from '../seating-chart/use-live-event';
import styles from './buyer-app.module.css';
import { priceBook } from './format';
import { QuantityDialog } from './QuantityDialog';
import { SelectionPanel } from './SelectionPanel';
import { strandedSeats } from './stranded-seats';
import { useHoldSession } from './use-hold-session';

const CONNECTION_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', failed: 'Unavailable' } as const;

export type BuyerAppProps = {
  eventKey: string;
  eventName: string;
  chart: ChartDefinition;
  pricing?: Pricing;
  /** Places per order, hold time and checkout: the server enforces them, the page shows them. */
  sales: SalesSettings;
  /** Hold time of a new hold, in seconds (tests shorten it); the event's otherwise. */
  holdSeconds?: number;
};

/** The buyer's page: the live chart, holding places with a countdown, best available, and checkout. */
export function BuyerApp({ eventKey, eventName, chart, pricing, sales, holdSeconds }: BuyerAppProps) {
  const maxPlaces = sales.maxPlacesPerOrder;
  const router = useRouter();
  const { state, connection, error } = useLiveEvent(eventKey);
  const live = connection === 'live' && state !== null;
  const byLabel = useMemo(() => new Map(chart.objects.map((o) => [o.label, o])), [chart]);
  const describe = useCallback(
    (label: string) => {
      const object = byLabel.get(label);
      return object ? placeName(object).replace(/^./, (c) => c.toUpperCase()) : label;
    },
    [byLabel],
  );
  // A table booked whole holds all its seats: the server counts them as places, and so does the page.
  const placesOf = useCallback((label: string) => (byLabel.get(label)?.bookAsAWhole ? (byLabel.get(label)?.seats?.length ?? 1) : 1), [byLabel]);
  const session = useHoldSession({ eventKey, maxPlaces, placesOf, describe, ...(holdSeconds ? { ttlSeconds: holdSeconds } : {}) });
  const prices = useMemo(() => priceBook(pricing), [pricing]);
  const [askQuantity, setAskQuantity] = useState<ChartObject | null>(null);
  const [booking, setBooking] = useState(false);
  // The ticket type chosen per place, where its category has several; the default (first) otherwise.
  const [ticketTypes, setTicketTypes] = useState<ReadonlyMap<string, string>>(new Map());

  const stranded = useMemo(() => {
    if (!state) return [];
    return strandedSeats(
      chart.rows,
      (l) => statusOf(state, l) === 'free' || session.selection.has(l),
      (l) => session.selection.has(l),
    );
  }, [chart.rows, session.selection, state]);

  const onActivate = useCallback(
    (object: ChartObject) => {
      const selected = session.selection.has(object.label);
      const available = state
        ? object.type === 'generalAdmission'
          ? (state.objects.get(object.label)?.numFree ?? 0) > 0
          : statusOf(state, object.label) === 'free'
        : false;
      if (!selected && !available) {
        session.setNotice({ tone: 'warning', text: `${describe(object.label)} is not available. Please choose another place.` });
        return;
      }
      if (object.type === 'generalAdmission' && !selected) return setAskQuantity(object);
      session.toggle(object.label);
    },
    [describe, session, state],
  );

  const checkout = async () => {
    setBooking(true);
    const result = await session.checkout(ticketTypes);
    if (result.ok) router.push(result.confirmationUrl);
    else setBooking(false);
  };

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1>{eventName}</h1>
        <span className={styles.connection} data-connection={connection} role="status">
          {error ?? CONNECTION_TEXT[connection]}
        </span>
      </header>
      {connection === 'reconnecting' && <p className={styles.offline}>Connection lost. Reconnecting… Availability is not shown until we are back.</p>}
      <main className={styles.main}>
        <div className={styles.chart}>
          <SeatingChart chart={chart} state={state} live={live} selected={session.selection} priceOf={prices.placePrice} onActivate={onActivate} />
        </div>
        <SelectionPanel
          chart={chart}
          byLabel={byLabel}
          prices={prices}
          session={session}
          stranded={stranded}
          describe={describe}
          live={live}
          booking={booking}
          eventKey={eventKey}
          sales={sales}
          ticketTypes={ticketTypes}
          onTicketType={(label, ticketType) => setTicketTypes((current) => new Map(current).set(label, ticketType))}
          onBook={checkout}
        />
      </main>
      {askQuantity && (
        <QuantityDialog
          name={describe(askQuantity.label)}
          max={Math.min(state?.objects.get(askQuantity.label)?.numFree ?? 0, maxPlaces - session.placesTaken)}
          price={prices.placePrice(askQuantity)}
          onConfirm={(quantity) => {
            setAskQuantity(null);
            session.toggle(askQuantity.label, quantity);
          }}
          onCancel={() => setAskQuantity(null)}
        />
      )}
    </div>
  );
}
