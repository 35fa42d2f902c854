'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import type { Pricing } from '../../contracts/pricing';
import type { SalesSettings } from '../../contracts/sales';
import type { ChartDefinition } from '../../contracts/chart';
import { someUnavailable } from '../seating-chart/live-state';
import { SeatingChart } from '../seating-chart/SeatingChart';
import { useLiveEvent } from '../seating-chart/use-live-event';
import styles from './buyer-app.module.css';
import { priceBook } from './format';
import { SelectionPanel } from './SelectionPanel';
import { buyerApi, createBuyerApi } from './buyer-api-client';
import { useChannels } from './use-channels';
import { useHoldSession } from './use-hold-session';
import { useChartPlaces, usePlacePicker, useStrandedSeats } from './use-place-picker';

const CONNECTION_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', failed: 'Unavailable' } as const;

export type BuyerAppProps = {
  eventKey: string;
  /** The public key of the event's workspace when the page's address names it (events outside the default one). */
  workspaceKey?: string;
  eventName: string;
  chart: ChartDefinition;
  pricing?: Pricing;
  /** Places per order, hold time and checkout: the server enforces them, the page shows them. */
  sales: SalesSettings;
  /** Hold time of a new hold, in seconds (tests shorten it); the event's otherwise. */
  holdSeconds?: number;
  /** Places kept for sales channels, and the channels this page sells (`?channels=` keys; NO_CHANNEL included or not). */
  inChannels?: string[];
  channels?: string[];
};

/** The buyer's page: the live chart, holding places with a countdown, best available, and checkout. */
export function BuyerApp({ eventKey, workspaceKey, eventName, chart, pricing, sales, holdSeconds, inChannels, channels }: BuyerAppProps) {
  const maxPlaces = sales.maxPlacesPerOrder;
  const router = useRouter();
  const { state, connection, error } = useLiveEvent(eventKey, undefined, workspaceKey);
  const api = useMemo(() => (workspaceKey ? createBuyerApi('', workspaceKey) : buyerApi), [workspaceKey]);
  const live = connection === 'live' && state !== null;
  const { byLabel, describe, placesOf } = useChartPlaces(chart);
  const access = useChannels(
    api,
    useMemo(() => ({ key: eventKey, ...(inChannels ? { inChannels } : {}) }), [eventKey, inChannels]),
    channels,
  );
  const session = useHoldSession({
    eventKey,
    api,
    maxPlaces,
    placesOf,
    describe,
    ...(holdSeconds ? { ttlSeconds: holdSeconds } : {}),
    ...(access.channelKeys ? { channelKeys: access.channelKeys } : {}),
  });
  const prices = useMemo(() => priceBook(pricing), [pricing]);
  const [booking, setBooking] = useState(false);
  // The ticket type chosen per place, where its category has several; the default (first) otherwise.
  const [ticketTypes, setTicketTypes] = useState<ReadonlyMap<string, string>>(new Map());

  const stranded = useStrandedSeats(chart, state, session.selection);

  const { onActivate, dialog } = usePlacePicker({ state, session, describe, maxPlaces, prices, selectable: access.selectable });
  const looks = useMemo(() => (access.selectable ? { selectable: access.selectable } : undefined), [access.selectable]);

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
          <SeatingChart
            chart={chart}
            state={state}
            live={live}
            selected={session.selection}
            priceOf={prices.placePrice}
            onActivate={onActivate}
            {...(looks ? { looks } : {})}
          />
        </div>
        <SelectionPanel
          chart={chart}
          byLabel={byLabel}
          prices={prices}
          session={session}
          stranded={stranded}
          describe={describe}
          live={live}
          unavailable={someUnavailable(state)}
          booking={booking}
          eventKey={eventKey}
          sales={sales}
          ticketTypes={ticketTypes}
          onTicketType={(label, ticketType) => setTicketTypes((current) => new Map(current).set(label, ticketType))}
          onBook={checkout}
        />
      </main>
      {dialog}
    </div>
  );
}
