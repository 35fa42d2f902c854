'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type ReactNode } from 'react';
import type { ChartSummary } from '../../contracts/page-services';
import { DEFAULT_SALES_SETTINGS, type SalesSettings } from '../../contracts/sales';
import { FieldErrors } from './FieldErrors';
import styles from './manage.module.css';
import { manageApi } from './manage-api-client';

type TypeRow = { ticketType: string; price: string };

/** A price input: a number of cents' precision, with the decimal keypad on phones. */
const AMOUNT = { type: 'number', min: '0', step: '0.01', inputMode: 'decimal' } as const;

/** Create an event from a chart: its name and date, a price (or ticket types) per category, and how it sells. */
export function NewEventForm({ charts, csrfToken }: { charts: ChartSummary[]; csrfToken: string }) {
  const router = useRouter();
  const id = useId();
  const [chartKey, setChartKey] = useState(charts[0]?.key ?? '');
  const [fields, setFields] = useState({ key: '', name: '', date: '', currency: 'EUR' });
  const [prices, setPrices] = useState<Record<string, string>>({});
  // Categories sold at several ticket types (adult, child…): their rows, in order; the first is the default.
  const [types, setTypes] = useState<Record<string, TypeRow[]>>({});
  const [sales, setSales] = useState<SalesSettings>(DEFAULT_SALES_SETTINGS);
  const [result, setResult] = useState<{ tone: 'error' | 'info'; text: string; errors: Record<string, string[]> } | null>(null);
  const [busy, setBusy] = useState(false);
  const chart = charts.find((c) => c.key === chartKey);
  const errors = result?.errors ?? {};

  /** A labelled input with the server's complaints about it. */
  const field = (path: string, label: string, input: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode) => (
    <div className={styles.field}>
      <label htmlFor={`${id}-${path}`}>{label}</label>
      {input({ id: `${id}-${path}`, ...(errors[path] ? { 'aria-describedby': `${id}-${path}-error`, 'aria-invalid': true } : {}) })}
      <FieldErrors id={`${id}-${path}-error`} messages={errors[path]} />
    </div>
  );

  const submit = async () => {
    setBusy(true);
    const filled: [string, unknown][] = Object.entries(prices)
      .filter(([k, v]) => v.trim() !== '' && !types[k]?.length)
      .map(([k, v]) => [k, Number(v)]);
    for (const [k, rows] of Object.entries(types)) {
      if (rows.length)
        filled.push([k, { ticketTypes: rows.map((r) => ({ ticketType: r.ticketType.trim(), price: r.price.trim() === '' ? NaN : Number(r.price) })) }]);
    }
    const body = {
      chartKey,
      ...(fields.key.trim() ? { key: fields.key.trim() } : {}),
      ...(fields.name.trim() ? { name: fields.name.trim() } : {}),
      ...(fields.date ? { date: fields.date } : {}),
      ...(filled.length ? { pricing: { currency: fields.currency.trim().toUpperCase(), prices: Object.fromEntries(filled) } } : {}),
      salesSettings: sales,
    };
    const outcome = await manageApi<{ key: string }>('/events', body, csrfToken);
    setBusy(false);
    if (!outcome.ok) return setResult({ tone: 'error', text: outcome.message, errors: outcome.errors });
    setResult({ tone: 'info', text: `Event ${outcome.value.key} created.`, errors: {} });
    setFields((f) => ({ ...f, key: '', name: '', date: '' }));
    router.refresh();
  };

  if (!charts.length) return <p className={styles.empty}>Import a chart first: events are created from charts.</p>;
  return (
    <form
      className={styles.form}
      aria-label="New event"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {field('chartKey', 'Chart', (props) => (
        <select {...props} value={chartKey} onChange={(e) => setChartKey(e.target.value)}>
          {charts.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name} ({c.key})
            </option>
          ))}
        </select>
      ))}
      <div className={styles.row}>
        {field('name', 'Name', (props) => (
          <input {...props} value={fields.name} onChange={(e) => setFields({ ...fields, name: e.target.value })} />
        ))}
        {field('date', 'Date', (props) => (
          <input {...props} type="date" value={fields.date} onChange={(e) => setFields({ ...fields, date: e.target.value })} />
        ))}
      </div>
      {field('key', 'Key (optional: one is made up)', (props) => (
        <input {...props} value={fields.key} onChange={(e) => setFields({ ...fields, key: e.target.value })} />
      ))}
      <fieldset className={styles.fieldset}>
        <legend>Prices</legend>
        {field('pricing.currency', 'Currency', (props) => (
          <input {...props} value={fields.currency} maxLength={3} size={4} onChange={(e) => setFields({ ...fields, currency: e.target.value })} />
        ))}
        {chart?.categories.map((category) => {
          const rows = types[category.key] ?? [];
          const setRows = (next: TypeRow[]) => setTypes({ ...types, [category.key]: next });
          const path = `pricing.prices.${category.key}`;
          return (
            <div key={category.key} className={styles.categoryPrices}>
              {rows.length === 0 ? (
                field(path, category.label, (props) => (
                  <input {...props} {...AMOUNT} value={prices[category.key] ?? ''} onChange={(e) => setPrices({ ...prices, [category.key]: e.target.value })} />
                ))
              ) : (
                <fieldset className={styles.ticketTypes}>
                  <legend>{category.label}: ticket types (the first is the default)</legend>
                  {rows.map((row, i) => (
                    <div className={styles.row} key={i}>
                      {field(`${path}.ticketTypes[${i}].ticketType`, `Ticket type ${i + 1}`, (props) => (
                        <input
                          {...props}
                          value={row.ticketType}
                          placeholder={i === 0 ? 'adult' : 'child'}
                          onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, ticketType: e.target.value } : r)))}
                        />
                      ))}
                      {field(`${path}.ticketTypes[${i}].price`, 'Price', (props) => (
                        <input
                          {...props}
                          {...AMOUNT}
                          value={row.price}
                          onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, price: e.target.value } : r)))}
                        />
                      ))}
                      <button
                        type="button"
                        className={styles.quiet}
                        aria-label={`Remove ticket type ${i + 1} of ${category.label}`}
                        onClick={() => setRows(rows.filter((_, j) => j !== i))}
                      >
                        Remove
                      </button>
                    </div>
                  ))}
                  <FieldErrors id={`${id}-${path}-types-error`} messages={errors[`${path}.ticketTypes`] ?? errors[path]} />
                </fieldset>
              )}
              <button
                type="button"
                className={styles.quiet}
                onClick={() => setRows([...(rows.length ? rows : [{ ticketType: '', price: prices[category.key] ?? '' }]), { ticketType: '', price: '' }])}
              >
                {rows.length ? 'Add a ticket type' : `Sell ${category.label} at ticket types`}
              </button>
            </div>
          );
        })}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>Sales</legend>
        {field('salesSettings.checkoutMode', 'Checkout', (props) => (
          <select {...props} value={sales.checkoutMode} onChange={(e) => setSales({ ...sales, checkoutMode: e.target.value as SalesSettings['checkoutMode'] })}>
            <option value="handoff">Handoff: buyers pay on your checkout page</option>
            <option value="reservation">Reservation: buyers book without paying here</option>
          </select>
        ))}
        {sales.checkoutMode === 'handoff' &&
          field('salesSettings.checkoutUrl', 'Checkout page URL', (props) => (
            <input
              {...props}
              type="url"
              placeholder="https://tickets.example.com/checkout"
              value={sales.checkoutUrl ?? ''}
              onChange={(e) => setSales({ ...sales, checkoutUrl: e.target.value.trim() || null })}
            />
          ))}
        <div className={styles.row}>
          {field('salesSettings.maxPlacesPerOrder', 'Places per order', (props) => (
            <input
              {...props}
              type="number"
              min="1"
              max="100"
              value={sales.maxPlacesPerOrder}
              onChange={(e) => setSales({ ...sales, maxPlacesPerOrder: Number(e.target.value) })}
            />
          ))}
          {field('salesSettings.holdMinutes', 'Hold (minutes)', (props) => (
            <input
              {...props}
              type="number"
              min="1"
              max="120"
              value={sales.holdMinutes}
              onChange={(e) => setSales({ ...sales, holdMinutes: Number(e.target.value) })}
            />
          ))}
          {field('salesSettings.maxHoldMinutes', 'With extensions', (props) => (
            <input
              {...props}
              type="number"
              min="1"
              max="120"
              value={sales.maxHoldMinutes}
              onChange={(e) => setSales({ ...sales, maxHoldMinutes: Number(e.target.value) })}
            />
          ))}
        </div>
      </fieldset>
      {result && (
        <p className={result.tone === 'error' ? styles.error : styles.info} role={result.tone === 'error' ? 'alert' : 'status'}>
          {result.text}
        </p>
      )}
      <button type="submit" className={styles.primary} disabled={busy}>
        {busy ? 'Creating…' : 'Create event'}
      </button>
    </form>
  );
}
