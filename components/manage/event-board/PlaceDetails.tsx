'use client';

import { useEffect, useState } from 'react';
import { manageApi } from '../manage-api-client';
import styles from './event-board.module.css';
import type { StatusStyle } from './status-style';

type Details = { status: string; orderId: string | null; ticketType: string | null; holdExpiresAt: number | null; places?: Record<string, number> };

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * What the organiser's card adds about a place: its status by name, order id, ticket type, hold expiry, and a
 * standing area's places per status. Asked for when shown (and again after each change), so it is never stale.
 */
export function PlaceDetails({ eventKey, label, seq, style }: { eventKey: string; label: string; seq: number; style: StatusStyle }) {
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
  }, [eventKey, label, seq]);
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
