'use client';

import { useCallback, useEffect, useState } from 'react';
import type { ChartDefinition } from '../../contracts/chart';
import { eventChart, type EventChartConfig } from '../../contracts/event-chart';

type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; chart: ChartDefinition };

/**
 * The venue, fetched from its cacheable URL (the page's HTML stays small however large the venue), as the event has
 * it: with the event's chart config (table booking, categories) applied. Null: not yet known.
 */
export function useChart(url: string | null, config?: EventChartConfig): [Loaded, () => void] {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const configJson = JSON.stringify(config ?? {});
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    if (url === null) return;
    fetch(url)
      .then((res) => (res.ok ? (res.json() as Promise<ChartDefinition>) : Promise.reject(new Error(`chart: ${res.status}`))))
      .then((chart) => current && setLoaded({ state: 'ready', chart: eventChart(chart, JSON.parse(configJson) as EventChartConfig) }))
      .catch(() => current && setLoaded({ state: 'failed' }));
    return () => {
      current = false;
    };
  }, [url, attempt, configJson]);
  return [loaded, useCallback(() => setAttempt((n) => n + 1), [])];
}
