import type { Metadata } from 'next';
import Link from 'next/link';
import { pageServices, type EventSummary } from '../../contracts/page-services';
import { ImportChartForm } from '../../components/manage/ImportChartForm';
import { priceBook } from '../../components/buyer/format';
import { LiveOverview } from '../../components/manage/LiveOverview';
import { LogoutButton } from '../../components/manage/LogoutButton';
import { NewEventForm } from '../../components/manage/NewEventForm';
import styles from '../../components/manage/manage.module.css';
import { SecretKey } from '../../components/manage/SecretKey';
import { WebhooksPanel } from '../../components/manage/WebhooksPanel';
import { requireOrganiser } from './session';

export const metadata: Metadata = { title: 'Box office · Tessera' };

const number = new Intl.NumberFormat('en-IE');

function money(amount: number, currency: string | null): string {
  return currency ? priceBook({ currency, prices: {} }).format(amount) : '—';
}

/** Booked, held, other taken and free places as one bar, with the numbers beside it. */
function PlacesBar({ counts }: { counts: EventSummary['counts'] }) {
  const share = (n: number) => `${counts.total ? (n / counts.total) * 100 : 0}%`;
  return (
    <div className={styles.places}>
      <div className={styles.bar} aria-hidden="true">
        <span className={styles.booked} style={{ width: share(counts.booked) }} />
        <span className={styles.held} style={{ width: share(counts.held) }} />
        <span className={styles.other} style={{ width: share(counts.other + counts.notForSale) }} />
      </div>
      <span>
        <strong>{number.format(counts.booked)}</strong> sold · {number.format(counts.held)} held · {number.format(counts.free)} free
        {counts.other + counts.notForSale > 0 && ` · ${number.format(counts.other + counts.notForSale)} blocked`}
        <small> of {number.format(counts.total)}</small>
      </span>
    </div>
  );
}

/** The organisers' home: every event with its sales, the charts, the webhooks, and the workspace's API keys. */
export default async function ManageHome() {
  const { csrfToken } = await requireOrganiser();
  const { events, charts, workspace, webhooks } = await pageServices().organiserHome();
  const disabledByTessera = webhooks.filter((w) => !w.enabled && w.disabledReason);
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1>Box office</h1>
        <span className={styles.headerActions}>
          <LiveOverview />
          <LogoutButton csrfToken={csrfToken} />
        </span>
      </header>
      <main className={styles.main}>
        {disabledByTessera.map((w) => (
          <p key={w.id} role="alert" className={styles.alert}>
            Webhook to <code>{w.url}</code> was disabled. {w.disabledReason} <a href="#webhooks-heading">Review webhooks</a>
          </p>
        ))}
        <section aria-labelledby="events-heading">
          <h2 id="events-heading">Events</h2>
          {events.length === 0 ? (
            <p className={styles.empty}>No events yet. Create one from a chart below.</p>
          ) : (
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Date</th>
                  <th scope="col">Places</th>
                  <th scope="col" className={styles.number}>
                    Booked revenue
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.key} data-event={event.key}>
                    <th scope="row">
                      <Link href={`/manage/events/${encodeURIComponent(event.key)}`}>{event.name ?? <em>Untitled event</em>}</Link>
                      <small>
                        {event.key} · chart {event.chartKey} · <Link href={`/events/${encodeURIComponent(event.key)}`}>buyer page</Link>
                      </small>
                    </th>
                    <td>{event.date ?? '—'}</td>
                    <td>
                      <PlacesBar counts={event.counts} />
                    </td>
                    <td className={styles.number}>{money(event.revenue, event.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="charts-heading">
          <h2 id="charts-heading">Charts</h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Chart</th>
                <th scope="col" className={styles.number}>
                  Places
                </th>
                <th scope="col" className={styles.number}>
                  Events
                </th>
              </tr>
            </thead>
            <tbody>
              {charts.map((chart) => (
                <tr key={chart.key}>
                  <th scope="row">
                    {chart.name}
                    <small>{chart.key}</small>
                  </th>
                  <td className={styles.number}>{number.format(chart.places)}</td>
                  <td className={styles.number}>{chart.events}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <div className={styles.tools}>
          <section className={styles.card} aria-labelledby="new-event-heading">
            <h2 id="new-event-heading">New event</h2>
            <NewEventForm charts={charts} csrfToken={csrfToken} />
          </section>
          <section className={styles.card} aria-labelledby="import-heading">
            <h2 id="import-heading">Import a chart</h2>
            <ImportChartForm csrfToken={csrfToken} />
          </section>
        </div>
        <section aria-labelledby="webhooks-heading">
          <h2 id="webhooks-heading">Webhooks</h2>
          <WebhooksPanel webhooks={webhooks} csrfToken={csrfToken} />
        </section>
        <section aria-labelledby="keys-heading">
          <h2 id="keys-heading">API keys</h2>
          <dl className={styles.keys}>
            <dt>Workspace public key</dt>
            <dd>
              <code>{workspace.key}</code>
            </dd>
            <dt>Secret key</dt>
            <dd>
              <SecretKey start={workspace.secretKeyStart} csrfToken={csrfToken} />
            </dd>
          </dl>
        </section>
      </main>
    </div>
  );
}
