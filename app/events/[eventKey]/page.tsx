import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { publicAddress } from '../../../contracts/buyer-api';
import { pageServices } from '../../../contracts/page-services';
import { BuyerPage } from '../../../components/buyer/BuyerPage';
import { preloadChart } from '../../../components/seating-chart/preload-chart';

type Query = { holdSeconds?: string; channels?: string; workspaceKey?: string };
type Props = { params: Promise<{ eventKey: string }>; searchParams: Promise<Query> };

/** What the page calls an event the venue did not name. */
const UNNAMED_EVENT = 'Choose your seats';

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const event = await pageServices().publicEvent(publicAddress((await params).eventKey, (await searchParams).workspaceKey));
  return { title: event ? `${event.name ?? UNNAMED_EVENT} · Tickets` : 'Event not found' };
}

export default async function EventPage({ params, searchParams }: Props) {
  const { eventKey } = await params;
  const query = await searchParams;
  const address = publicAddress(eventKey, query.workspaceKey);
  const event = await pageServices().publicEvent(address);
  if (!event) notFound();
  preloadChart(event.chartUrl);
  // A shorter hold for tests and demos; a buyer can only shorten their own hold with it.
  const holdSeconds = Number(query.holdSeconds);
  // The sales channels this address sells (`?channels=key1,key2`, NO_CHANNEL for places in none), as chart.js's `channels`.
  const channels = typeof query.channels === 'string' ? query.channels.split(',').filter(Boolean).slice(0, 20) : [];
  return (
    <BuyerPage
      eventKey={eventKey}
      {...(address.workspaceKey ? { workspaceKey: address.workspaceKey } : {})}
      eventName={event.name ?? UNNAMED_EVENT}
      chartUrl={event.chartUrl}
      {...(event.chartConfig ? { chartConfig: event.chartConfig } : {})}
      {...(event.pricing ? { pricing: event.pricing } : {})}
      sales={event.sales}
      {...(event.inChannels ? { inChannels: event.inChannels } : {})}
      {...(channels.length ? { channels } : {})}
      {...(Number.isInteger(holdSeconds) && holdSeconds > 0 && holdSeconds <= 900 ? { holdSeconds } : {})}
    />
  );
}
