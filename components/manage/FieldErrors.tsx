import styles from './manage.module.css';

/** What the server said is wrong with one field, announced with the field (aria-describedby points here). */
export function FieldErrors({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <span id={id} className={styles.fieldError}>
      {messages.join(' ')}
    </span>
  );
}
