'use client';

import type { ChartDefinition } from '../../server/charts/chart-model';
import { SeatingChart } from './SeatingChart';
import styles from './event-chart.module.css';
import { useLiveEvent } from './use-live-event';

const CONNECTION_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', failed: 'Unavailable' } as const;

/** The buyer's view of an event: the live chart with its legend. */
export function EventChart({ eventKey, eventName, chart }: { eventKey: string; eventName: string; chart: ChartDefinition }) {
  const { state, connection, error } = useLiveEvent(eventKey);
  const live = connection === 'live' && state !== null;
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1>{eventName}</h1>
        <span className={styles.connection} data-connection={connection} role="status">
          {error ?? CONNECTION_TEXT[connection]}
        </span>
      </header>
      <ul className={styles.legend} aria-label="Categories">
        {chart.categories.map((c) => (
          <li key={String(c.key)}>
            <span className={styles.swatch} style={{ background: c.color }} aria-hidden="true" />
            {c.label}
          </li>
        ))}
        <li>
          <span className={`${styles.swatch} ${styles.held}`} aria-hidden="true" />
          Held
        </li>
        <li>
          <span className={`${styles.swatch} ${styles.booked}`} aria-hidden="true" />
          Booked
        </li>
      </ul>
      <div className={styles.chart}>
        <SeatingChart chart={chart} state={state} live={live} />
      </div>
    </div>
  );
}
