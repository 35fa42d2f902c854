'use client';

import { useCallback, useEffect, useState } from 'react';
import type { ChartDefinition } from '../../contracts/chart';
import styles from './buyer-app.module.css';
import { BuyerApp, type BuyerAppProps } from './BuyerApp';

type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; chart: ChartDefinition };

/** The venue, fetched from its cacheable URL: the page's HTML stays small however large the venue. */
function useChart(url: string): [Loaded, () => void] {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    fetch(url)
      .then((res) => (res.ok ? (res.json() as Promise<ChartDefinition>) : Promise.reject(new Error(`chart: ${res.status}`))))
      .then((chart) => current && setLoaded({ state: 'ready', chart }))
      .catch(() => current && setLoaded({ state: 'failed' }));
    return () => {
      current = false;
    };
  }, [url, attempt]);
  return [loaded, useCallback(() => setAttempt((n) => n + 1), [])];
}

/** The buyer's page: the venue loads, then the live chart, the hold and checkout (BuyerApp). */
export function BuyerPage({ chartUrl, ...props }: Omit<BuyerAppProps, 'chart'> & { chartUrl: string }) {
  const [loaded, retry] = useChart(chartUrl);
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
