import type { CommittedChanges } from '../booking/booking';

/** At most one message per event per tick: under load, changes wait up to this long to go out together. */
export const TICK_MS = 25;

/**
 * Collects committed batches per event and hands them out as one contiguous `fromSeq..toSeq` message per event.
 * After a quiet spell a change goes out at once (at the end of the current turn of the event loop, so the
 * commits of that turn travel together); while busy, at most once per tick. Commits arrive in seq order
 * (one writer), so batches simply append.
 */
export class ChangeFeed {
  private pending = new Map<number, CommittedChanges>();
  private cancel: (() => void) | undefined;
  private lastFlush = 0;

  constructor(private emit: (message: CommittedChanges) => void) {}

  publish(batches: CommittedChanges[]): void {
    for (const batch of batches) {
      const open = this.pending.get(batch.eventId);
      if (open && open.toSeq + 1 === batch.fromSeq) {
        open.toSeq = batch.toSeq;
        open.changes.push(...batch.changes);
        open.entries.push(...batch.entries);
      } else {
        // Out of order (should not happen with one writer): send what we have, start afresh.
        if (open) this.emit(open);
        this.pending.set(batch.eventId, { ...batch, changes: [...batch.changes], entries: [...batch.entries] });
      }
    }
    if (this.cancel) return;
    const wait = this.lastFlush + TICK_MS - Date.now();
    if (wait <= 0) {
      const immediate = setImmediate(() => this.flush());
      this.cancel = () => clearImmediate(immediate);
    } else {
      const timeout = setTimeout(() => this.flush(), wait);
      this.cancel = () => clearTimeout(timeout);
    }
  }

  flush(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.lastFlush = Date.now();
    const messages = [...this.pending.values()];
    this.pending.clear();
    for (const message of messages) this.emit(message);
  }
}
