'use client';

import { useState } from 'react';
import styles from './manage.module.css';
import { manageApi } from './manage-api-client';

/** The workspace's secret key, masked until the organiser asks to see it. */
export function SecretKey({ start, csrfToken }: { start: string; csrfToken: string }) {
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className={styles.secret}>
      <code data-testid="secret-key">{key ?? `${start}••••••••••••`}</code>
      {key === null && (
        <button
          type="button"
          className={styles.quiet}
          onClick={async () => {
            const outcome = await manageApi<{ secretKey: string }>('/workspace/reveal-secret-key', {}, csrfToken);
            if (outcome.ok) setKey(outcome.value.secretKey);
            else setError(outcome.message);
          }}
        >
          Reveal
        </button>
      )}
      {error && (
        <span className={styles.error} role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
