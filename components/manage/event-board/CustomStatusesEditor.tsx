'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { CustomStatusSetting } from '../../../contracts/custom-statuses';
import { FieldErrors } from '../FieldErrors';
import { manageApi } from '../manage-api-client';
import styles from './event-board.module.css';

/**
 * The event's own statuses: what the box office can set (Blocked, House seats…), with the name the legend shows and
 * the colour on the plan. Saved to the event's settings; places already in a status keep it when it is removed.
 */
export function CustomStatusesEditor({ eventKey, csrfToken, statuses }: { eventKey: string; csrfToken: string; statuses: CustomStatusSetting[] }) {
  const router = useRouter();
  const id = useId();
  const [rows, setRows] = useState(statuses);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; errors: Record<string, string[]> } | null>(null);
  const errors = result?.errors ?? {};
  const set = (i: number, patch: Partial<CustomStatusSetting>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const outcome = await manageApi(`/events/${encodeURIComponent(eventKey)}/settings`, { customStatuses: rows }, csrfToken);
    setBusy(false);
    if (!outcome.ok) return setResult({ ok: false, text: outcome.message, errors: outcome.errors });
    setResult({ ok: true, text: 'Statuses saved.', errors: {} });
    router.refresh();
  };

  const input = (i: number, field: keyof CustomStatusSetting, label: string, props: Record<string, unknown> = {}) => {
    const path = `customStatuses[${i}].${field}`;
    return (
      <label className={styles.statusField}>
        {label}
        <input
          value={rows[i]![field]}
          onChange={(e) => set(i, { [field]: e.target.value })}
          aria-invalid={errors[path] ? true : undefined}
          aria-describedby={errors[path] ? `${id}-${path}` : undefined}
          {...props}
        />
        <FieldErrors id={`${id}-${path}`} messages={errors[path]} />
      </label>
    );
  };

  return (
    <section className={styles.settings} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Statuses</h2>
      <p className={styles.muted}>Statuses of your own that the box office can set on places. Buyers see such places as unavailable.</p>
      <form onSubmit={save}>
        {rows.map((row, i) => (
          <div key={i} className={styles.statusRow}>
            {input(i, 'label', 'Name', { required: true, maxLength: 50 })}
            {input(i, 'status', 'Key', { required: true, maxLength: 50, pattern: '[A-Za-z][\\w\\-]*' })}
            {input(i, 'color', 'Colour', { type: 'color' })}
            <button
              type="button"
              className={styles.quiet}
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
              aria-label={`Remove ${row.label || 'status'}`}
            >
              Remove
            </button>
          </div>
        ))}
        <FieldErrors id={`${id}-list`} messages={errors.customStatuses} />
        <div className={styles.settingsActions}>
          <button type="button" className={styles.quiet} onClick={() => setRows([...rows, { status: '', label: '', color: '#0d9488' }])}>
            Add a status
          </button>
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save statuses'}
          </button>
        </div>
        {result && (
          <p role={result.ok ? 'status' : 'alert'} className={result.ok ? styles.done : styles.error}>
            {result.text}
          </p>
        )}
      </form>
    </section>
  );
}
