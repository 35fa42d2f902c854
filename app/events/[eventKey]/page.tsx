import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { EventChart } from '../../../components/seating-chart/EventChart';
import { eventByKey } from '../../../server/booking/events';
import { findEvent } from '../../../server/booking/event-state';
import { getRegistry } from '../../../server/registry';

export default async function EventPage({ params }: { params: Promise<{ eventKey: string }> }) {
  await connection();
  const { eventKey } = await params;
  const { booking } = getRegistry();
  const handle = findEvent(booking, eventKey, null);
  if (!handle) notFound();
  const event = eventByKey(booking, handle.workspaceId, eventKey)!;
  return <EventChart eventKey={eventKey} eventName={event.name ?? eventKey} chart={handle.chart.definition} />;
}
