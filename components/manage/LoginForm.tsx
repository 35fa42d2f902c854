'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import styles from './manage.module.css';
import { manageApi } from './manage-api-client';

export function LoginForm() {
  const router = useRouter();
  const id = useId();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className={styles.form}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const outcome = await manageApi<{ csrfToken: string }>('/login', { password });
        setBusy(false);
        if (outcome.ok) return router.replace('/manage');
        setError(outcome.message);
        setPassword('');
      }}
    >
      <label htmlFor={`${id}-password`}>Password</label>
      <input id={`${id}-password`} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <button type="submit" className={styles.primary} disabled={busy}>
        {busy ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
