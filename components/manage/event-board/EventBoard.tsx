'use client';

import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { ChartDefinition, ChartObject } from '../../../contracts/chart';
import type { OrganiserEvent } from '../../../contracts/page-services';
import type { Pricing } from '../../../contracts/pricing';
import { BOOKED, FREE, HELD, NOT_FOR_SALE } from '../../../contracts/statuses';
import { placesOf } from '../../../contracts/tally';
import { priceBook } from '../../buyer/format';
import { SeatingChart } from '../../seating-chart/SeatingChart';
import { useChart } from '../../seating-chart/use-chart';
import { manageApi } from '../manage-api-client';
import { ActivityFeed } from './ActivityFeed';
import { BoxOfficeActions, type Selection } from './BoxOfficeActions';
import { Counts } from './Counts';
import styles from './event-board.module.css';
import type { BoardState } from './organiser-state';
import { PlaceDetails } from './PlaceDetails';
import { CustomStatusesEditor } from './CustomStatusesEditor';
import { statusOrder, statusStyle } from './status-style';
import { Timeline } from './Timeline';
import { useOrganiserStream } from './use-organiser-stream';

type Props = { event: OrganiserEvent; csrfToken: string };

const number = new Intl.NumberFormat('en-IE');
const CONNECTION_WORDS = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', failed: 'Not live' } as const;

/** An event at the box office: the venue loads, then the live board. */
export function EventBoard({ event, csrfToken }: Props) {
  const [loaded, retry] = useChart(event.chartUrl, event.chartConfig);
  if (loaded.state === 'ready') return <LiveBoard event={event} csrfToken={csrfToken} chart={loaded.chart} />;
  return (
    <main className={styles.loading}>
      {loaded.state === 'loading' ? (
        <p role="status">Loading the venue…</p>
      ) : (
        <div role="alert">
          The venue could not be loaded. Check your connection.
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
    </main>
  );
}

/** The places of one status: a standing area with as many as it has in that status. */
function placesInStatus(board: BoardState, chart: ChartDefinition, status: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const object of chart.objects) {
    if (!object.bookable) continue;
    const places = placesOf(object, board.objects.get(object.label)).find(([s]) => s === status)?.[1] ?? 0;
    if (places > 0) found.set(object.label, places);
  }
  return found;
}

function LiveBoard({ event, csrfToken, chart }: Props & { chart: ChartDefinition }) {
  // Saving settings re-renders the page with a new event object: the stream restarts only if the prices changed.
  const pricingJson = JSON.stringify(event.pricing ?? null);
  const pricing = useMemo(() => (JSON.parse(pricingJson) as Pricing | null) ?? undefined, [pricingJson]);
  const { board, connection, error } = useOrganiserStream(event.key, chart, pricing);
  const [selected, setSelected] = useState<Selection>(new Map());
  const [focus, setFocus] = useState<ChartObject | null>(null);
  const [search, setSearch] = useState('');
  const [searchNote, setSearchNote] = useState<string | null>(null);
  const byLabel = useMemo(() => new Map(chart.objects.filter((o) => o.bookable).map((o) => [o.label, o])), [chart]);
  const money = useMemo(() => (event.pricing ? priceBook(event.pricing) : null), [event.pricing]);
  const priceOf = money?.placePrice;
  const state = useMemo(() => (board ? { seq: board.seq, objects: board.objects } : null), [board]);
  const style = useMemo(() => statusStyle(event.customStatuses), [event.customStatuses]);
  // Custom statuses in use (some perhaps set through the API and not in the settings) and those the settings offer.
  const inUse = useMemo(() => Object.keys(board?.tally.byStatus ?? {}).filter((s) => ![FREE, HELD, BOOKED, NOT_FOR_SALE].includes(s)), [board?.tally.byStatus]);
  const statusColors = useMemo(
    () => new Map([BOOKED, ...inUse, ...event.customStatuses.map((s) => s.status)].map((s) => [s, style.colour(s)])),
    [inUse, event.customStatuses, style],
  );
  const objects = board?.objects;
  const organiser = useMemo(
    () => ({
      statusColors,
      cardDetails: (label: string) => <PlaceDetails eventKey={event.key} label={label} state={objects?.get(label)} style={style} />,
    }),
    [statusColors, event.key, objects, style],
  );

  const toggle = useCallback((object: ChartObject) => {
    setFocus(object);
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(object.label)) next.delete(object.label);
      else next.set(object.label, 1);
      return next;
    });
  }, []);
  const add = (labels: Iterable<[string, number]>) => setSelected((current) => new Map([...current, ...labels]));

  const row = focus?.parent?.type === 'row' ? chart.rows.find((r) => r.label === focus.parent!.label) : undefined;
  const onSearch = async (e: FormEvent) => {
    e.preventDefault();
    const q = search.trim();
    if (!q) return;
    const outcome = await manageApi<{ labels: string[]; truncated: boolean }>(`/events/${encodeURIComponent(event.key)}/search?q=${encodeURIComponent(q)}`);
    if (!outcome.ok) return setSearchNote(outcome.message);
    setSelected(new Map(outcome.value.labels.map((l) => [l, 1])));
    const n = outcome.value.labels.length;
    setSearchNote(
      n === 0 ? `Nothing matches “${q}”.` : `${n}${outcome.value.truncated ? '+' : ''} ${n === 1 ? 'place matches' : 'places match'} “${q}”: selected.`,
    );
  };

  const byStatus = board?.tally.byStatus ?? {};
  const statuses = Object.keys(byStatus).sort(statusOrder);
  return (
    <div className={styles.board}>
      <header className={styles.header}>
        <div>
          <a href="/manage" className={styles.back}>
            ← Box office
          </a>
          <h1>{event.name ?? event.key}</h1>
          <p className={styles.subtitle}>
            {event.date ?? 'No date'} · event key <code>{event.key}</code> · chart <code>{event.chartKey}</code>
          </p>
        </div>
        <div className={styles.headerActions}>
          <span className={styles.connection} data-connection={connection} role="status">
            {CONNECTION_WORDS[connection]}
          </span>
          <a href={`/api/manage/events/${encodeURIComponent(event.key)}/places.csv`} download>
            Places CSV
          </a>
          <a href={`/api/manage/events/${encodeURIComponent(event.key)}/status-changes.csv`} download>
            Changes CSV
          </a>
          <a href={`/events/${encodeURIComponent(event.key)}`} target="_blank" rel="noreferrer">
            Buyer page ↗
          </a>
        </div>
      </header>
      {error && (
        <p role="alert" className={styles.alert}>
          {error === 'Log in first' ? (
            <>
              Your session has ended. <a href="/manage/login">Log in again</a>.
            </>
          ) : (
            error
          )}
        </p>
      )}
      <main className={styles.main}>
        <section className={styles.stats} aria-label="Sales">
          <div data-testid="stat-booked">
            <span>Booked</span>
            <strong>{number.format(byStatus[BOOKED] ?? 0)}</strong>
          </div>
          <div data-testid="stat-held">
            <span>Held</span>
            <strong>{number.format(byStatus[HELD] ?? 0)}</strong>
          </div>
          <div data-testid="stat-free">
            <span>Free</span>
            <strong>{number.format(byStatus[FREE] ?? 0)}</strong>
          </div>
          <div>
            <span>Revenue</span>
            <strong>{money ? money.format(board?.tally.revenue ?? 0) : '—'}</strong>
          </div>
          <div>
            <span>Capacity</span>
            <strong>{number.format(board?.tally.total ?? 0)}</strong>
          </div>
        </section>

        <div className={styles.planArea}>
          <section className={styles.plan} aria-label="Floor plan">
            <div className={styles.toolbar}>
              <form onSubmit={onSearch} role="search">
                <label className={styles.visuallyHidden} htmlFor="place-search">
                  Search by label or order id
                </label>
                <input id="place-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Label or order id" maxLength={200} />
                <button type="submit">Find</button>
              </form>
              <div className={styles.chips} aria-label="Select by status">
                {board &&
                  statuses.map((status) => (
                    <button key={status} type="button" onClick={() => add(placesInStatus(board, chart, status))}>
                      <span
                        className={status === HELD ? styles.heldSwatch : styles.swatch}
                        style={status === HELD ? undefined : { background: style.colour(status) }}
                      />
                      Select {style.name(status).toLowerCase()} ({number.format(byStatus[status]!)})
                    </button>
                  ))}
                {row && (
                  <button type="button" onClick={() => add(row.seats.filter((l) => byLabel.has(l)).map((l) => [l, 1]))}>
                    Select row {focus?.section ? row.label.slice(focus.section.length + 1) : row.label}
                  </button>
                )}
                {focus?.section && (
                  <button type="button" onClick={() => add(chart.objects.filter((o) => o.bookable && o.section === focus.section).map((o) => [o.label, 1]))}>
                    Select all of {focus.section}
                  </button>
                )}
              </div>
              {searchNote && (
                <p role="status" className={styles.muted}>
                  {searchNote}
                </p>
              )}
            </div>
            <div className={styles.chart}>
              <SeatingChart
                chart={chart}
                state={state}
                live={connection === 'live'}
                selected={selected}
                priceOf={priceOf}
                onActivate={toggle}
                organiser={organiser}
              />
            </div>
          </section>
          <BoxOfficeActions
            eventKey={event.key}
            csrfToken={csrfToken}
            byLabel={byLabel}
            selected={selected}
            onSelect={setSelected}
            customStatuses={event.customStatuses}
          />
        </div>

        <div className={styles.columns}>
          <section aria-labelledby="counts-heading">
            <h2 id="counts-heading">Places</h2>
            {board && <Counts tally={board.tally} style={style} />}
          </section>
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Holds and bookings over time</h2>
            <Timeline points={board?.timeline ?? []} />
            <h2 id="activity-heading">Activity</h2>
            <ActivityFeed feed={board?.feed ?? []} style={style} />
          </section>
        </div>
        <CustomStatusesEditor eventKey={event.key} csrfToken={csrfToken} statuses={event.customStatuses} />
      </main>
    </div>
  );
}
