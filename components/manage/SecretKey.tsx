'use client';

import { useState } from 'react';
import styles from './manage.module.css';
import { manageApi } from './manage-api-client';

/**
 * The workspace's secret key, masked until the organiser asks to see it; and rotating it, after saying what that
 * does, for when it has leaked.
 */
export function SecretKey({ start, csrfToken }: { start: string; csrfToken: string }) {
  const [key, setKey] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const call = async (path: string, done?: string) => {
    const outcome = await manageApi<{ secretKey: string }>(path, {}, csrfToken);
    if (outcome.ok) {
      setKey(outcome.value.secretKey);
      if (done) setMessage({ tone: 'info', text: done });
    } else setMessage({ tone: 'error', text: outcome.message });
  };
  return (
    <span className={styles.secret}>
      <code data-testid="secret-key">{key ?? `${start}••••••••••••`}</code>
      {key === null && (
        <button type="button" className={styles.quiet} onClick={() => void call('/workspace/reveal-secret-key')}>
          Reveal
        </button>
      )}
      {confirming ? (
        <span className={styles.confirm} role="group" aria-label="Rotate the secret key">
          Integrations using the current key stop working at once.
          <button
            type="button"
            className={styles.quiet}
            onClick={() => {
              setConfirming(false);
              void call('/workspace/rotate-secret-key', 'A new secret key is in place: update your integrations with it.');
            }}
          >
            Rotate now
          </button>
          <button type="button" className={styles.quiet} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className={styles.quiet} onClick={() => setConfirming(true)}>
          Rotate…
        </button>
      )}
      {message && (
        <span className={message.tone === 'error' ? styles.error : styles.info} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
    </span>
  );
}
