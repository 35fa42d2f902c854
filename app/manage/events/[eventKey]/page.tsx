import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pageServices } from '../../../../contracts/page-services';
import { EventBoard } from '../../../../components/manage/event-board/EventBoard';
import { preloadChart } from '../../../../components/seating-chart/preload-chart';
import { requireOrganiser } from '../../session';

type Params = { params: Promise<{ eventKey: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const event = await pageServices().organiserEvent((await params).eventKey);
  return { title: `${event?.name ?? event?.key ?? 'Event'} · Box office · Tessera` };
}

/** One event at the box office: live counts, the plan with changes by hand, the timeline and the activity. */
export default async function ManageEvent({ params }: Params) {
  const { csrfToken } = await requireOrganiser();
  const event = await pageServices().organiserEvent((await params).eventKey);
  if (!event) notFound();
  preloadChart(event.chartUrl);
  return <EventBoard event={event} csrfToken={csrfToken} />;
}
