'use client';

import { useCallback, useEffect, useState } from 'react';
import type { ChartDefinition } from '../../contracts/chart';

type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; chart: ChartDefinition };

/** The venue, fetched from its cacheable URL: the page's HTML stays small however large the venue. Null: not yet known. */
export function useChart(url: string | null): [Loaded, () => void] {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    if (url === null) return;
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
