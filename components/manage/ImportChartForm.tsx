'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import styles from './manage.module.css';
import { manageApi } from './manage-api-client';

/** Import a seats.io chart file; what is wrong with it is listed field by field. */
export function ImportChartForm({ csrfToken }: { csrfToken: string }) {
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [result, setResult] = useState<{ tone: 'error' | 'info'; text: string; details: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setBusy(false);
      return setResult({ tone: 'error', text: `${file.name} is not a JSON file.`, details: [] });
    }
    const outcome = await manageApi<{ key: string; name: string }>('/charts', { file: parsed, ...(key.trim() ? { key: key.trim() } : {}) }, csrfToken);
    setBusy(false);
    if (!outcome.ok) {
      const details = Object.entries(outcome.errors).map(([path, messages]) => `${path.replace(/^file\./, '')}: ${messages.join(' ')}`);
      return setResult({ tone: 'error', text: outcome.status === 400 ? `${file.name} is not a valid chart:` : outcome.message, details });
    }
    setResult({ tone: 'info', text: `Imported “${outcome.value.name}” as chart ${outcome.value.key}.`, details: [] });
    setKey('');
    router.refresh();
  };

  return (
    <form
      className={styles.form}
      aria-label="Import a chart"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className={styles.field}>
        <label htmlFor={`${id}-file`}>Chart file (seats.io JSON)</label>
        <input id={`${id}-file`} type="file" accept=".json,application/json" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-key`}>Key (optional)</label>
        <input id={`${id}-key`} value={key} onChange={(e) => setKey(e.target.value)} />
      </div>
      {result && (
        <div className={result.tone === 'error' ? styles.error : styles.info} role={result.tone === 'error' ? 'alert' : 'status'}>
          {result.text}
          {result.details.length > 0 && (
            <ul>
              {result.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="submit" className={styles.primary} disabled={busy || !file}>
        {busy ? 'Importing…' : 'Import chart'}
      </button>
    </form>
  );
}
