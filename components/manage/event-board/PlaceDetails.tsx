'use client';

import { useEffect, useState } from 'react';
import type { OrganiserObject } from '../../../contracts/realtime';
import { manageApi } from '../manage-api-client';
import styles from './event-board.module.css';
import type { StatusStyle } from './status-style';

type Details = { status: string; orderId: string | null; ticketType: string | null; holdExpiresAt: number | null; places?: Record<string, number> };

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * What the organiser's card adds about a place: its status by name, order id, ticket type, hold expiry, and a
 * standing area's places per status. Asked for when shown, and again when the place changes, so it is never stale.
 */
export function PlaceDetails({
  eventKey,
  label,
  state,
  style,
}: {
  eventKey: string;
  label: string;
  /** The place as the live view has it: a change to it (and only to it) asks again. */
  state: OrganiserObject | undefined;
  style: StatusStyle;
}) {
  const [details, setDetails] = useState<Details | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void manageApi<Details>(`/events/${encodeURIComponent(eventKey)}/places/${encodeURIComponent(label)}`).then(
        (outcome) => current && setDetails(outcome.ok ? outcome.value : null),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [eventKey, label, state]);
  if (!details) return null;
  return (
    <span className={styles.cardDetails} data-testid="place-details">
      {details.places ? (
        Object.entries(details.places).map(([status, n]) => <span key={status}>{`${style.name(status)}: ${n}`}</span>)
      ) : (
        <span>Status: {style.name(details.status)}</span>
      )}
      {details.orderId && <span>Order {details.orderId}</span>}
      {details.ticketType && <span>Ticket type {details.ticketType}</span>}
      {details.holdExpiresAt && <span>Hold ends {clock.format(details.holdExpiresAt)}</span>}
    </span>
  );
}
