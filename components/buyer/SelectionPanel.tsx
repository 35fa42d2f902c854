'use client';

import { useId, useState } from 'react';
import type { ChartDefinition, ChartObject } from '../../contracts/chart';
import type { SalesSettings } from '../../contracts/sales';
import { placeFlags } from '../seating-chart/describe-object';
import { Legend } from '../seating-chart/Legend';
import styles from './buyer-app.module.css';
import { formatRemaining, type PriceBook } from './format';
import type { useHoldSession } from './use-hold-session';
import { useNow } from './use-now';

type Session = ReturnType<typeof useHoldSession>;

type Props = {
  chart: ChartDefinition;
  byLabel: Map<string, ChartObject>;
  prices: PriceBook;
  session: Session;
  stranded: string[];
  describe: (label: string) => string;
  live: boolean;
  /** Whether some places are off sale or in a status of the venue's own (the legend says so). */
  unavailable: boolean;
  booking: boolean;
  eventKey: string;
  sales: SalesSettings;
  /** The ticket type chosen per place (categories with several); the default where none is. */
  ticketTypes: ReadonlyMap<string, string>;
  onTicketType: (label: string, ticketType: string) => void;
  /** Reservation: books with the hold token. Handoff goes to the venue's checkout page instead. */
  onBook: () => void;
};

const LAST_MINUTE_MS = 60_000;

/** The side panel (a bottom sheet on phones): selected places, the hold countdown, best available and checkout. */
export function SelectionPanel({
  chart,
  byLabel,
  prices,
  session,
  stranded,
  describe,
  live,
  unavailable,
  booking,
  eventKey,
  sales,
  ticketTypes,
  onTicketType,
  onBook,
}: Props) {
  const now = useNow(session.expiresAt !== null);
  const detailsId = useId();
  const remaining = session.expiresAt !== null ? session.expiresAt - now : null;
  const order = [...byLabel.keys()];
  const items = [...session.selection]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([label, quantity]) => {
      const object = byLabel.get(label)!;
      const category = chart.categories.find((c) => String(c.key) === object.categoryKey);
      const types = prices.ticketTypes(object.categoryKey);
      const ticketType = ticketTypes.get(label) ?? types[0]?.ticketType;
      // Said before the buyer commits: a restricted view or a companion seat is not what a buyer assumes.
      const flags = placeFlags(object).filter((f) => f !== 'wheelchair accessible');
      return { label, quantity, category, types, ticketType, flags, amount: prices.amountOf(object, ticketType) };
    });
  const total = items.reduce((sum, i) => sum + (i.amount ?? 0) * i.quantity, 0);
  const places = items.reduce((n, i) => n + i.quantity, 0);
  const canBook = live && places > 0 && session.pending.size === 0 && stranded.length === 0 && !booking;
  // On a phone the sheet is one line (count, total, countdown) and the checkout button until the buyer opens it.
  const [expanded, setExpanded] = useState(false);

  return (
    <aside className={styles.panel} aria-label="Your selection" data-expanded={expanded}>
      <div className={styles.summary}>
        <button type="button" className={styles.sheetToggle} aria-expanded={expanded} aria-controls={detailsId} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Hide details' : 'Show details'}
        </button>
        <h2>
          {places ? `${places} ${places === 1 ? 'place' : 'places'}` : 'Choose your places'}
          {places > 0 && total > 0 && <span className={styles.total}> · {prices.format(total)}</span>}
        </h2>
        {remaining !== null && places > 0 && (
          <p className={remaining <= LAST_MINUTE_MS ? styles.countdownUrgent : styles.countdown} data-testid="countdown">
            Held for you for <strong>{formatRemaining(remaining)}</strong>
          </p>
        )}
      </div>

      {remaining !== null && remaining <= LAST_MINUTE_MS && places > 0 && (
        <div className={styles.warning} role="alert">
          Your hold ends in less than a minute.
          {!session.extended && (
            <button type="button" onClick={() => void session.extend()}>
              Need more time?
            </button>
          )}
        </div>
      )}

      {session.notice && (
        <div
          className={session.notice.tone === 'error' ? styles.error : session.notice.tone === 'warning' ? styles.warning : styles.info}
          role={session.notice.tone === 'info' ? 'status' : 'alert'}
        >
          {session.notice.text}
          <button type="button" className={styles.dismiss} onClick={() => session.setNotice(null)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}

      {items.length > 0 && (
        <ul className={`${styles.items} ${styles.details}`} id={detailsId} aria-label="Selected places">
          {items.map((item) => (
            <li key={item.label} data-pending={session.pending.has(item.label) ? 'true' : undefined}>
              <span>
                {describe(item.label)}
                {item.quantity > 1 ? ` × ${item.quantity}` : ''}
                <small>
                  {item.flags.length > 0 && <strong className={styles.flag}>{item.flags.join(', ')} · </strong>}
                  {item.category?.label}
                  {item.amount !== undefined ? ` · ${prices.format(item.amount * item.quantity)}` : ''}
                  {session.pending.has(item.label) ? ' · holding…' : ''}
                </small>
                {item.types.length > 1 && (
                  <select
                    className={styles.ticketType}
                    aria-label={`Ticket type for ${describe(item.label)}`}
                    value={item.ticketType}
                    onChange={(e) => onTicketType(item.label, e.target.value)}
                  >
                    {item.types.map((t) => (
                      <option key={t.ticketType} value={t.ticketType}>
                        {t.label ?? t.ticketType} · {prices.format(t.price)}
                      </option>
                    ))}
                  </select>
                )}
              </span>
              <button
                type="button"
                onClick={() => session.toggle(item.label)}
                aria-label={`Remove ${describe(item.label)}`}
                disabled={session.pending.has(item.label)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}

      {stranded.length > 0 && (
        <p className={styles.warning} role="alert">
          Please don’t leave a single seat empty: {stranded.map(describe).join('; ')} would be left alone. Add it or move your selection.
        </p>
      )}

      {sales.checkoutMode === 'reservation' ? (
        <button type="button" className={styles.book} disabled={!canBook} onClick={onBook}>
          {booking ? 'Booking…' : places ? `Book ${places} ${places === 1 ? 'place' : 'places'}${total ? ` for ${prices.format(total)}` : ''}` : 'Book'}
        </button>
      ) : sales.checkoutUrl ? (
        <HandoffForm
          url={sales.checkoutUrl}
          eventKey={eventKey}
          token={session.token}
          selection={session.selection}
          ticketTypes={Object.fromEntries(items.filter((i) => i.types.length > 1).map((i) => [i.label, i.ticketType!]))}
          disabled={!canBook}
        >
          {places ? `Continue to checkout${total ? ` · ${prices.format(total)}` : ''}` : 'Continue to checkout'}
        </HandoffForm>
      ) : (
        <p className={styles.warning} role="status">
          Checkout is not set up for this event yet. Your places stay held until the countdown ends.
        </p>
      )}

      <div className={`${styles.details} ${styles.group}`}>
        <BestAvailable chart={chart} prices={prices} disabled={!live} onFind={(n, categories) => void session.holdBest(n, categories)} />

        <Legend chart={chart} categoryPrice={prices.categoryPrice} unavailable={unavailable} />
      </div>
    </aside>
  );
}

/**
 * Handoff: a plain form POST to the venue's checkout page (as a payment page expects), carrying the hold token,
 * the event key, each held label as `objectLabels`, `quantities` (JSON) for general-admission areas and
 * `ticketTypes` (JSON, label → ticket type) where the buyer chose one. The venue's server books them after payment
 * with its secret key.
 */
function HandoffForm({
  url,
  eventKey,
  token,
  selection,
  ticketTypes,
  disabled,
  children,
}: {
  url: string;
  eventKey: string;
  token: string | null;
  selection: ReadonlyMap<string, number>;
  ticketTypes: Record<string, string>;
  disabled: boolean;
  children: string;
}) {
  const quantities = Object.fromEntries([...selection].filter(([, q]) => q > 1));
  return (
    <form method="post" action={url} className={styles.handoff}>
      <input type="hidden" name="holdToken" value={token ?? ''} />
      <input type="hidden" name="eventKey" value={eventKey} />
      {[...selection.keys()].map((label) => (
        <input key={label} type="hidden" name="objectLabels" value={label} />
      ))}
      {Object.keys(quantities).length > 0 && <input type="hidden" name="quantities" value={JSON.stringify(quantities)} />}
      {Object.keys(ticketTypes).length > 0 && <input type="hidden" name="ticketTypes" value={JSON.stringify(ticketTypes)} />}
      <button type="submit" className={styles.book} disabled={disabled || !token}>
        {children}
      </button>
    </form>
  );
}

function BestAvailable({
  chart,
  prices,
  disabled,
  onFind,
}: {
  chart: ChartDefinition;
  prices: PriceBook;
  disabled: boolean;
  onFind: (n: number, categories: string[]) => void;
}) {
  const [category, setCategory] = useState('');
  const [number, setNumber] = useState(2);
  const id = useId();
  return (
    <form
      className={styles.best}
      onSubmit={(e) => {
        e.preventDefault();
        onFind(number, category ? [category] : []);
      }}
    >
      <h3>Best available</h3>
      <div>
        <label htmlFor={`${id}-number`}>Seats</label>
        <select id={`${id}-number`} value={number} onChange={(e) => setNumber(Number(e.target.value))}>
          {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-category`}>Category</label>
        <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">Any</option>
          {chart.categories.map((c) => (
            <option key={String(c.key)} value={String(c.key)}>
              {c.label}
              {prices.categoryPrice(String(c.key)) ? ` (${prices.categoryPrice(String(c.key))})` : ''}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={disabled}>
        Find seats
      </button>
    </form>
  );
}
