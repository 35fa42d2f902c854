import type { Booking } from './booking/booking';
import { demoHall } from './charts/generate-venue';

const DEMO_CHART_KEY = 'demo-hall';
export const DEMO_EVENT_KEY = 'demo-concert';
/** A reservation: the demo shows the whole buyer flow, booking included, without a payment page behind it. */
const DEMO_EVENT = {
  key: DEMO_EVENT_KEY,
  name: 'Demo Concert',
  pricing: { currency: 'EUR', prices: { '1': 65, '2': 45, '3': 25 } },
  sales: { checkoutMode: 'reservation' as const },
};

/** Seeds chart `demo-hall` and event `demo-concert` into the default workspace unless the event exists. */
export async function seedDemo(booking: Booking, workspaceId: number): Promise<boolean> {
  if (await booking.eventByKey(workspaceId, DEMO_EVENT_KEY)) return false;
  const result = (await booking.chartByKey(workspaceId, DEMO_CHART_KEY))
    ? await booking.createEvents(workspaceId, DEMO_CHART_KEY, [DEMO_EVENT])
    : await booking.importChart(workspaceId, demoHall(), { key: DEMO_CHART_KEY, events: [DEMO_EVENT] });
  if (!result.ok) throw new Error(`could not seed the demo venue: ${JSON.stringify(result)}`);
  return true;
}
