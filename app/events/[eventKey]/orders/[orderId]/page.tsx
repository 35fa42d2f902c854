import Link from 'next/link';
import { notFound } from 'next/navigation';
import { eventPagePath, publicAddress } from '../../../../../contracts/buyer-api';
import { pageServices } from '../../../../../contracts/page-services';
import { priceBook } from '../../../../../components/buyer/format';
import { placeFlags, placeName } from '../../../../../components/seating-chart/describe-object';
import styles from './order.module.css';

type Props = { params: Promise<{ eventKey: string; orderId: string }>; searchParams: Promise<{ access?: string; workspaceKey?: string }> };

/** The confirmation a buyer sees after checkout. */
export default async function OrderPage({ params, searchParams }: Props) {
  const { eventKey, orderId } = await params;
  const { access, workspaceKey } = await searchParams;
  const address = publicAddress(eventKey, workspaceKey);
  // Only with the access key of the booking's confirmation URL: an order id alone shows nothing.
  const order = await pageServices().order(address, orderId, access ?? '');
  if (!order) notFound();
  const { event, chart, places } = order;
  const prices = priceBook(event.pricing);
  const byLabel = new Map(chart.objects.map((o) => [o.label, o]));
  const lines = places.map(({ label, quantity, ticketType }) => {
    const object = byLabel.get(label)!;
    const category = chart.categories.find((c) => String(c.key) === object.categoryKey);
    const type = prices.ticketTypes(object.categoryKey).find((t) => t.ticketType === ticketType);
    // A restricted view or a companion seat stays said on the confirmation, as it was at checkout.
    const kind = [category?.label, type && (type.label ?? type.ticketType), ...placeFlags(object)].filter(Boolean).join(' · ');
    return { label, quantity, name: placeName(object), kind, amount: (prices.amountOf(object, ticketType) ?? 0) * quantity };
  });
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  return (
    <main className={styles.page}>
      <p className={styles.kicker}>Booking confirmed</p>
      <h1>{event.name ?? eventKey}</h1>
      <p>
        Order <strong data-testid="order-id">{orderId}</strong>
      </p>
      <ul className={styles.lines} aria-label="Booked places">
        {lines.map((l) => (
          <li key={l.label}>
            <span>
              {l.name.replace(/^./, (c) => c.toUpperCase())}
              {l.quantity > 1 ? ` × ${l.quantity}` : ''}
              {l.kind && <small>{l.kind}</small>}
            </span>
            {l.amount > 0 && <span>{prices.format(l.amount)}</span>}
          </li>
        ))}
      </ul>
      {total > 0 && (
        <p className={styles.total}>
          Total <strong>{prices.format(total)}</strong>
        </p>
      )}
      <Link href={eventPagePath(address)}>Back to the seating chart</Link>
    </main>
  );
}
