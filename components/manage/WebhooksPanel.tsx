'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { WEBHOOK_EVENT_TYPES, type WebhookDelivery, type WebhookSubscription } from '../../contracts/webhooks';
import { FieldErrors } from './FieldErrors';
import styles from './manage.module.css';
import { manageApi } from './manage-api-client';

/*
 * The workspace's webhooks from the box office: add one (its signing secret shown once), send a test, disable or
 * enable, rotate the secret, delete, and read the latest deliveries with their attempts. The list comes from the
 * page; after each change the page is refreshed from the server.
 */

const EVENT_NAMES: Record<(typeof WEBHOOK_EVENT_TYPES)[number], string> = {
  'seat.held': 'places held',
  'seat.booked': 'places booked',
  'seat.released': 'places released',
  'seat.hold_expired': 'holds expired',
  'seat.status_changed': 'status changes',
  'event.created': 'events created',
  'event.updated': 'events updated',
  '*': 'all of these',
};

type Notice = { tone: 'error' | 'info'; text: string; secret?: string };

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' });

function Deliveries({ deliveries }: { deliveries: WebhookDelivery[] }) {
  if (!deliveries.length) return <p className={styles.empty}>Nothing sent yet.</p>;
  return (
    <ol className={styles.deliveries} aria-label="Latest deliveries">
      {deliveries.map((d) => {
        const last = d.attempts.at(-1);
        const attempts = `${d.attempts.length} ${d.attempts.length === 1 ? 'attempt' : 'attempts'}`;
        return (
          <li key={d.messageId}>
            <strong>{d.type}</strong> · <span data-delivery-status={d.status}>{d.status}</span> · {attempts}
            {last && `, last: ${last.responseStatus ?? last.error}`}
            {d.nextAttemptAt && `, next ${when(d.nextAttemptAt)}`}
            <small>
              {when(d.createdAt)} · {d.messageId}
            </small>
          </li>
        );
      })}
    </ol>
  );
}

function NewWebhookForm({ csrfToken, onCreated }: { csrfToken: string; onCreated: (created: WebhookSubscription) => void }) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<Set<string>>(new Set(['*']));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (type: string) =>
    setEvents((current) => {
      const next = new Set(current);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      return next;
    });
  const submit = async () => {
    setBusy(true);
    const body = { url: url.trim(), events: [...events], ...(description.trim() ? { description: description.trim() } : {}) };
    const outcome = await manageApi<WebhookSubscription>('/webhooks', body, csrfToken);
    setBusy(false);
    if (!outcome.ok) {
      setErrors(outcome.errors);
      setFailure(Object.keys(outcome.errors).length ? null : outcome.message);
      return;
    }
    setErrors({});
    setFailure(null);
    setUrl('');
    setDescription('');
    onCreated(outcome.value);
  };
  const invalid = (path: string) => (errors[path] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${path}-error` } : {});
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className={styles.field}>
        <label htmlFor={`${id}-url`}>Address (https)</label>
        <input
          id={`${id}-url`}
          type="url"
          required
          placeholder="https://shop.example.com/tessera-hooks"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          {...invalid('url')}
        />
        <FieldErrors id={`${id}-url-error`} messages={errors.url} />
      </div>
      <fieldset className={styles.fieldset} {...(errors.events ? { 'aria-describedby': `${id}-events-error` } : {})}>
        <legend>Messages to send</legend>
        <div className={styles.checks}>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type}>
              <input type="checkbox" checked={events.has(type)} onChange={() => toggle(type)} /> {EVENT_NAMES[type]}
            </label>
          ))}
        </div>
        <FieldErrors id={`${id}-events-error`} messages={errors.events} />
      </fieldset>
      <div className={styles.field}>
        <label htmlFor={`${id}-description`}>Description (optional)</label>
        <input id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} {...invalid('description')} />
        <FieldErrors id={`${id}-description-error`} messages={errors.description} />
      </div>
      {failure && (
        <p className={styles.error} role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className={styles.primary} disabled={busy || events.size === 0}>
        {busy ? 'Adding…' : 'Add webhook'}
      </button>
    </form>
  );
}

/** One subscription with its actions; deliveries open below it. */
function WebhookRow({ webhook, csrfToken, onChanged }: { webhook: WebhookSubscription; csrfToken: string; onChanged: (notice: Notice) => void }) {
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [confirm, setConfirm] = useState<'delete' | 'rotate' | null>(null);
  const path = `/webhooks/${encodeURIComponent(webhook.id)}`;
  const act = async (request: Promise<{ ok: true; value: unknown } | { ok: false; message: string }>, done: (value: unknown) => Notice) => {
    setConfirm(null);
    const outcome = await request;
    onChanged(outcome.ok ? done(outcome.value) : { tone: 'error', text: outcome.message });
  };
  const showDeliveries = async () => {
    if (deliveries) return setDeliveries(null);
    const outcome = await manageApi<{ items: WebhookDelivery[] }>(`${path}/deliveries`);
    if (outcome.ok) setDeliveries(outcome.value.items);
    else onChanged({ tone: 'error', text: outcome.message });
  };
  return (
    <li className={styles.webhook} data-webhook={webhook.id}>
      <div>
        <code>{webhook.url}</code>
        {webhook.description && <small>{webhook.description}</small>}
        <small>Sends: {webhook.events.map((e) => EVENT_NAMES[e as keyof typeof EVENT_NAMES] ?? e).join(', ')}</small>
        {webhook.enabled ? (
          <span className={styles.enabled}>Enabled</span>
        ) : (
          <span className={styles.disabled}>Disabled{webhook.disabledReason ? `: ${webhook.disabledReason}` : ''}</span>
        )}
      </div>
      <div className={styles.webhookActions}>
        <button
          type="button"
          className={styles.quiet}
          onClick={() => void act(manageApi(`${path}/test`, {}, csrfToken), () => ({ tone: 'info', text: `Test message queued for ${webhook.url}.` }))}
        >
          Send test
        </button>
        <button
          type="button"
          className={styles.quiet}
          onClick={() =>
            void act(manageApi(path, { enabled: !webhook.enabled }, csrfToken, 'PATCH'), () => ({
              tone: 'info',
              text: webhook.enabled ? `${webhook.url} disabled: nothing is sent to it.` : `${webhook.url} enabled: what it has not received goes out now.`,
            }))
          }
        >
          {webhook.enabled ? 'Disable' : 'Enable'}
        </button>
        <button type="button" className={styles.quiet} aria-expanded={deliveries !== null} onClick={() => void showDeliveries()}>
          Deliveries
        </button>
        <button type="button" className={styles.quiet} onClick={() => setConfirm('rotate')}>
          Rotate secret…
        </button>
        <button type="button" className={styles.quiet} onClick={() => setConfirm('delete')}>
          Delete…
        </button>
      </div>
      {confirm && (
        <span className={styles.confirm} role="group" aria-label={confirm === 'delete' ? 'Delete the webhook' : 'Rotate the signing secret'}>
          {confirm === 'delete'
            ? 'It stops at once, and what it has not received is dropped.'
            : 'For 24 hours messages are signed with both secrets; update the receiver within that time.'}
          <button
            type="button"
            className={styles.quiet}
            onClick={() =>
              confirm === 'delete'
                ? void act(manageApi(path, {}, csrfToken, 'DELETE'), () => ({ tone: 'info', text: `${webhook.url} deleted.` }))
                : void act(manageApi<WebhookSubscription>(`${path}/rotate-secret`, {}, csrfToken), (value) => ({
                    tone: 'info',
                    text: `New signing secret for ${webhook.url}, shown only now:`,
                    secret: (value as WebhookSubscription).secret!,
                  }))
            }
          >
            {confirm === 'delete' ? 'Delete now' : 'Rotate now'}
          </button>
          <button type="button" className={styles.quiet} onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </span>
      )}
      {deliveries && <Deliveries deliveries={deliveries} />}
    </li>
  );
}

export function WebhooksPanel({ webhooks, csrfToken }: { webhooks: WebhookSubscription[]; csrfToken: string }) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice | null>(null);
  const changed = (next: Notice) => {
    setNotice(next);
    router.refresh();
  };
  return (
    <div className={styles.webhooks}>
      {notice && (
        <div className={notice.tone === 'error' ? styles.error : styles.info} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
          {notice.secret && (
            <>
              {' '}
              <code data-testid="webhook-secret">{notice.secret}</code> Verify messages with it (Standard Webhooks).
            </>
          )}
        </div>
      )}
      {webhooks.length === 0 ? (
        <p className={styles.empty}>No webhooks yet: add one to tell your back office of every booking, release and expired hold.</p>
      ) : (
        <ul className={styles.webhookList}>
          {webhooks.map((webhook) => (
            <WebhookRow key={webhook.id} webhook={webhook} csrfToken={csrfToken} onChanged={changed} />
          ))}
        </ul>
      )}
      <section className={styles.card} aria-labelledby="new-webhook-heading">
        <h3 id="new-webhook-heading">Add a webhook</h3>
        <NewWebhookForm
          csrfToken={csrfToken}
          onCreated={(created) =>
            changed({ tone: 'info', text: `Webhook to ${created.url} added. Its signing secret, shown only now:`, secret: created.secret! })
          }
        />
      </section>
    </div>
  );
}
