import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { BuyerApp } from '../../../components/buyer/BuyerApp';
import { eventByKey } from '../../../server/booking/events';
import { findEvent } from '../../../server/booking/event-state';
import { parsePricing } from '../../../server/booking/pricing';
import { getRegistry } from '../../../server/registry';

type Props = { params: Promise<{ eventKey: string }>; searchParams: Promise<{ holdSeconds?: string }> };

export default async function EventPage({ params, searchParams }: Props) {
  await connection();
  const { eventKey } = await params;
  const { booking } = getRegistry();
  const handle = findEvent(booking, eventKey, null);
  if (!handle) notFound();
  const event = eventByKey(booking, handle.workspaceId, eventKey)!;
  // A shorter hold for tests and demos; a buyer can only shorten their own hold with it.
  const holdSeconds = Number((await searchParams).holdSeconds);
  const pricing = parsePricing(event.pricing);
  return (
    <BuyerApp
      eventKey={eventKey}
      eventName={event.name ?? eventKey}
      chart={handle.chart.definition}
      {...(pricing ? { pricing } : {})}
      {...(Number.isInteger(holdSeconds) && holdSeconds > 0 && holdSeconds <= 900 ? { holdSeconds } : {})}
    />
  );
}
