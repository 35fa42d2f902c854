'use client';

import type { EventChartConfig } from '../../contracts/event-chart';
import { useChart } from '../seating-chart/use-chart';
import styles from './buyer-app.module.css';
import { BuyerApp, type BuyerAppProps } from './BuyerApp';

/** The buyer's page: the venue loads, then the live chart, the hold and checkout (BuyerApp). */
export function BuyerPage({ chartUrl, chartConfig, ...props }: Omit<BuyerAppProps, 'chart'> & { chartUrl: string; chartConfig?: EventChartConfig }) {
  const [loaded, retry] = useChart(chartUrl, chartConfig);
  if (loaded.state === 'ready') return <BuyerApp {...props} chart={loaded.chart} />;
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1>{props.eventName}</h1>
      </header>
      <main className={styles.loading}>
        {loaded.state === 'loading' ? (
          <p role="status">Loading the seating chart…</p>
        ) : (
          <div role="alert">
            The seating chart could not be loaded. Check your connection.
            <button type="button" onClick={retry}>
              Try again
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
