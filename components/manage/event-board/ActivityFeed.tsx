import type { LoggedChange } from '../../../contracts/realtime';
import styles from './event-board.module.css';
import { changeWords, originName, type StatusStyle } from './status-style';

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The latest changes, newest first, as they happen. */
export function ActivityFeed({ feed, style }: { feed: LoggedChange[]; style: StatusStyle }) {
  if (feed.length === 0) return <p className={styles.muted}>Nothing has happened yet. Holds and bookings appear here as they are made.</p>;
  return (
    <ol className={styles.feed} data-testid="activity-feed">
      {feed.map((change) => (
        <li key={change.seq} data-status={change.status}>
          <time dateTime={new Date(change.at).toISOString()}>{time.format(change.at)}</time>
          <strong>{change.label}</strong>
          <span>
            {changeWords(change, style)}
            {change.quantity > 1 ? ` × ${change.quantity}` : ''}
          </span>
          <span className={styles.muted}>{change.orderId ? `order ${change.orderId}` : ''}</span>
          <span className={styles.origin}>{originName(change.origin)}</span>
        </li>
      ))}
    </ol>
  );
}
