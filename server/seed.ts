import { storeChart, chartByKey } from './booking/charts';
import type { BookingContext } from './booking/context';
import { createEvents, eventByKey } from './booking/events';
import { importSeatsioChart } from './charts/import-seatsio-chart';
import { demoHall } from './charts/generate-venue';

const DEMO_CHART_KEY = 'demo-hall';
export const DEMO_EVENT_KEY = 'demo-concert';
const DEMO_PRICING = { currency: 'EUR', prices: { '1': 65, '2': 45, '3': 25 } };

/** Seeds chart `demo-hall` and event `demo-concert` into the default workspace unless they exist. */
export function seedDemo(booking: BookingContext, workspaceId: number): boolean {
  if (eventByKey(booking, workspaceId, DEMO_EVENT_KEY)) return false;
  if (!chartByKey(booking, workspaceId, DEMO_CHART_KEY)) {
    const imported = importSeatsioChart(demoHall());
    if (!imported.ok) throw new Error(`demo venue is invalid: ${JSON.stringify(imported.errors)}`);
    const stored = storeChart(booking, workspaceId, imported.chart, DEMO_CHART_KEY);
    if (!stored.ok) throw new Error('could not store the demo chart');
  }
  const created = createEvents(booking, workspaceId, DEMO_CHART_KEY, [{ key: DEMO_EVENT_KEY, name: 'Demo Concert', date: null, pricing: DEMO_PRICING }]);
  if (!created.ok) throw new Error(`could not create the demo event: ${created.reason}`);
  return true;
}
