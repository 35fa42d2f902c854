'use client';

import { useState, type FormEvent } from 'react';
import type { ChartObject } from '../../../contracts/chart';
import type { CustomStatusSetting } from '../../../contracts/custom-statuses';
import type { OrganiserChangeReply, OrganiserChangeRequest, OrganiserStep } from '../../../contracts/manage-api';
import { manageApi } from '../manage-api-client';
import styles from './event-board.module.css';

export type Selection = ReadonlyMap<string, number>;

type Props = {
  eventKey: string;
  csrfToken: string;
  byLabel: ReadonlyMap<string, ChartObject>;
  selected: Selection;
  onSelect: (next: Selection) => void;
  /** The custom statuses the event's settings offer. */
  customStatuses: CustomStatusSetting[];
};

type Feedback = { kind: 'done' | 'error'; text: string; conflicts?: Record<string, string[]> };

const placesWord = (n: number) => `${n} ${n === 1 ? 'place' : 'places'}`;

/**
 * What the box office does with a selection: book it under an order id, set a custom status, release it, take it
 * off sale or put it back; and undo the last change. A refusal names each place it could not change and changes nothing.
 */
export function BoxOfficeActions({ eventKey, csrfToken, byLabel, selected, onSelect, customStatuses }: Props) {
  const [orderId, setOrderId] = useState('');
  const [picked, setStatus] = useState(customStatuses[0]?.status ?? '');
  // The settings may have changed since: a status no longer offered falls back to the first.
  const status = customStatuses.some((s) => s.status === picked) ? picked : (customStatuses[0]?.status ?? '');
  const statusLabel = customStatuses.find((s) => s.status === status)?.label ?? status;
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [undo, setUndo] = useState<{ request: OrganiserChangeRequest; what: string } | null>(null);

  const places = [...selected].map(([label, quantity]) => (byLabel.get(label)?.type === 'generalAdmission' ? { label, quantity } : { label }));
  const count = [...selected].reduce((n, [label, q]) => n + (byLabel.get(label)?.type === 'generalAdmission' ? q : 1), 0);

  async function run(request: OrganiserChangeRequest, done: string, isUndo = false) {
    setBusy(true);
    const outcome = await manageApi<OrganiserChangeReply>(`/events/${encodeURIComponent(eventKey)}/changes`, request, csrfToken);
    setBusy(false);
    if (!outcome.ok) {
      setFeedback({ kind: 'error', text: outcome.message, conflicts: outcome.status === 409 ? outcome.errors : undefined });
      return;
    }
    setFeedback({ kind: 'done', text: done });
    setUndo(isUndo || outcome.value.undo.steps.length === 0 ? null : { request: outcome.value.undo, what: done });
    if (!isUndo) onSelect(new Map());
  }

  const change = (step: OrganiserStep, done: string) => run({ steps: [step] }, done);

  const book = (e: FormEvent) => {
    e.preventDefault();
    void change({ action: 'book', places, orderId: orderId.trim() }, `Booked ${placesWord(count)} for order ${orderId.trim()}`);
  };
  const setCustom = (e: FormEvent) => {
    e.preventDefault();
    void change({ action: 'setStatus', places, status }, `Set ${placesWord(count)} to ${statusLabel}`);
  };

  const conflicting = feedback?.conflicts ? Object.keys(feedback.conflicts) : [];
  return (
    <section className={styles.actions} aria-labelledby="selection-heading">
      <h2 id="selection-heading">Selection</h2>
      {selected.size === 0 ? (
        <p className={styles.muted}>Click places on the plan, or select by status, row, section or search.</p>
      ) : (
        <>
          <p data-testid="selection-summary">
            <strong>{placesWord(count)}</strong> selected
            <button type="button" className={styles.linkButton} onClick={() => onSelect(new Map())}>
              Clear
            </button>
          </p>
          <ul className={styles.selectionList}>
            {[...selected].map(([label, quantity]) => (
              <li key={label}>
                {label}
                {byLabel.get(label)?.type === 'generalAdmission' && (
                  <label>
                    <span className={styles.visuallyHidden}>Places in {label}</span>
                    <input
                      type="number"
                      min={1}
                      max={byLabel.get(label)?.capacity}
                      value={quantity}
                      onChange={(e) => onSelect(new Map(selected).set(label, Math.max(1, Number(e.target.value) || 1)))}
                    />
                  </label>
                )}
              </li>
            ))}
          </ul>
          <form onSubmit={book} className={styles.actionForm}>
            <label>
              Order id
              <input value={orderId} onChange={(e) => setOrderId(e.target.value)} required maxLength={100} placeholder="e.g. BOX-1042" />
            </label>
            <button type="submit" disabled={busy}>
              Book
            </button>
          </form>
          {customStatuses.length > 0 ? (
            <form onSubmit={setCustom} className={styles.actionForm}>
              <label>
                Status
                <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
                  {customStatuses.map((s) => (
                    <option key={s.status} value={s.status}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" disabled={busy}>
                Set status
              </button>
            </form>
          ) : (
            <p className={styles.muted}>Add a status of your own (such as Blocked) under Statuses below to set it here.</p>
          )}
          <div className={styles.actionRow}>
            <button type="button" disabled={busy} onClick={() => void change({ action: 'release', places }, `Released ${placesWord(count)}`)}>
              Release
            </button>
            <button type="button" disabled={busy} onClick={() => void change({ action: 'markNotForSale', places }, `Took ${placesWord(count)} off sale`)}>
              Take off sale
            </button>
            <button type="button" disabled={busy} onClick={() => void change({ action: 'markForSale', places }, `Put ${placesWord(count)} on sale`)}>
              Put on sale
            </button>
          </div>
        </>
      )}
      {feedback && (
        <div role={feedback.kind === 'error' ? 'alert' : 'status'} className={feedback.kind === 'error' ? styles.error : styles.done}>
          <p>{feedback.text}</p>
          {conflicting.length > 0 && (
            <>
              <ul data-testid="conflicts">
                {conflicting.map((label) => (
                  <li key={label}>
                    <strong>{label}</strong> {feedback.conflicts![label]!.join('; ')}
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className={styles.linkButton}
                onClick={() => {
                  onSelect(new Map([...selected].filter(([label]) => !conflicting.includes(label))));
                  setFeedback(null);
                }}
              >
                Deselect these and try again
              </button>
            </>
          )}
        </div>
      )}
      {undo && (
        <button type="button" disabled={busy} onClick={() => void run(undo.request, `Undone: ${undo.what}`, true)}>
          Undo: {undo.what}
        </button>
      )}
    </section>
  );
}
